package io.openekyc.vision.document.vn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

    @Test
    void aWordTheFirstReadingMadeNoNameSyllableOfIsSpelledAsAnotherReadingSpellsItsLetters() {
        // XUÂẦN: the first model read the vowel twice; the script model (third) spells the letters as XUÂN.
        assertThat(NameMarks.settle("PHÙNG THƯỜNG XUÂẦN", List.of("PHÙNG THƯỜNG XUÂẦN", "PHÙNG THƯỜNG XUÂN")))
                .isEqualTo("PHÙNG THƯỜNG XUÂN");
        assertThat(NameMarks.settle("MAI BÌNH YÊẾN", List.of("MAI BÌNH YẾN", "MAI BÌNH YÊN")))
                .isEqualTo("MAI BÌNH YẾN");
    }

    @Test
    void onlyTheSecondModelChecksTheMarksOfANameSyllable() {
        // The script model slips as the first does (TUYỂN for TUYỀN): it has no say on a name syllable.
        assertThat(NameMarks.settle("HỒ TUYỀN LÂM", List.of("HỒ TUYỀN LÂM", "HỒ TUYỂN LÂM"))).isNull();
        assertThat(NameMarks.settle("HỒ TUYỂN LÂM", List.of("HỒ TUYỀN LÂM", "HỒ TUYỂN LÂM")))
                .isEqualTo("HỒ TUYỀN LÂM");
    }
}
