package io.openekyc.vision.document.vn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameMarksTest {

    @Test
    void theSameLettersWithOtherToneMarksDisputeTheNameAsTheSecondModelSpellsIt() {
        assertThat(NameMarks.disputed("HỒ TUYỂN LÂM", "HỒ TUYỀN LÂM")).isEqualTo("HỒ TUYỀN LÂM");
        assertThat(NameMarks.disputed("NGUYỄN HIẾU LAM", "HỌ TÊN NGUYỄN HIỂU LAM")).isEqualTo("NGUYỄN HIỂU LAM");
    }

    @Test
    void aVowelReadTwiceWithAMarkTheFirstReadingLacksDisputesTheName() {
        // TUYỂỀN: the second model saw both a hook and a grave accent on the E.
        assertThat(NameMarks.disputed("HOÀNG TUYỂN LÂM", "HOÀNG TUYỂỀN LÂM")).isEqualTo("HOÀNG TUYỂN LÂM");
        assertThat(NameMarks.disputed("HOÀNG TUYỂN LÂM", "HOÀNG TUYỂỂN LÂM")).isNull();
    }

    @Test
    void theSameSpellingDisputesNothing() {
        assertThat(NameMarks.disputed("HỒ TUYỀN LÂM", "Họ và tên HỒ TUYỀN LÂM")).isNull();
    }

    @Test
    void otherLettersSayNothingAboutTheMarks() {
        // The second model misread a letter: its marks cannot be compared.
        assertThat(NameMarks.disputed("HỒ TUYỀN LÂM", "HỒ TUYỂM LÂM")).isNull();
        assertThat(NameMarks.disputed("HỒ TUYỀN LÂM", "TUYỂN")).isNull();
    }

    @Test
    void aSecondReadingThatIsNoNameSyllableDisputesNothing() {
        // "LẤM" is no given-name syllable: a slip of the second model, not evidence against LÂM.
        assertThat(NameMarks.disputed("HỒ TUYỀN LÂM", "HỒ TUYỀN LẤM")).isNull();
    }

    @Test
    void theFamilyNameIsComparedAsTheSurnameItsLettersSpell() {
        // DẶNG read by the second model is the surname ĐẶNG, as the first reading has it.
        assertThat(NameMarks.disputed("ĐẶNG HOÀI VỸ", "DẶNG HOÀI VỸ")).isNull();
    }
}
