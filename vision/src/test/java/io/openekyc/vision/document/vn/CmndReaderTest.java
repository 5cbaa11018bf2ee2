package io.openekyc.vision.document.vn;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.document.CardField;
import org.junit.jupiter.api.Test;

class CmndReaderTest {

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
}
