package io.openekyc.vision.document.vn;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.SharedData;
import io.openekyc.vision.document.CardField;
import io.openekyc.vision.document.CardLocator;
import io.openekyc.vision.document.PrintedDate;
import io.openekyc.vision.document.generator.CardRenderer;
import io.openekyc.vision.document.generator.CmndRenderer;
import io.openekyc.vision.document.generator.IdentityFactory;
import io.openekyc.vision.document.generator.Photographer;
import io.openekyc.vision.document.generator.VnIdentity;
import io.openekyc.vision.document.ocr.LatinRecognizer;
import io.openekyc.vision.document.ocr.TextRecognizer;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.model.Models;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CmndReaderTest {

    @Test
    void aNumberGlareWashedOutIsReadWhereRedPrintStaysDarkAndIsToBeReviewed(@TempDir Path cache) throws Exception {
        // Seed-700 9-digit CMND front 0109 (glare lost 3 of the 250 numbers of that set): the right half of
        // the red number 022335296 is washed pale pink, and the grey page reads no 9 digits there.
        RgbImage card;
        try (var in = CmndReaderTest.class.getResourceAsStream("/images/cmnd-number-under-glare.jpg")) {
            card = RgbImage.of(javax.imageio.ImageIO.read(in));
        }
        try (Models models = new Models(); TextRecognizer ocr = new TextRecognizer(models, cache, "vie")) {
            CardField number = new CmndReader(ocr, new LatinRecognizer(models)).read(card).get("id_number");
            assertThat(number).isNotNull();
            assertThat(number.value()).isEqualTo("022335296");
            assertThat(number.toBeReviewed()).isTrue();
        }
    }

    @Test
    void aBirthDateIsReadWithItsBlurredZerosAndDash() {
        assertThat(CmndReader.birthDate("Sinh ngày 05-01-1959").value()).isEqualTo("05/01/1959");
        assertThat(CmndReader.birthDate("Sinh ngày 05-01-1959").toBeReviewed()).isFalse();
        // Blur: the zeros read as O, and the dash after the day as a 9 (05-01-1959 printed).
        CardField blurred = CmndReader.birthDate("3anh ngày O59O1-1959");
        assertThat(blurred.value()).isEqualTo("05/01/1959");
        assertThat(blurred.toBeReviewed()).isTrue();
        assertThat(CmndReader.birthDate("Sinh ngày 1959").value()).isEmpty();
    }

    @Test
    void aBirthDateIsPossibleForAHolderAtLeast14WhenTheLastCardsWereIssued() {
        assertThat(CmndReader.possibleBirth(LocalDate.of(1935, 8, 25))).isTrue();
        assertThat(CmndReader.possibleBirth(LocalDate.of(2007, 12, 31))).isTrue();
        // 14 only in 2022, after the chip CCCD replaced the CMND.
        assertThat(CmndReader.possibleBirth(LocalDate.of(2008, 1, 1))).isFalse();
        assertThat(CmndReader.possibleBirth(LocalDate.of(1899, 12, 31))).isFalse();
    }

    /**
     * Blurred 9-digit CMND fronts (the generator's box blur): where Tesseract loses the "Sinh ngày"
     * line or a digit, PP-OCR's reading of the ink lines gives the birth date; a wrong one is flagged.
     */
    @Test
    void blurredBirthDatesAreReadAgainByPpOcr(@TempDir Path cache) {
        try (Models models = new Models(); TextRecognizer ocr = new TextRecognizer(models, cache, "vie")) {
            IdentityFactory identities = new IdentityFactory(models, SharedData.root());
            CmndRenderer renderer = new CmndRenderer(new CardRenderer());
            CmndReader reader = new CmndReader(ocr, new LatinRecognizer(models));
            Random random = new Random(7);
            int exact = 0;
            StringBuilder misses = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                VnIdentity holder = identities.nextCmnd(random);
                String born = holder.birthDate().format(PrintedDate.FORMAT);
                Photographer.Photo photo = new Photographer().shoot(RgbImage.of(renderer.front(holder, null)), "blur", random);
                CardField read = reader.read(CardLocator.rectify(photo.image(), photo.corners(), 1000, 630))
                        .get("date_of_birth");
                if (read != null && read.value().equals(born)) {
                    exact++;
                } else {
                    misses.append(born).append(" read as ").append(read).append('\n');
                    assertThat(read == null || read.toBeReviewed()).as(misses.toString()).isTrue();
                }
            }
            // Measured on this seed: 8 of 8 exact; 6 with the PP-OCR reading switched off (two birth lines unread).
            assertThat(exact).as(misses.toString()).isGreaterThanOrEqualTo(7);
        }
    }
}
