package io.openekyc.vision.document.vn;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.document.ocr.TextRecognizer.Choice;
import io.openekyc.vision.document.ocr.TextRecognizer.Symbol;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GivenNamesTest {

    @Test
    void aWordThatIsNoNameSyllableIsSpelledFromTheLettersOcrConsidered() {
        // "LÁM" read, Â only the runner-up at the vowel: LÂM is the one name syllable those letters spell.
        List<Map<String, Double>> read = List.of(Map.of("L", 0.9), Map.of("Á", 0.6, "Â", 0.3), Map.of("M", 0.9));
        assertThat(GivenNames.known("LÁM")).isFalse();
        assertThat(GivenNames.spelled(read)).isEqualTo(Map.entry("LÂM", 0.3));
    }

    @Test
    void nothingIsSpelledFromLettersOcrNeverConsidered() {
        assertThat(GivenNames.spelled(List.of(Map.of("X", 0.9), Map.of("Q", 0.9), Map.of("Z", 0.9)))).isNull();
    }

    @Test
    void twoSyllablesFittingEquallyWellSettleNothing() {
        // HIẾU and HIỂU are both given names: with equal confidence neither is chosen.
        List<Map<String, Double>> read = List.of(Map.of("H", 0.9), Map.of("I", 0.9), Map.of("Ế", 0.5, "Ể", 0.5),
                Map.of("U", 0.9));
        assertThat(GivenNames.spelled(read)).isNull();
    }

    @Test
    void lettersAreGroupedIntoWordsAndWrittenAsTheNameIs() {
        List<Symbol> symbols = List.of(
                new Symbol(List.of(new Choice("V", 0.9)), true),
                new Symbol(List.of(new Choice("Ÿ", 0.8), new Choice("-", 0.1)), false),
                new Symbol(List.of(new Choice("l", 0.7)), true),
                new Symbol(List.of(new Choice(".", 0.7)), false));
        assertThat(CccdFrontReader.letterChoices(symbols))
                .containsExactly(List.of(Map.of("V", 0.9), Map.of("Ỹ", 0.8)), List.of(Map.of("L", 0.7)));
    }

    @Test
    void onlyGivenNameWordsThatAreNoSyllableAreRespelled() {
        // "TÔ KHÁI CA" read for TÔ KHẢI CA: KHÁI is no given name, Ả was OCR's runner-up; the family name is left alone.
        String[] words = {"TÔ", "KHÁI", "CA"};
        List<List<Map<String, Double>>> letters = List.of(
                List.of(Map.of("T", 0.9), Map.of("Ô", 0.9)),
                List.of(Map.of("K", 0.9), Map.of("H", 0.9), Map.of("Á", 0.8, "Ả", 0.4), Map.of("I", 0.9)),
                List.of(Map.of("C", 0.9), Map.of("A", 0.9)));
        assertThat(GivenNames.respell(words, letters, 0.95)).isEqualTo(0.4);
        assertThat(words).containsExactly("TÔ", "KHẢI", "CA");
    }

    @Test
    void aWordWhoseLettersDoNotLineUpIsLeftAsRead() {
        String[] words = {"MAI", "XUÂẦN"};
        List<List<Map<String, Double>>> letters = List.of(
                List.of(Map.of("M", 0.9), Map.of("A", 0.9), Map.of("I", 0.9)),
                List.of(Map.of("X", 0.9), Map.of("U", 0.9), Map.of("Â", 0.9), Map.of("N", 0.9)));
        assertThat(GivenNames.respell(words, letters, 0.95)).isEqualTo(0.95);
        assertThat(words).containsExactly("MAI", "XUÂẦN");
    }
    @Test
    void marksSeenTwoWaysNearlyAsWellAreSpelledAsMoreNamesHoldThem() {
        // What the first model read on a passport's "NGÔ TUYỀN LÂM" (seed 501): the hook first, the grave close behind.
        List<Map<String, Double>> read = List.of(Map.of("T", 0.99), Map.of("U", 0.99), Map.of("Y", 0.99),
                Map.of("Ể", 0.98, "Ề", 0.79), Map.of("N", 0.99));
        assertThat(GivenNames.NAMES_HOLDING.get("TUYỀN")).isGreaterThan(GivenNames.NAMES_HOLDING.get("TUYỂN"));
        assertThat(GivenNames.likelier("TUYỂN", read)).isEqualTo("TUYỀN");
        // The commoner spelling read first stays.
        assertThat(GivenNames.likelier("TUYỀN", List.of(Map.of("T", 0.99), Map.of("U", 0.99), Map.of("Y", 0.99),
                Map.of("Ề", 0.95, "Ể", 0.8), Map.of("N", 0.99)))).isNull();
    }

    @Test
    void aRareSpellingOcrSawOneWayOnlyStays() {
        // HIỂU (1 name) beside HIẾU (19): read with no runner-up, or with one below SEEN, it is what was printed.
        List<Map<String, Double>> alone = List.of(Map.of("H", 0.99), Map.of("I", 0.99), Map.of("Ể", 0.99), Map.of("U", 0.99));
        List<Map<String, Double>> faint = List.of(Map.of("H", 0.99), Map.of("I", 0.99), Map.of("Ể", 0.99, "Ế", 0.22),
                Map.of("U", 0.99));
        assertThat(GivenNames.likelier("HIỂU", alone)).isNull();
        assertThat(GivenNames.likelier("HIỂU", faint)).isNull();
    }

    @Test
    void aSpellingTheLettersDoNotShowIsNotWeighed() {
        // The word came from another reading: these letters are not its evidence.
        List<Map<String, Double>> read = List.of(Map.of("T", 0.99), Map.of("U", 0.99), Map.of("Y", 0.99),
                Map.of("Ế", 0.9, "Ề", 0.8), Map.of("N", 0.99));
        assertThat(GivenNames.likelier("TUYỂN", read)).isNull();
        // Nor a word of another length than its letters, nor a family name or word no list holds.
        assertThat(GivenNames.likelier("TUYỂN", read.subList(0, 4))).isNull();
        assertThat(GivenNames.likelier("THỊ", List.of(Map.of("T", 0.9), Map.of("H", 0.9), Map.of("Ị", 0.9, "I", 0.8))))
                .isNull();
    }
    @Test
    void lettersSpellASyllableWhateverTheirMarks() {
        assertThat(GivenNames.spellsSyllable("LAM")).isTrue();
        assertThat(GivenNames.spellsSyllable("TUYEN")).isTrue();
        assertThat(GivenNames.spellsSyllable("Tùng")).isTrue();
        // Garbled blurred print opening with a family name ("LƯU VU LH HẠ") is no name.
        assertThat(GivenNames.spellsSyllable("LH")).isFalse();
        assertThat(GivenNames.spellsSyllable("HUYỆNX")).isFalse();
    }
}
