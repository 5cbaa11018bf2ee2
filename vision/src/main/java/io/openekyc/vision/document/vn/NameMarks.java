package io.openekyc.vision.document.vn;

import io.openekyc.vision.document.ocr.CardText;
import io.openekyc.vision.document.ocr.TextRecognizer;
import io.openekyc.vision.image.RgbImage;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tone marks of a printed name, checked by the other OCR models. Tesseract's Vietnamese model
 * slips the same way on a mark at every size and sharpening of a line (TUYỂN for TUYỀN, HIẾU for
 * HIỂU), and both spellings are real names, so nothing in the reading itself tells the slip; the
 * standard model slips elsewhere: where it spells a word otherwise, the name is to be reviewed, as
 * it spells it (on the generated photos, docs/EVALUATION.md, the first model was the one wrong in
 * such disagreements). The Vietnamese-script model ({@link TextRecognizer#otherOpinions()}, third)
 * slips on the same marks as the first, so it has no say there; but where the first reading made no
 * name syllable of a word (a vowel read twice, XUÂẦN), the first other reading that spells its
 * letters as one is taken, to be reviewed. A reading with other letters says nothing about the marks.
 * Last, where the first model saw a word's marks two ways nearly as well (its letter alternatives), the
 * spelling more names hold is taken ({@link GivenNames#likelier}), to be reviewed.
 */
final class NameMarks {

    private NameMarks() {
    }

    /**
     * {@code name}, read on {@code line}, as the other models' readings of the line settle its marks
     * and the likelier spelling of marks the first model saw two ways, to be reviewed; null when
     * neither changes it and the second model does not dispute it.
     */
    static String settle(TextRecognizer ocr, RgbImage line, String name) {
        return settle(ocr, line, line, name);
    }

    /**
     * As {@link #settle(TextRecognizer, RgbImage, String)}, the other models reading {@code line} and
     * the first model's letter alternatives read on {@code lettersLine} (the same line at the size where
     * that model's runners-up for the marks show: the passport's printed size).
     */
    static String settle(TextRecognizer ocr, RgbImage line, RgbImage lettersLine, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        List<String> readings = new ArrayList<>();
        for (TextRecognizer other : ocr.otherOpinions()) {
            readings.add(CccdFrontReader.name(other.line(line, null).text()));
        }
        String settled = settle(name, readings);
        String likelier = likelier(ocr, lettersLine, settled == null ? name : settled);
        return likelier != null ? likelier : settled;
    }

    /**
     * {@code name} with each given or middle name word spelled as the syllable of its letters most
     * likely printed ({@link GivenNames#likelier}), by the letters the first model considered on
     * {@code line} (its words aligned from the line's end); null when no word changes.
     */
    static String likelier(TextRecognizer ocr, RgbImage line, String name) {
        String[] words = name.strip().split(" ");
        if (words.length < 2) {
            return null;
        }
        List<List<Map<String, Double>>> read = CccdFrontReader.letterChoices(ocr.symbols(line, null));
        if (read.size() < words.length) {
            return null;
        }
        List<List<Map<String, Double>>> aligned = read.subList(read.size() - words.length, read.size());
        boolean changed = false;
        for (int i = 1; i < words.length; i++) {
            String likelier = GivenNames.likelier(words[i], aligned.get(i));
            if (likelier != null) {
                words[i] = likelier;
                changed = true;
            }
        }
        return changed ? String.join(" ", words) : null;
    }

    /** The name as the second model spells it where that model disputes its marks (the two-reading case); else null. */
    static String disputed(String name, String secondLine) {
        return settle(name, List.of(secondLine));
    }

    /**
     * {@code name} settled by the {@code readings} of its line by the other models, the second
     * model's first (the family name compared as the common surname its letters spell; given names
     * only where a reading is a name syllable with the same letters). A word the first reading made a
     * name syllable of is spelled as the second model spells it; one it made no syllable of, as the
     * first reading that spells its letters as one. Disputed when the spelling changed or the second
     * model spelled a word otherwise (a vowel it read twice, TUYỂỀN, with a mark the first reading
     * lacks, disputes its word but keeps its spelling). Null when nothing is disputed.
     */
    static String settle(String name, List<String> readings) {
        String[] words = name.strip().split(" ");
        if (words.length < 2 || readings.isEmpty()) {
            return null;
        }
        String[] spelled = words.clone();
        boolean disputed = false;
        List<String[]> opinions = new ArrayList<>();
        for (int r = 0; r < readings.size(); r++) {
            String[] other = aligned(words, readings.get(r));
            String[] opinion = other == null ? null : opinion(words, other);
            opinions.add(opinion);
            if (r == 0 && opinion != null) {
                disputed = secondObjects(words, other);
            }
        }
        for (int i = 0; i < words.length; i++) {
            boolean syllable = i == 0 || GivenNames.known(words[i]);
            // A name syllable is checked by the second model alone: the others slip on the same marks.
            for (String[] opinion : syllable ? opinions.subList(0, 1) : opinions) {
                if (opinion != null && opinion[i] != null) {
                    if (!opinion[i].equals(nfc(words[i]))) {
                        spelled[i] = opinion[i];
                        disputed = true;
                    }
                    break;
                }
            }
        }
        return disputed ? String.join(" ", spelled) : null;
    }

    /**
     * The last words of a reading's {@code line}, one for each of {@code words} (the family name
     * spelled as the common surname its letters spell); null when the reading has fewer words.
     */
    private static String[] aligned(String[] words, String line) {
        String[] read = line == null ? new String[0] : line.strip().split(" ");
        if (read.length < words.length) {
            return null;
        }
        return Surnames.restore(String.join(" ", Arrays.copyOfRange(read, read.length - words.length, read.length)))
                .split(" ");
    }

    /**
     * One reading's spelling of each word of {@code words} ({@code other}, its words aligned with
     * them); a word's entry is null where the reading spells no name syllable (or surname) with its
     * letters. Null when the reading's letters differ from the name's (it then says nothing about the marks).
     */
    private static String[] opinion(String[] words, String[] other) {
        String[] spelling = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            String letters = doubled(CardText.fold(words[i]));
            String otherLetters = CardText.fold(other[i]);
            if (!otherLetters.equals(letters)) {
                if (doubled(otherLetters).equals(letters)) {
                    continue; // a vowel this reading saw twice: no spelling of the word
                }
                return null;
            }
            if (i == 0 || GivenNames.known(other[i])) {
                spelling[i] = nfc(other[i]);
            }
        }
        return spelling;
    }

    /**
     * Whether the second model ({@code other}, its words aligned with {@code words}) disputes the first
     * reading's marks: it spells a word otherwise as a name syllable, or reads its vowel twice with a
     * mark the first reading lacks.
     */
    private static boolean secondObjects(String[] words, String[] other) {
        for (int i = 0; i < words.length; i++) {
            String letters = CardText.fold(words[i]);
            if (!CardText.fold(other[i]).equals(letters)) {
                if (!marks(words[i]).containsAll(marks(other[i]))) {
                    return true;
                }
            } else if ((i == 0 || GivenNames.known(other[i])) && !nfc(other[i]).equals(nfc(words[i]))) {
                return true;
            }
        }
        return false;
    }

    private static String nfc(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFC);
    }

    /** Runs of one letter as one ("tuyeen" to "tuyen"). */
    private static String doubled(String letters) {
        return letters.replaceAll("(.)\\1+", "$1");
    }

    /** The marks on a word's letters (tone marks, circumflex, breve, horn) as combining characters. */
    private static Set<Integer> marks(String word) {
        Set<Integer> marks = new HashSet<>();
        Normalizer.normalize(word, Normalizer.Form.NFD).codePoints()
                .filter(c -> Character.getType(c) == Character.NON_SPACING_MARK).forEach(marks::add);
        return marks;
    }
}
