package io.openekyc.vision.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.openekyc.vision.SharedData;
import io.openekyc.vision.document.generator.CardRenderer;
import io.openekyc.vision.document.generator.IdentityFactory;
import io.openekyc.vision.document.generator.PassportRenderer;
import io.openekyc.vision.document.generator.Photographer;
import io.openekyc.vision.document.generator.VnPassport;
import io.openekyc.vision.document.generator.TablePhoto;
import io.openekyc.vision.document.generator.VnIdentity;
import io.openekyc.vision.face.FaceKit;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.model.Models;
import io.openekyc.vision.quality.QualityCheck;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentReaderTest {

    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    @TempDir
    static Path cache;
    private static Models models;
    private static FaceKit faces;
    private static DocumentKit kit;
    private static IdentityFactory identities;
    private final CardRenderer renderer = new CardRenderer();

    @BeforeAll
    static void load() {
        models = new Models();
        faces = new FaceKit(models);
        kit = new DocumentKit(models, cache, faces.engine().detector(),
                Clock.fixed(LocalDate.of(2026, 11, 21).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        identities = new IdentityFactory(models, SharedData.root());
    }

    @AfterAll
    static void close() {
        kit.close();
        faces.close();
        models.close();
    }

    @Test
    void onABlurredPhotoEveryPrintedValueIsToBeReviewedButCheckedOnesAreNot() {
        var fields = new java.util.LinkedHashMap<String, CardField>();
        fields.put("full_name", CardField.printed("TÔ HIẾU LAM", 0.93, false));
        fields.put("id_number", new CardField("067166206551", 0.99, false, "qr"));
        fields.put("date_of_birth", new CardField("28/11/1966", 0.99, false, "mrz"));
        var blurred = new QualityCheck("blur", "fail", 0.13, 0.7, "");
        var sharp = new QualityCheck("blur", "pass", 1.4, 0.7, "");
        CardReading reading = new CardReading("vn.national_id", CardSide.FRONT, "cccd_chip_front", null, fields,
                Map.of(), null, null, List.of(blurred), List.of(), List.of(), 0);

        CardReading reviewed = DocumentReader.withBlurredPrintReviewed(reading);
        assertThat(reviewed.fields().get("full_name").toBeReviewed()).isTrue();
        assertThat(reviewed.fields().get("full_name").value()).isEqualTo("TÔ HIẾU LAM");
        assertThat(reviewed.fields().get("id_number").toBeReviewed()).isFalse();
        assertThat(reviewed.fields().get("date_of_birth").toBeReviewed()).isFalse();

        CardReading sharpReading = new CardReading("vn.national_id", CardSide.FRONT, "cccd_chip_front", null, fields,
                Map.of(), null, null, List.of(sharp), List.of(), List.of(), 0);
        assertThat(DocumentReader.withBlurredPrintReviewed(sharpReading).fields().get("full_name").toBeReviewed()).isFalse();
    }

    @Test
    void aChipCardFrontIsFoundTypedAndReadWithItsQrValues() {
        VnIdentity id = identities.next(new Random(11));
        CardReading reading = kit.reader().read(TablePhoto.of(RgbImage.of(renderer.front(id, null))), null);
        assertThat(reading.found()).isTrue();
        assertThat(reading.label()).isEqualTo("vn.national_id.front");
        assertThat(reading.typeCode()).isEqualTo("cccd_chip_front");
        assertThat(reading.value("id_number")).isEqualTo(id.number());
        assertThat(reading.value("full_name")).isEqualTo(id.fullName());
        assertThat(reading.value("date_of_birth")).isEqualTo(PRINTED.format(id.birthDate()));
        assertThat(reading.value("sex")).isEqualTo(id.sexLabel());
        assertThat(reading.value("date_of_issue")).isEqualTo(PRINTED.format(id.issueDate()));
        assertThat(reading.fields().get("id_number").source()).isEqualTo("qr");
        assertThat(reading.rules()).noneMatch(QualityCheck::failed);
        assertThat(reading.tampering()).extracting(QualityCheck::name).containsExactly("printed_vs_qr", "photo_tampered");
        // Rendered and photographed without JPEG: no compression history, nothing pasted.
        assertThat(reading.tampering()).filteredOn(t -> t.name().equals("photo_tampered"))
                .singleElement().matches(t -> !t.failed());
    }

    @Test
    void aQrFromAnotherCardIsATamperingSignal() {
        VnIdentity id = identities.next(new Random(12));
        VnIdentity other = identities.next(new Random(13));
        CardReading reading = kit.reader().read(TablePhoto.of(RgbImage.of(renderer.front(id, null))), null);
        var otherQr = io.openekyc.vision.document.vn.CccdQr.parse(CardRenderer.qrPayload(other)).orElseThrow();
        CardReading swapped = kit.reader().withQr(reading, otherQr);
        assertThat(swapped.tampering()).filteredOn(t -> t.name().equals("printed_vs_qr"))
                .singleElement().matches(QualityCheck::failed);
        assertThat(swapped.fields().get("id_number").toBeReviewed()).isTrue();
    }

    @Test
    void aBackIsReadFromItsMrzAndMatchesItsFront() {
        VnIdentity id = identities.next(new Random(14));
        CardReading back = kit.reader().read(TablePhoto.of(RgbImage.of(renderer.back(id))), CardSide.BACK);
        assertThat(back.typeCode()).isEqualTo("cccd_chip_back");
        assertThat(back.value("date_of_birth")).isEqualTo(PRINTED.format(id.birthDate()));
        assertThat(back.value("id_number")).isEqualTo(id.number());
        assertThat(back.value("date_of_issue")).isEqualTo(PRINTED.format(id.issueDate()));
        assertThat(back.value("place_of_issue")).contains("TRẬT TỰ XÃ HỘI");
        CardReading front = kit.reader().read(TablePhoto.of(RgbImage.of(renderer.front(id, null))), CardSide.FRONT);
        assertThat(DocumentReader.sameCard(front, back)).filteredOn(c -> !c.unavailable())
                .isNotEmpty().noneMatch(QualityCheck::failed);
    }

    @Test
    void anotherCountrysPassportIsReadFromItsMrzButIsNotAVietnamesePassport() throws Exception {
        // ICAO 9303's specimen (Utopia, Anna Maria Eriksson), photographed: passporteye's test image.
        RgbImage photo = new io.openekyc.vision.image.ImageDecoder().decode(
                SharedData.read("id-docs/passporteye/tests/data/passport-td3.jpg"));
        CardReading reading = kit.reader().read(photo, null);
        assertThat(reading.documentType()).isEqualTo("passport");
        assertThat(reading.value("passport_number")).isEqualTo("L898902C3");
        assertThat(reading.value("date_of_birth")).isEqualTo("12/08/1974");
        assertThat(reading.value("full_name")).isEqualTo("ERIKSSON ANNA MARIA");
    }

    @Test
    void aPassportPageIsFoundAndReadFromItsMrzAndItsPrintedFields() {
        VnPassport passport = identities.passport(new Random(21));
        VnIdentity holder = passport.holder();
        RgbImage page = RgbImage.of(new PassportRenderer().page(passport, null));
        CardReading reading = kit.reader().read(TablePhoto.of(page), null);
        assertThat(reading.typeCode()).isEqualTo("vn_passport_front");
        assertThat(reading.located()).isNotNull();
        assertThat(CardLocator.aspect(reading.located().corners())).isCloseTo(125.0 / 88, within(0.03));
        assertThat(reading.value("passport_number")).isEqualTo(passport.number());
        assertThat(reading.value("id_number")).isEqualTo(holder.number());
        assertThat(reading.value("full_name")).isEqualTo(holder.fullName());
        assertThat(reading.fields().get("full_name").confidence()).isNotNull();
        assertThat(reading.value("date_of_birth")).isEqualTo(PRINTED.format(holder.birthDate()));
        assertThat(reading.value("sex")).isEqualTo(holder.sexLabel());
        assertThat(reading.value("place_of_birth")).isEqualTo(passport.placeOfBirth());
        assertThat(reading.value("date_of_issue")).isEqualTo(PRINTED.format(passport.issueDate()));
        assertThat(reading.value("date_of_expiry")).isEqualTo(PRINTED.format(passport.expiryDate()));
        assertThat(reading.value("place_of_issue")).isEqualTo(passport.placeOfIssue());
        assertThat(reading.fields().get("passport_number").source()).isEqualTo("mrz");
        assertThat(reading.tampering()).extracting(QualityCheck::name).contains("mrz_check_digits", "viz_vs_mrz");
        assertThat(reading.tampering()).noneMatch(QualityCheck::failed);
    }

    @Test
    void aPictureWithoutADocumentIsNotFound() {
        int[] px = new int[800 * 600];
        Random random = new Random(5);
        for (int i = 0; i < px.length; i++) {
            px[i] = random.nextInt(0x1000000);
        }
        CardReading reading = kit.reader().read(new RgbImage(800, 600, px), null);
        assertThat(reading.found()).isFalse();
        assertThat(reading.label()).isNull();
    }

    @Test
    void aBlackAndWhiteCopyAndABlurredPhotoAreFlagged() {
        VnIdentity id = identities.next(new Random(15));
        RgbImage card = RgbImage.of(renderer.front(id, null));
        CardQuality quality = new CardQuality(null);
        RgbImage photo = TablePhoto.of(card);
        CardLocator.Located located = new CardLocator().locate(photo);
        assertThat(located).isNotNull();
        assertThat(status(quality.check(photo, located, card, CardSide.FRONT), "black_and_white")).isEqualTo("pass");
        assertThat(status(quality.check(photo, located, card, CardSide.FRONT), "blur")).isEqualTo("pass");
        RgbImage grey = grey(card);
        assertThat(status(quality.check(photo, located, grey, CardSide.FRONT), "black_and_white")).isEqualTo("fail");
        RgbImage soft = card.resize(card.width() / 6, card.height() / 6).resize(card.width(), card.height());
        assertThat(status(quality.check(photo, located, soft, CardSide.FRONT), "blur")).isEqualTo("fail");
    }

    @Test
    void anOutOfFocusCardIsReadRefocusedButJudgedAsTaken() {
        VnIdentity id = identities.next(new Random(21));
        RgbImage card = RgbImage.of(renderer.front(id, null));
        Photographer camera = new Photographer();
        Photographer.Photo sharp = camera.shoot(card, "none", new Random(5));
        assertThat(DocumentReader.refocused(sharp.image(), sharp.corners())).isSameAs(sharp.image());

        Photographer.Photo blurred = camera.shoot(card, "blur", new Random(5));
        RgbImage refocused = DocumentReader.refocused(blurred.image(), blurred.corners());
        double before = CardQuality.sharpness(CardLocator.rectify(blurred.image(), blurred.corners(), 500, 315));
        double after = CardQuality.sharpness(CardLocator.rectify(refocused, blurred.corners(), 500, 315));
        assertThat(after).isGreaterThan(2 * before);

        CardReading reading = kit.reader().read(blurred.image(), null);
        assertThat(status(reading.quality(), "blur")).isEqualTo("fail");
        assertThat(reading.fields().get("id_number").value()).isEqualTo(id.number());
        assertThat(reading.fields().get("full_name").toBeReviewed()).isTrue(); // printed, on a blurred photo
    }

    @Test
    void twoCardsInOnePhotoAreFlagged() {
        RgbImage first = RgbImage.of(renderer.front(identities.next(new Random(16)), null));
        RgbImage second = RgbImage.of(renderer.back(identities.next(new Random(17))));
        int gap = 120;
        int width = first.width() + second.width() + 3 * gap;
        int height = first.height() + 2 * gap;
        int[] px = new int[width * height];
        java.util.Arrays.fill(px, 0x3A3530);
        for (RgbImage card : java.util.List.of(first, second)) {
            int left = card == first ? gap : 2 * gap + first.width();
            for (int y = 0; y < card.height(); y++) {
                for (int x = 0; x < card.width(); x++) {
                    px[(gap + y) * width + left + x] = card.rgb(x, y);
                }
            }
        }
        CardReading two = kit.reader().read(new RgbImage(width, height, px), null);
        assertThat(status(two.quality(), "multiple_cards")).isEqualTo("fail");
        CardReading one = kit.reader().read(TablePhoto.of(first), null);
        assertThat(status(one.quality(), "multiple_cards")).isEqualTo("pass");
    }

    @Test
    void photosOfAScreenShowingTheCardAreFlaggedAndPhotosOfTheCardAreNot() {
        CardLocator locator = new CardLocator();
        io.openekyc.vision.document.generator.Photographer photographer = new io.openekyc.vision.document.generator.Photographer();
        io.openekyc.vision.document.generator.ScreenRecapture screen = new io.openekyc.vision.document.generator.ScreenRecapture();
        int flaggedCards = 0;
        int flaggedScreens = 0;
        for (int seed = 0; seed < 4; seed++) {
            Random random = new Random(40 + seed);
            RgbImage card = RgbImage.of(renderer.front(identities.next(random), null));
            var photo = photographer.shoot(card, "none", random);
            var recaptured = screen.shoot(photo.image(), photo.corners(), random);
            if (CardQuality.screen(photo.image(), locator.locate(photo.image())).failed()) {
                flaggedCards++;
            }
            if (CardQuality.screen(recaptured.image(), locator.locate(recaptured.image())).failed()) {
                flaggedScreens++;
            }
        }
        assertThat(flaggedCards).isZero();
        assertThat(flaggedScreens).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aClippedCornerIsFlaggedAndRoundedCornersAreNot() {
        RgbImage card = RgbImage.of(renderer.back(identities.next(new Random(18))));
        int legs = card.width() / 8; // a 10 mm cut on an 85.6 mm card
        int[] px = new int[card.width() * card.height()];
        for (int y = 0; y < card.height(); y++) {
            for (int x = 0; x < card.width(); x++) {
                boolean cut = (card.width() - 1 - x) + (card.height() - 1 - y) < legs;
                px[y * card.width() + x] = cut ? 0x3A3530 : card.rgb(x, y);
            }
        }
        RgbImage clipped = TablePhoto.of(new RgbImage(card.width(), card.height(), px));
        RgbImage whole = TablePhoto.of(card);
        CardLocator locator = new CardLocator();
        assertThat(CardQuality.cornerCut(clipped, locator.locate(clipped)).status()).isEqualTo("fail");
        assertThat(CardQuality.cornerCut(whole, locator.locate(whole)).status()).isEqualTo("pass");
    }

    private static String status(java.util.List<QualityCheck> checks, String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().status();
    }

    private static RgbImage grey(RgbImage image) {
        int[] px = new int[image.width() * image.height()];
        double[] luma = image.luma();
        for (int i = 0; i < px.length; i++) {
            int g = (int) Math.round(luma[i]);
            px[i] = g << 16 | g << 8 | g;
        }
        return new RgbImage(image.width(), image.height(), px);
    }
}
