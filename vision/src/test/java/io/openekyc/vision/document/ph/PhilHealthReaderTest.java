package io.openekyc.vision.document.ph;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.document.CardField;
import io.openekyc.vision.document.CardLocator;
import io.openekyc.vision.document.generator.CardRenderer;
import io.openekyc.vision.document.generator.PhCardRenderer;
import io.openekyc.vision.document.generator.PhIdentity;
import io.openekyc.vision.document.generator.PhIdentityFactory;
import io.openekyc.vision.document.generator.Photographer;
import io.openekyc.vision.document.generator.TablePhoto;
import io.openekyc.vision.document.ocr.LatinRecognizer;
import io.openekyc.vision.document.ocr.TextRecognizer;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.model.Models;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhilHealthReaderTest {

    static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    @Test
    void readsEveryFieldOfFlatSpecimenFronts(@TempDir Path cache) {
        PhCardRenderer renderer = new PhCardRenderer(new CardRenderer());
        Random random = new Random(4);
        try (Models models = new Models(); TextRecognizer ocr = new TextRecognizer(models, cache, "eng")) {
            for (int i = 0; i < 3; i++) {
                PhIdentity id = new PhIdentityFactory().next(random);
                Map<String, CardField> fields = new PhilHealthReader(ocr, new LatinRecognizer(models)).read(straightened(renderer.philHealth(id, null)));
                assertThat(values(fields)).as(id.toString()).containsAllEntriesOf(Map.of(
                        "id_number", id.printedPin(), "full_name", id.fullName(), "last_name", id.lastName(),
                        "first_name", id.firstName(), "middle_name", id.middleName(),
                        "date_of_birth", PRINTED.format(id.birthDate()), "sex", id.sex(), "address", id.address()));
                assertThat(fields.values()).noneMatch(CardField::toBeReviewed).allMatch(f -> f.confidence() == null);
            }
        }
    }

    /**
     * Blurred photos: the small labels are lost, the PIN and the name are found by the column's order
     * (the blurred month name is not always legible, so dates are not held here).
     */
    @Test
    void readsBlurredPhotosByTheColumnsOrder(@TempDir Path cache) {
        PhCardRenderer renderer = new PhCardRenderer(new CardRenderer());
        Random random = new Random(12);
        try (Models models = new Models(); TextRecognizer ocr = new TextRecognizer(models, cache, "eng")) {
            for (int i = 0; i < 3; i++) {
                PhIdentity id = new PhIdentityFactory().next(random);
                io.openekyc.vision.document.generator.Photographer.Photo photo = new io.openekyc.vision.document
                        .generator.Photographer().shoot(RgbImage.of(renderer.philHealth(id, null)), "blur", random);
                Map<String, CardField> fields = new PhilHealthReader(ocr, new LatinRecognizer(models)).read(
                        CardLocator.rectify(photo.image(), photo.corners(), 1000, 630));
                assertThat(values(fields)).as(id.toString()).containsAllEntriesOf(Map.of(
                        "id_number", id.printedPin(), "full_name", id.fullName(), "last_name", id.lastName(),
                        "middle_name", id.middleName()));
            }
        }
    }

    /**
     * Blurred photos whose birth line or PIN dashes Tesseract loses: PP-OCR's second reading of the
     * lines gives the PIN and the birth date (month by name, letters run together), to be reviewed.
     */
    @Test
    void blurredPinsAndBirthDatesAreReadAgainByPpOcr(@TempDir Path cache) {
        PhCardRenderer renderer = new PhCardRenderer(new CardRenderer());
        Random random = new Random(5);
        try (Models models = new Models(); TextRecognizer ocr = new TextRecognizer(models, cache, "eng")) {
            PhilHealthReader reader = new PhilHealthReader(ocr, new LatinRecognizer(models));
            int exact = 0;
            StringBuilder misses = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                PhIdentity id = new PhIdentityFactory().next(random);
                Photographer.Photo photo = new Photographer().shoot(RgbImage.of(renderer.philHealth(id, null)), "blur", random);
                Map<String, CardField> fields = reader.read(CardLocator.rectify(photo.image(), photo.corners(), 1000, 630));
                Map<String, String> read = values(fields);
                String born = PRINTED.format(id.birthDate());
                if (id.printedPin().equals(read.get("id_number")) && born.equals(read.get("date_of_birth"))) {
                    exact++;
                } else {
                    misses.append(id.printedPin()).append(' ').append(born).append(" read as ").append(read).append('\n');
                }
            }
            // Measured on this seed: 5 of 8 with both exact, 4 without PP-OCR. The misses are month names
            // blurred past reading by either recogniser ("JUEE 0G, 1994").
            assertThat(exact).as(misses.toString()).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void theNameLineIsSplitAtTheCommaAndBeforeTheMiddleSurname() {
        assertThat(values(PhNames.surnameFirst("DELA CRUZ, JOHN PAUL DE LOS SANTOS"))).containsAllEntriesOf(Map.of(
                "last_name", "DELA CRUZ", "first_name", "JOHN PAUL", "middle_name", "DE LOS SANTOS",
                "full_name", "JOHN PAUL DE LOS SANTOS DELA CRUZ"));
        assertThat(values(PhNames.surnameFirst("SANTOS, MARIA SAN JOSE"))).containsEntry("first_name", "MARIA")
                .containsEntry("middle_name", "SAN JOSE");
        // Without the comma the surname cannot be told: every part is to be reviewed.
        assertThat(PhNames.surnameFirst("SANTOS MARIA CRUZ").values()).allMatch(CardField::toBeReviewed);
    }

    @Test
    void pinAndDateFormatsAreCheckedAndFailuresFlagged() {
        assertThat(PhilHealthReader.pin("12 - 345678901 - 2")).isEqualTo(CardField.printed("12-345678901-2", null, false));
        assertThat(PhilHealthReader.pin("12-3456789-2").toBeReviewed()).isTrue();
        assertThat(PhilHealthReader.date("Date of Birth: MARCH 02, 2005").value()).isEqualTo("02/03/2005");
        assertThat(PhilHealthReader.date("Date of Birth: FEBRUARY 30, 2005").toBeReviewed()).isTrue();
        assertThat(PhilHealthReader.date("Date of Birth: 02 2005").toBeReviewed()).isTrue();
    }

    /** The card as the engine sees it: photographed flat, located and straightened. */
    static RgbImage straightened(java.awt.image.BufferedImage card) {
        RgbImage photo = TablePhoto.of(RgbImage.of(card));
        CardLocator.Located located = new CardLocator().locate(photo);
        assertThat(located).isNotNull();
        return CardLocator.rectify(photo, located.corners(), 1000, 630);
    }

    static Map<String, String> values(Map<String, CardField> fields) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        fields.forEach((name, field) -> out.put(name, field.value()));
        return out;
    }
}
