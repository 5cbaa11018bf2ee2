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
