package io.openekyc.vision.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.SharedData;
import io.openekyc.vision.document.generator.CanCuocRenderer;
import io.openekyc.vision.document.generator.CardRenderer;
import io.openekyc.vision.document.generator.IdentityFactory;
import io.openekyc.vision.document.generator.VnIdentity;
import io.openekyc.vision.image.ImageDecoder;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.model.Models;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CardOrientationTest {

    @Test
    void upsideDownFrontsAndBacksAreToldFromUprightOnes() throws Exception {
        RgbImage face = new ImageDecoder().decode(SharedData.read("faces/face-api-js/images/neutral.jpg"));
        try (Models models = new Models()) {
            IdentityFactory identities = new IdentityFactory(models, SharedData.root());
            CardRenderer renderer = new CardRenderer();
            Random random = new Random(8);
            for (int i = 0; i < 4; i++) {
                VnIdentity id = identities.next(random);
                // With and without a portrait (the renderer's silhouette stands in for a missing one).
                RgbImage front = RgbImage.of(renderer.front(id, i % 2 == 0 ? face.toBufferedImage() : null));
                RgbImage back = RgbImage.of(renderer.back(id));
                for (RgbImage card : new RgbImage[] {front, back}) {
                    assertThat(CardOrientation.upsideDown(card)).isFalse();
                    assertThat(CardOrientation.upsideDown(halfTurn(card))).isTrue();
                }
            }
        }
    }

    @Test
    void the2024CanCuocCardIsToldUprightByTheSameFeatures() throws Exception {
        RgbImage face = new ImageDecoder().decode(SharedData.read("faces/face-api-js/images/neutral.jpg"));
        try (Models models = new Models()) {
            IdentityFactory identities = new IdentityFactory(models, SharedData.root());
            CanCuocRenderer renderer = new CanCuocRenderer(new CardRenderer());
            Random random = new Random(9);
            for (int i = 0; i < 4; i++) {
                VnIdentity id = identities.next2024(random);
                RgbImage front = RgbImage.of(renderer.front(id, i % 2 == 0 ? face.toBufferedImage() : null));
                for (RgbImage card : new RgbImage[] {front, RgbImage.of(renderer.back(id))}) {
                    assertThat(CardOrientation.upsideDown(card)).isFalse();
                    assertThat(CardOrientation.upsideDown(halfTurn(card))).isTrue();
                }
            }
        }
    }

    @Test
    void cornersOfAnUpsideDownCardAreTurnedSoTheCardRectifiesUpright() throws Exception {
        try (Models models = new Models()) {
            VnIdentity id = new IdentityFactory(models, SharedData.root()).next(new Random(2));
            RgbImage photo = halfTurn(RgbImage.of(new CardRenderer().front(id, null)));
            int w = photo.width();
            int h = photo.height();
            double[][] asSeen = {{0, 0}, {w, 0}, {w, h}, {0, h}};
            assertThat(CardOrientation.upright(photo, asSeen)).isEqualTo(new double[][] {{w, h}, {0, h}, {0, 0}, {w, 0}});
        }
    }

    private static RgbImage halfTurn(RgbImage card) {
        int w = card.width();
        int h = card.height();
        return CardLocator.rectify(card, new double[][] {{w, h}, {0, h}, {0, 0}, {w, 0}}, w, h);
    }
}
