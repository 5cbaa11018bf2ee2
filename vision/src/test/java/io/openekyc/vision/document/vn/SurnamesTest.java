package io.openekyc.vision.document.vn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SurnamesTest {

    @Test
    void aFirstWordSpellingOneFamilyNameTakesItsMarks() {
        assertThat(Surnames.restore("ĐĂNG TRUNG ANH")).isEqualTo("ĐẶNG TRUNG ANH");
        assertThat(Surnames.restore("NGUYÊN CÁT TƯỜNG")).isEqualTo("NGUYỄN CÁT TƯỜNG");
        assertThat(Surnames.restore("TRAN VAN AN")).isEqualTo("TRẦN VAN AN"); // only the family name is known
    }

    @Test
    void otherWordsAndUnknownNamesStayAsRead() {
        assertThat(Surnames.restore("XYZ ĐĂNG")).isEqualTo("XYZ ĐĂNG");
        assertThat(Surnames.restore("NGUYEN")).isEqualTo("NGUYEN"); // a lone word is no full name
        assertThat(Surnames.restore("")).isEmpty();
    }
}
