package io.openekyc.vision.document.mrz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openekyc.vision.image.RgbImage;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OCR-B template reading of MRZs rendered from the ICAO 9303 specimen lines (parts 4 to 6), turned,
 * blurred and noisy, at sizes unlike the templates'. Needs the OCR-B font (Debian fonts-ocr-b).
 */
class MrzTemplateReaderTest {

    static final List<String> TD3 = List.of("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
            "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
    static final List<String> TD2 = List.of("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6");
    static final List<String> TD1 = List.of("I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
            "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");

    private static MrzTemplateReader reader;

    @BeforeAll
    static void load() {
        OcrBTemplates templates = OcrBTemplates.load();
        assumeTrue(templates != null, "the OCR-B font (fonts-ocr-b) is not installed");
        reader = new MrzTemplateReader(templates);
    }

    @Test
    void theSpecimenLinesAreValid() {
        assertThat(MrzParser.parse(TD3).valid()).isTrue();
        assertThat(MrzParser.parse(TD2).valid()).isTrue();
        assertThat(MrzParser.parse(TD1).valid()).isTrue();
    }

    @Test
    void readsASharpStraightTd3() {
        MrzResult result = reader.read(render(TD3, 30, 0, 0, 0));
        assertThat(result).isNotNull();
        assertThat(result.lines()).isEqualTo(TD3);
        assertThat(result.repairs()).isEmpty();
    }

    @Test
    void readsATurnedBlurredNoisyTd1() {
        MrzResult result = reader.read(render(TD1, 34, 2.5, 1.5, 12));
        assertThat(result).isNotNull();
        assertThat(result.format()).isEqualTo(MrzFormat.TD1);
        assertThat(result.lines()).isEqualTo(TD1);
    }

    @Test
    void readsASmallTd2TurnedTheOtherWay() {
        MrzResult result = reader.read(render(TD2, 22, -1.5, 0.8, 6));
        assertThat(result).isNotNull();
        assertThat(result.lines()).isEqualTo(TD2);
    }

    @Test
    void readsAPagePhotographedSideways() {
        RgbImage upright = render(TD3, 26, 0.5, 0.6, 5);
        int w = upright.width();
        int h = upright.height();
        int[] turned = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // A quarter turn anticlockwise: the MRZ runs bottom to top along the left edge.
                turned[(w - 1 - x) * h + y] = upright.rgb(x, y);
            }
        }
        MrzResult result = reader.read(new RgbImage(h, w, turned));
        assertThat(result).isNotNull();
        assertThat(result.lines()).isEqualTo(TD3);
    }

    @Test
    void zerosAndOsAreTold() {
        // O and 0 differ only in shape details in OCR-B; optional data holds either, unchecked but for the composite.
        List<String> lines = List.of(pad("I<UTOD231458907O0O0OO00O0O0"), pad("7408122F1204159UTO"), pad("OOSTERHOUT<<ODO"));
        List<String> valid = withComposite(lines);
        MrzResult result = reader.read(render(valid, 32, 1, 0.7, 4));
        assertThat(result).isNotNull();
        assertThat(result.lines()).isEqualTo(valid);
    }

    @Test
    void proseInOcrBIsNoMrz() {
        List<String> prose = List.of("THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG", "PACK MY BOX WITH FIVE DOZEN LIQUOR JUGS",
                "SPHINX OF BLACK QUARTZ JUDGE MY VOW");
        MrzResult result = reader.read(render(prose, 30, 0, 0, 0));
        assertThat(result == null || !result.valid()).isTrue();
    }

    private static String pad(String line) {
        return line + "<".repeat(30 - line.length());
    }

    /** The TD1 lines with the composite check digit recomputed (the last character of line 2). */
    static List<String> withComposite(List<String> lines) {
        String l1 = lines.get(0);
        String l2 = lines.get(1);
        int composite = MrzParser.checkDigit(l1.substring(5, 30) + l2.substring(0, 7) + l2.substring(8, 15)
                + l2.substring(18, 29));
        List<String> fixed = List.of(l1, l2.substring(0, 29) + composite, lines.get(2));
        assertThat(MrzParser.parse(fixed).valid()).isTrue();
        return fixed;
    }

    /** The lines in OCR-B on a light grey page with other text above, turned, blurred and with noise. */
    static RgbImage render(List<String> lines, float size, double degrees, double blur, double noise) {
        int width = (int) (size * 0.75 * 46);
        int height = (int) (size * 12);
        BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(new Color(0xE4E1DA));
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.rotate(Math.toRadians(degrees), width / 2.0, height / 2.0);
        g.setColor(new Color(0x303030));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) (size * 0.6)));
        g.drawString("Surname / Nom: ERIKSSON   Given names / Prenoms: ANNA MARIA", size, size * 2);
        g.drawString("Date of birth / Date de naissance: 12 AUG 1974", size, size * 3);
        g.setColor(new Color(0x111111));
        g.setFont(ocrB().deriveFont(size));
        float y = height - size * 1.45f * lines.size();
        for (String line : lines) {
            g.drawString(line, size, y);
            y += size * 1.45f;
        }
        g.dispose();
        if (blur > 0) {
            page = new ConvolveOp(gaussian(blur), ConvolveOp.EDGE_NO_OP, null).filter(page, null);
        }
        Random random = new Random(5);
        int[] rgb = page.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < rgb.length; i++) {
            int grey = (rgb[i] >> 8) & 0xFF;
            int v = (int) Math.clamp(grey + random.nextGaussian() * noise, 0, 255);
            rgb[i] = (v << 16) | (v << 8) | v;
        }
        return new RgbImage(width, height, rgb);
    }

    private static Font ocrB() {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, OcrBTemplates.FONT.toFile());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Kernel gaussian(double sigma) {
        int radius = (int) Math.ceil(sigma * 2.5);
        int size = 2 * radius + 1;
        float[] weights = new float[size * size];
        float total = 0;
        for (int y = -radius; y <= radius; y++) {
            for (int x = -radius; x <= radius; x++) {
                float w = (float) Math.exp(-(x * x + y * y) / (2 * sigma * sigma));
                weights[(y + radius) * size + x + radius] = w;
                total += w;
            }
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= total;
        }
        return new Kernel(size, size, weights);
    }
}
