package io.openekyc.vision.document.ph;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.document.CardField;
import io.openekyc.vision.document.generator.CardRenderer;
import io.openekyc.vision.document.generator.PhCardRenderer;
import io.openekyc.vision.document.generator.PhIdentity;
import io.openekyc.vision.document.generator.PhIdentityFactory;
import io.openekyc.vision.document.ocr.TextRecognizer;
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
                Map<String, CardField> fields = new UmidReader(ocr).read(
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
     * Blurred photos garble the small name labels; the names are taken by their place. The lines are
     * what OCR read on a blurred generated UMID (seed 2026, photo 0001), the names its ground truth.
     */
    @Test
    void namesAreTakenByTheirPlaceWhenBlurGarblesTheirLabels() {
        List<String> garbled = List.of("CRN-0421-1077777-7", "SURNAME", "VILLANUEVA", "GIVEN NAME RE 2 \"AN",
                "JOCELYN", "MIDOLE NAME", "RAMOS", "SEX DATE OF BIRTH", "F 1988/12/05", "ADDRESS");
        assertThat(UmidReader.namesByOrder(garbled)).containsExactly("VILLANUEVA", "JOCELYN", "RAMOS");
        List<String> unlabelled = List.of("CRN-0421-1077777-7", "VILLANUEVA", "JOCELYN", "RAMOS", "F 1988/12/05");
        assertThat(UmidReader.namesByOrder(unlabelled)).containsExactly("VILLANUEVA", "JOCELYN", "RAMOS");
        // Any other count of lines is not guessed at.
        assertThat(UmidReader.namesByOrder(List.of("CRN-0421-1077777-7", "VILLANUEVA", "JOCELYN", "F 1988/12/05")))
                .isEmpty();
    }

    @Test
    void theCrnIsGroupedFourSevenOneAndOtherwiseFlagged() {
        assertThat(UmidReader.crn("CRN-0111-1234567-1")).isEqualTo(CardField.printed("0111-1234567-1", null, false));
        assertThat(UmidReader.crn("CRN 0111 1234567 1").value()).isEqualTo("0111-1234567-1");
        assertThat(UmidReader.crn("CRN-0111-123456-1").toBeReviewed()).isTrue();
    }
}
