package io.openekyc.vision.document.ph;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.document.CardField;
import io.openekyc.vision.document.CardLocator;
import io.openekyc.vision.document.generator.CardRenderer;
import io.openekyc.vision.document.generator.PhCardRenderer;
import io.openekyc.vision.document.generator.PhIdentity;
import io.openekyc.vision.document.generator.PhIdentityFactory;
import io.openekyc.vision.document.generator.Photographer;
import io.openekyc.vision.document.ocr.LatinRecognizer;
import io.openekyc.vision.document.ocr.TextRecognizer;
import io.openekyc.vision.document.vn.InkLines;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.model.Models;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UmidReaderTest {

    @Test
    void readsEveryFieldOfFlatSpecimenFronts(@TempDir Path cache) {
        PhCardRenderer renderer = new PhCardRenderer(new CardRenderer());
        Random random = new Random(6);
        try (Models models = new Models(); TextRecognizer ocr = new TextRecognizer(models, cache, "eng")) {
            for (int i = 0; i < 3; i++) {
                PhIdentity id = new PhIdentityFactory().next(random);
                Map<String, CardField> fields = new UmidReader(ocr, new LatinRecognizer(models)).read(
                        PhilHealthReaderTest.straightened(renderer.umid(id, null)));
                assertThat(PhilHealthReaderTest.values(fields)).as(id.toString()).containsAllEntriesOf(Map.of(
                        "id_number", id.printedCrn(), "full_name", id.fullName(), "last_name", id.lastName(),
                        "first_name", id.firstName(), "middle_name", id.middleName(),
                        "date_of_birth", PhilHealthReaderTest.PRINTED.format(id.birthDate()), "sex", id.sex(),
                        "address", id.address()));
                assertThat(fields.values()).noneMatch(CardField::toBeReviewed);
            }
        }
    }

    /**
     * Blurred photos: where Tesseract leaves the birth date blank or doubtful, PP-OCR's reading of the
     * sex and birth-date line gives it ("F1961/11/19"), to be reviewed.
     */
    @Test
    void blurredBirthDatesAreReadAgainByPpOcr(@TempDir Path cache) {
        PhCardRenderer renderer = new PhCardRenderer(new CardRenderer());
        Random random = new Random(5);
        try (Models models = new Models(); TextRecognizer ocr = new TextRecognizer(models, cache, "eng")) {
            UmidReader reader = new UmidReader(ocr, new LatinRecognizer(models));
            int exact = 0;
            StringBuilder misses = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                PhIdentity id = new PhIdentityFactory().next(random);
                Photographer.Photo photo = new Photographer().shoot(RgbImage.of(renderer.umid(id, null)), "blur", random);
                CardField birth = reader.read(CardLocator.rectify(photo.image(), photo.corners(), 1000, 630))
                        .get("date_of_birth");
                String born = PhilHealthReaderTest.PRINTED.format(id.birthDate());
                if (birth != null && birth.value().equals(born)) {
                    exact++;
                } else {
                    misses.append(born).append(" read as ").append(birth).append('\n');
                }
            }
            // Measured on this seed: 5 of 10 exact, 4 with the PP-OCR reading switched off (seeds 3, 4, 6-8:
            // the same with and without). The misses are lines neither recogniser reads.
            assertThat(exact).as(misses.toString()).isGreaterThanOrEqualTo(5);
        }
    }

    /**
     * Blurred photos garble the small name labels; the names are taken by their place among the
     * bold lines. Boxes and texts as read on a blurred generated UMID (seed 3001, photo 0001): the
     * labels are about 20 px tall, the values about 30 px, the sex and birth-date line read blank.
     */
    @Test
    void namesAreTakenByTheirPlaceAmongTheBoldLines() {
        List<InkLines.Line> lines = List.of(line(164, 198, "CRN-0845-0801579-1"), line(215, 236, "ECTS"),
                line(235, 265, "MERCADO"), line(276, 296, "ChE NIE"), line(296, 325, "ANTONIO"),
                line(336, 356, "MIELE NE"), line(355, 385, "NAVARRO"), line(396, 415, "SE 7 DANE OF Se"),
                line(417, 445, ""), line(459, 478, "Las"), line(481, 510, "726 QUEZON ST, BAGGY. BAGUMBAYAN"));
        List<Integer> values = UmidReader.valueLines(lines, 0);
        assertThat(values).containsExactly(2, 4, 6, 8, 10);
        assertThat(UmidReader.namesByPlace(lines, values)).containsExactly("MERCADO", "ANTONIO", "NAVARRO");
        // A label read clearly is never a value, however tall glare made its box.
        assertThat(UmidReader.valueLines(List.of(line(164, 198, "CRN-0845-0801579-1"), line(271, 297, "GIVEN NAME")), 0))
                .isEmpty();
        // Values that do not read as names are not taken.
        assertThat(UmidReader.namesByPlace(lines, List.of(2, 4, 8))).isEmpty();
    }

    private static InkLines.Line line(int top, int bottom, String text) {
        return new InkLines.Line(new int[] {272, top, 600, bottom}, text);
    }

    @Test
    void theCrnIsGroupedFourSevenOneAndOtherwiseFlagged() {
        assertThat(UmidReader.crn("CRN-0111-1234567-1")).isEqualTo(CardField.printed("0111-1234567-1", null, false));
        assertThat(UmidReader.crn("CRN 0111 1234567 1").value()).isEqualTo("0111-1234567-1");
        assertThat(UmidReader.crn("CRN-0111-123456-1").toBeReviewed()).isTrue();
        // An O read for a zero is mended, and left to be reviewed.
        assertThat(UmidReader.crn("CRN-O187-4417507-2")).isEqualTo(CardField.printed("0187-4417507-2", null, true));
    }
}
