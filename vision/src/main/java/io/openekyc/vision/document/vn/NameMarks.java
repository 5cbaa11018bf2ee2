package io.openekyc.vision.document.vn;

import io.openekyc.vision.document.ocr.CardText;
import io.openekyc.vision.document.ocr.TextRecognizer;
import io.openekyc.vision.image.RgbImage;
import java.text.Normalizer;

/**
 * The tone marks of a printed name, checked by a second OCR model. Tesseract's Vietnamese model
 * slips the same way on a mark at every size and sharpening of a line (TUYỂN for TUYỀN, HIẾU for
 * HIỂU), and both spellings are real names, so nothing in the reading itself tells the slip; the
 * separately trained standard model slips elsewhere. Where it reads the same letters with other
 * marks, the name is to be reviewed, spelled as the second model reads it: on the generated photos
 * (docs/EVALUATION.md) the first model was the one wrong in such disagreements. Where the second
 * model reads other letters it says nothing about the marks.
 */
final class NameMarks {

    private NameMarks() {
    }

    /**
     * The name as the second model spells it where it reads the line holding {@code name} with the
     * same letters but other marks; null when it does not dispute the name.
     */
    static String disputed(TextRecognizer ocr, RgbImage line, String name) {
        TextRecognizer second = ocr.secondOpinion();
        if (second == null || name == null || name.isBlank()) {
            return null;
        }
        return disputed(name, CccdFrontReader.name(second.line(line, null).text()));
    }

    /**
     * Where {@code secondLine} ends with the words of {@code name} spelled with other tone marks (the
     * family name compared as the common surname its letters spell, given names only where the
     * second reading is a name syllable), the name with those words as the second model spells them;
     * null when it spells them alike or a word's letters differ. A vowel the second model read twice
     * (TUYỂỀN), a mark the first reading lacks among its marks, disputes its word but keeps its spelling.
     */
    static String disputed(String name, String secondLine) {
        String[] words = name.strip().split(" ");
        String[] read = secondLine.strip().split(" ");
        if (read.length < words.length || words.length < 2) {
            return null;
        }
        String[] other = Surnames.restore(String.join(" ", java.util.Arrays.copyOfRange(read,
                read.length - words.length, read.length))).split(" ");
        String[] spelled = words.clone();
        boolean differs = false;
        for (int i = 0; i < words.length; i++) {
            String letters = CardText.fold(words[i]);
            if (doubled(letters).equals(letters) && !letters.equals(CardText.fold(other[i]))
                    && doubled(CardText.fold(other[i])).equals(letters)) {
                differs |= !marks(words[i]).containsAll(marks(other[i]));
                continue;
            }
            if (!CardText.fold(other[i]).equals(letters)) {
                return null;
            }
            if ((i == 0 || GivenNames.known(other[i])) && !nfc(other[i]).equals(nfc(words[i]))) {
                spelled[i] = nfc(other[i]);
                differs = true;
            }
        }
        return differs ? String.join(" ", spelled) : null;
    }

    private static String nfc(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFC);
    }

    /** Runs of one letter as one ("tuyeen" to "tuyen"). */
    private static String doubled(String letters) {
        return letters.replaceAll("(.)\\1+", "$1");
    }

    /** The marks on a word's letters (tone marks, circumflex, breve, horn) as combining characters. */
    private static java.util.Set<Integer> marks(String word) {
        java.util.Set<Integer> marks = new java.util.HashSet<>();
        Normalizer.normalize(word, Normalizer.Form.NFD).codePoints()
                .filter(c -> Character.getType(c) == Character.NON_SPACING_MARK).forEach(marks::add);
        return marks;
    }
}
