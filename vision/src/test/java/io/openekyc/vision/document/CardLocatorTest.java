package io.openekyc.vision.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.SharedData;
import io.openekyc.vision.document.generator.CardGenerator;
import io.openekyc.vision.document.generator.IdentityFactory;
import io.openekyc.vision.image.ImageDecoder;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.model.Models;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CardLocatorTest {

    @Test
    void findsGeneratedFrontsAndBacksUprightWithinThreePercentOfTheirTrueCorners(@TempDir Path out) throws Exception {
        // Seven identities: one of each degradation, the last photo turned by a quarter or half turn.
        try (Models models = new Models()) {
            new CardGenerator(new IdentityFactory(models, SharedData.root())).generate("vn.national_id", 7, 42, out, null);
        }
        JsonMapper json = JsonMapper.builder().build();
        int found = 0;
        StringBuilder misses = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            for (String side : new String[] {"front", "back"}) {
                JsonNode truth = json.readTree(Files.readString(out.resolve(String.format("%04d_%s.json", i, side))));
                RgbImage photo = new ImageDecoder().decode(Files.readAllBytes(out.resolve(truth.get("image").asString())));
                CardLocator.Located located = new CardLocator().locate(photo);
                // Corners in the truth's order: a card found but turned the wrong way round fails.
                if (located != null && within(located.corners(), truth.get("corners"), 0.03)) {
                    found++;
                } else {
                    misses.append(truth.get("image").asString()).append(' ');
                }
            }
        }
        assertThat(found).as(misses.toString()).isGreaterThanOrEqualTo(13);
    }

    @Test
    void outlinesMotorcycleRegistrationsByTheirPaperNotTheFramePrintedOnIt(@TempDir Path out) throws Exception {
        // Twelve registrations, the paper certificate (a ruled frame inside pale paper) every other one.
        try (Models models = new Models()) {
            new CardGenerator(new IdentityFactory(models, SharedData.root())).generate("vn.mrc", 12, 2026, out, null);
        }
        JsonMapper json = JsonMapper.builder().build();
        int found = 0;
        StringBuilder misses = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            JsonNode truth = json.readTree(Files.readString(out.resolve(String.format("%04d_back.json", i))));
            RgbImage photo = new ImageDecoder().decode(Files.readAllBytes(out.resolve(truth.get("image").asString())));
            CardLocator.Located located = new CardLocator().locate(photo);
            // Nothing on a registration tells CardOrientation which way up it is: the reader turns it by its labels.
            if (located != null && (within(located.corners(), truth.get("corners"), 0.03)
                    || within(halfTurned(located.corners()), truth.get("corners"), 0.03))) {
                found++;
            } else {
                misses.append(truth.get("image").asString()).append(' ');
            }
        }
        // Before the paper's edge was looked for beyond the frame, 7 of these 12.
        assertThat(found).as(misses.toString()).isGreaterThanOrEqualTo(10);
    }

    private static double[][] halfTurned(double[][] c) {
        return new double[][] {c[2], c[3], c[0], c[1]};
    }

    @Test
    void findsACardSeenSoObliquelyThatItsSidesConvergeBySeventeenDegrees() {
        // Left and right sides each lean 8.5 degrees outwards: the top edge is nearer the camera's axis.
        double[][] card = {{300, 250}, {1300, 250}, {1391, 860}, {209, 860}};

        assertFoundUpToAHalfTurn(cardOnTable(new java.awt.Color(60, 62, 70), card, new java.awt.Color(230, 230, 224),
                java.awt.Color.BLACK, 420, 370), card, 1000);
    }

    @Test
    void aFramedPaleCertificateIsOutlinedByItsPaperEdgeNotItsFrame() {
        // Cream paper on a beige table, a dark ruled frame printed about 4% of its width inside the paper's edge.
        java.awt.image.BufferedImage photo = new java.awt.image.BufferedImage(1600, 1200,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = photo.createGraphics();
        g.setColor(new java.awt.Color(196, 172, 146));
        g.fillRect(0, 0, 1600, 1200);
        double[][] paper = {{220, 180}, {1380, 230}, {1350, 960}, {190, 910}};
        g.setColor(new java.awt.Color(236, 228, 204));
        g.fill(polygon(paper));
        g.setColor(new java.awt.Color(120, 50, 45));
        g.setStroke(new java.awt.BasicStroke(7));
        g.draw(polygon(new double[][] {{266, 226}, {1333, 272}, {1305, 915}, {236, 866}}));
        g.setStroke(new java.awt.BasicStroke(2));
        g.draw(polygon(new double[][] {{282, 242}, {1317, 287}, {1290, 899}, {252, 851}}));
        g.setColor(java.awt.Color.BLACK);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 40));
        for (int row = 0; row < 6; row++) {
            g.drawString("Ten chu xe: NGUYEN VAN " + row, 330, 330 + 90 * row);
        }
        g.dispose();

        CardLocator.Located located = new CardLocator().locate(RgbImage.of(photo));

        assertThat(located).isNotNull();
        double width = Math.hypot(paper[1][0] - paper[0][0], paper[1][1] - paper[0][1]);
        double[][] upright = located.corners();
        double[][] turned = {upright[2], upright[3], upright[0], upright[1]};
        // No QR, portrait or MRZ tells which way up the certificate is: either turn is fine here.
        assertThat(maxDistance(upright, paper) < 0.01 * width || maxDistance(turned, paper) < 0.01 * width)
                .as("corners %s", java.util.Arrays.deepToString(upright)).isTrue();
    }

    @Test
    void aCardOfTheTablesGreyIsFoundByItsColour() {
        // Low light: a blue-grey card on a brown table, both at grey level 81-82. Only colour tells them apart.
        double[][] card = {{310, 230}, {1330, 290}, {1295, 930}, {275, 870}};

        assertFoundUpToAHalfTurn(cardOnTable(new java.awt.Color(96, 78, 60), card, new java.awt.Color(64, 88, 100),
                new java.awt.Color(20, 20, 24), 450, 380), card, 1000);
    }

    @Test
    void aPassportPageSeenFromBelowIsOutlinedWholeNotCutAtItsMrzBand() {
        // 125 x 88 mm foreshortened to 1.24: the part above the MRZ band alone is shaped like an ID-1 card.
        java.awt.image.BufferedImage photo = new java.awt.image.BufferedImage(1600, 1200,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = photo.createGraphics();
        g.setColor(new java.awt.Color(50, 52, 60));
        g.fillRect(0, 0, 1600, 1200);
        double[][] page = {{250, 150}, {1370, 160}, {1375, 1060}, {245, 1050}};
        g.setColor(new java.awt.Color(200, 214, 226));
        g.fill(polygon(page));
        g.setColor(new java.awt.Color(250, 250, 248));
        g.fill(polygon(new double[][] {{246, 850}, {1374, 858}, {1375, 1060}, {245, 1050}}));
        g.setColor(java.awt.Color.BLACK);
        g.setFont(new java.awt.Font(java.awt.Font.MONOSPACED, java.awt.Font.BOLD, 40));
        g.drawString("P<VNMNGUYEN<<VAN<AN<<<<<<<<<<<<<<<", 290, 930);
        g.drawString("C1234567<4VNM9001012M3001015<<<<<<", 290, 1010);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 36));
        for (int row = 0; row < 5; row++) {
            g.drawString("Ho va ten / Full name: " + row, 640, 260 + 110 * row);
        }
        g.dispose();

        assertFoundUpToAHalfTurn(photo, page, 1120);
    }

    /** A photo of a plain card on a plain table, five lines of text on it from (x, y). */
    private static java.awt.image.BufferedImage cardOnTable(java.awt.Color table, double[][] card, java.awt.Color paper,
                                                            java.awt.Color ink, int x, int y) {
        java.awt.image.BufferedImage photo = new java.awt.image.BufferedImage(1600, 1200,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = photo.createGraphics();
        g.setColor(table);
        g.fillRect(0, 0, 1600, 1200);
        g.setColor(paper);
        g.fill(polygon(card));
        g.setColor(ink);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 40));
        for (int row = 0; row < 5; row++) {
            g.drawString("Ho va ten / Full name: " + row, x, y + 100 * row);
        }
        g.dispose();
        return photo;
    }

    /** Found with every corner within 1% of the card's width of the truth, upright or half turned. */
    private static void assertFoundUpToAHalfTurn(java.awt.image.BufferedImage photo, double[][] truth, double width) {
        CardLocator.Located located = new CardLocator().locate(RgbImage.of(photo));

        assertThat(located).isNotNull();
        double[][] found = located.corners();
        assertThat(maxDistance(found, truth) < 0.01 * width || maxDistance(halfTurned(found), truth) < 0.01 * width)
                .as("corners %s", java.util.Arrays.deepToString(found)).isTrue();
    }

    private static java.awt.geom.Path2D polygon(double[][] q) {
        java.awt.geom.Path2D.Double path = new java.awt.geom.Path2D.Double();
        path.moveTo(q[0][0], q[0][1]);
        for (int i = 1; i < 4; i++) {
            path.lineTo(q[i][0], q[i][1]);
        }
        path.closePath();
        return path;
    }

    private static double maxDistance(double[][] found, double[][] truth) {
        double max = 0;
        for (int i = 0; i < 4; i++) {
            max = Math.max(max, Math.hypot(found[i][0] - truth[i][0], found[i][1] - truth[i][1]));
        }
        return max;
    }

    @Test
    void aPictureWithoutACardGivesNothing() throws Exception {
        RgbImage face = new ImageDecoder().decode(SharedData.read("faces/face-api-js/images/amy/amy1.png"));
        assertThat(new CardLocator().locate(face)).isNull();
    }

    @Test
    void rectifyingWithTheTrueCornersRestoresTheCardSize() {
        int[] px = new int[400 * 300];
        java.util.Arrays.fill(px, 0x404040);
        RgbImage photo = new RgbImage(400, 300, px);
        RgbImage card = CardLocator.rectify(photo, new double[][] {{50, 40}, {350, 60}, {340, 250}, {60, 240}}, 200, 126);
        assertThat(card.width()).isEqualTo(200);
        assertThat(card.height()).isEqualTo(126);
        assertThat(card.rgb(100, 60)).isEqualTo(0x404040);
    }

    static boolean within(double[][] found, JsonNode truth, double tolerance) {
        double width = Math.hypot(truth.get(1).get(0).asDouble() - truth.get(0).get(0).asDouble(),
                truth.get(1).get(1).asDouble() - truth.get(0).get(1).asDouble());
        for (int i = 0; i < 4; i++) {
            if (Math.hypot(found[i][0] - truth.get(i).get(0).asDouble(), found[i][1] - truth.get(i).get(1).asDouble())
                    > tolerance * width) {
                return false;
            }
        }
        return true;
    }
}
