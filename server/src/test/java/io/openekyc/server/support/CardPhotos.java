package io.openekyc.server.support;

import io.openekyc.vision.document.generator.CardRenderer;
import io.openekyc.vision.document.generator.IdentityFactory;
import io.openekyc.vision.document.generator.TablePhoto;
import io.openekyc.vision.document.generator.VnIdentity;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.model.Models;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** Generated specimen CCCDs (random, rule-consistent identities) photographed flat on a table, as JPEG. */
public final class CardPhotos {

    private static IdentityFactory identities;
    private static final CardRenderer RENDERER = new CardRenderer();

    private CardPhotos() {
    }

    public static synchronized VnIdentity identity(long seed) {
        if (identities == null) {
            identities = new IdentityFactory(new Models(), SharedData.root());
        }
        return identities.next(new Random(seed));
    }

    public static byte[] front(VnIdentity id) {
        return jpeg(TablePhoto.of(RgbImage.of(RENDERER.front(id, null))));
    }

    public static byte[] back(VnIdentity id) {
        return jpeg(TablePhoto.of(RgbImage.of(RENDERER.back(id))));
    }

    private static byte[] jpeg(RgbImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image.toBufferedImage(), "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
