package io.openekyc.server.support;

import io.openekyc.vision.document.generator.CardRenderer;
import io.openekyc.vision.document.generator.CmndRenderer;
import io.openekyc.vision.document.generator.IdentityFactory;
import io.openekyc.vision.document.generator.LicenceRenderer;
import io.openekyc.vision.document.generator.MrcRenderer;
import io.openekyc.vision.document.generator.PassportRenderer;
import io.openekyc.vision.document.generator.PhCardRenderer;
import io.openekyc.vision.document.generator.PhIdentity;
import io.openekyc.vision.document.generator.PhIdentityFactory;
import io.openekyc.vision.document.generator.TablePhoto;
import io.openekyc.vision.document.generator.VnCmnd;
import io.openekyc.vision.document.generator.VnIdentity;
import io.openekyc.vision.document.generator.VnLicence;
import io.openekyc.vision.document.generator.VnPassport;
import io.openekyc.vision.document.generator.VnRegistration;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.model.Models;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Generated specimen cards (chip and 2016 CCCD, 12- and 9-digit CMND, PhilHealth, UMID, driving licence, motorcycle registration) and passport data pages
 * (random, consistent identities) photographed flat on a table, as JPEG.
 */
public final class CardPhotos {

    private static IdentityFactory identities;
    private static final CardRenderer RENDERER = new CardRenderer();
    private static final PhCardRenderer PHILIPPINE = new PhCardRenderer(RENDERER);

    private CardPhotos() {
    }

    public static synchronized VnIdentity identity(long seed) {
        return identities().next(new Random(seed));
    }

    public static synchronized VnPassport passport(long seed) {
        return identities().passport(new Random(seed));
    }

    private static IdentityFactory identities() {
        if (identities == null) {
            identities = new IdentityFactory(new Models(), SharedData.root());
        }
        return identities;
    }

    /** The passport's data page, without a portrait, photographed flat. */
    public static byte[] page(VnPassport passport) {
        return jpeg(TablePhoto.of(RgbImage.of(new PassportRenderer().page(passport, null))));
    }

    public static synchronized VnLicence licence(long seed) {
        identity(0); // loads the factory
        return identities.nextLicence(new Random(seed));
    }

    /** A motorcycle registration: the 2020 card when {@code newCard}, else the old paper certificate. */
    public static synchronized VnRegistration registration(long seed, boolean newCard) {
        identity(0); // loads the factory
        return identities.nextRegistration(new Random(seed), newCard);
    }

    public static byte[] registrationPhoto(VnRegistration registration) {
        return jpeg(TablePhoto.of(RgbImage.of(new MrcRenderer(RENDERER).render(registration))));
    }

    public static PhIdentity filipino(long seed) {
        return new PhIdentityFactory().next(new Random(seed));
    }

    public static byte[] licenceFront(VnLicence licence) {
        return jpeg(TablePhoto.of(RgbImage.of(new LicenceRenderer(RENDERER).front(licence, null))));
    }

    public static byte[] philHealthFront(PhIdentity id) {
        return jpeg(TablePhoto.of(RgbImage.of(PHILIPPINE.philHealth(id, null))));
    }

    public static byte[] umidFront(PhIdentity id) {
        return jpeg(TablePhoto.of(RgbImage.of(PHILIPPINE.umid(id, null))));
    }

    /** A 2016 CCCD (no chip) holder. */
    public static synchronized VnIdentity identity2016(long seed) {
        return identities().next2016(new Random(seed));
    }

    /** A CMND holder: the 12-digit card, or the old 9-digit one. */
    public static synchronized VnCmnd cmnd(long seed, boolean twelveDigits) {
        Random random = new Random(seed);
        return twelveDigits ? identities().nextCmnd12(random) : identities().cmnd(identities().nextCmnd(random), random);
    }

    public static byte[] front2016(VnIdentity id) {
        return jpeg(TablePhoto.of(RgbImage.of(RENDERER.front2016(id, null))));
    }

    public static byte[] back2016(VnIdentity id) {
        return jpeg(TablePhoto.of(RgbImage.of(RENDERER.back2016(id))));
    }

    /** The 12-digit CMND's front (the 9-digit card's front is read by its own reader, tested in vision). */
    public static byte[] cmndFront12(VnCmnd cmnd) {
        return jpeg(TablePhoto.of(RgbImage.of(new CmndRenderer(RENDERER).front12(cmnd, null))));
    }

    public static byte[] cmndBack(VnCmnd cmnd) {
        return jpeg(TablePhoto.of(RgbImage.of(new CmndRenderer(RENDERER).back(cmnd))));
    }

    public static byte[] front(VnIdentity id) {
        return jpeg(TablePhoto.of(RgbImage.of(RENDERER.front(id, null))));
    }

    public static byte[] back(VnIdentity id) {
        return jpeg(TablePhoto.of(RgbImage.of(RENDERER.back(id))));
    }

    /** Upper case without diacritics: how a value is compared where OCR may drop a tone mark. */
    public static String fold(String text) {
        return java.text.Normalizer.normalize(text.replace('Đ', 'D').replace('đ', 'd'), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toUpperCase(java.util.Locale.ROOT);
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
