package io.openekyc.vision.document;

import io.openekyc.vision.document.vn.GivenNames;
import io.openekyc.vision.document.vn.Surnames;
import java.text.Normalizer;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A passport name that no printed reading spells with the MRZ's letters (a blurred page: ĐAN read
 * OAN, PHÙNG read PPEUIG), spelled from those letters, which the MRZ's check digits do not cover but
 * its OCR-B reads sharper than the page's bold capitals. Each word is the family name its letters
 * spell ({@link Surnames}), else the spelling of its letters that the readings' word at that place
 * is closest to: a given-name syllable with those letters ({@link GivenNames}), or where none has
 * them a reading's own spelling of them; on a tie, the one more names hold. "OAN" is nearer ĐAN
 * than DÂN or ĐÀN (its A has no mark). The result is a best guess, to be reviewed. Nothing is
 * spelled where a reading shows another real name (a page printed with a name other than the MRZ's
 * is a tampering signal, and the name is reported as the MRZ has it), nor where no reading has as
 * many words as the MRZ. The same nearest syllable respells a word the readings agree on that is
 * no name syllable ({@link #respell}).
 */
final class MrzNameSpelling {

    private MrzNameSpelling() {
    }

    /** The MRZ's name (no tone marks) spelled as the printed {@code readings} suggest; null when it cannot be. */
    static String spell(String mrzName, List<String> readings) {
        String[] letters = DocumentReader.fold(mrzName).split(" ");
        List<String[]> aligned = aligned(readings, letters.length);
        if (aligned.isEmpty() || aligned.stream().anyMatch(words -> anotherName(words, letters))) {
            return null;
        }
        String[] spelled = new String[letters.length];
        for (int i = 0; i < letters.length; i++) {
            spelled[i] = i == 0 ? Surnames.spelledBy(letters[i]) : null;
            if (spelled[i] == null) {
                spelled[i] = closest(letters[i], i == 0 ? List.of() : GivenNames.spelledBy(letters[i]), aligned, i);
            }
            if (spelled[i] == null) {
                return null;
            }
        }
        return String.join(" ", spelled);
    }

    /**
     * {@code name}, which the readings spell with the MRZ's letters, with each given-name word that
     * is no name syllable (LẮM, HAI: a mark misread the same way on every reading) respelled as the
     * name syllable of its letters nearest the readings (LÂM, HẢI); null when no word changes.
     */
    static String respell(String name, List<String> readings) {
        String[] words = name.split(" ");
        List<String[]> aligned = aligned(readings, words.length);
        boolean changed = false;
        for (int i = 1; i < words.length; i++) {
            List<String> syllables = GivenNames.spelledBy(words[i]);
            if (!GivenNames.known(words[i]) && !syllables.isEmpty()) {
                words[i] = closest(DocumentReader.fold(words[i]), syllables, aligned, i);
                changed = true;
            }
        }
        return changed ? String.join(" ", words) : null;
    }

    private static List<String[]> aligned(List<String> readings, int words) {
        return readings.stream()
                .map(reading -> Normalizer.normalize(reading.strip(), Normalizer.Form.NFC).split("\\s+"))
                .filter(read -> read.length == words).toList();
    }

    /**
     * The spelling of {@code letters} nearest the readings' {@code place}-th words, among the name
     * {@code syllables} with those letters, or where there is none (a rare name) among the readings'
     * own spellings of them; null when there is none to choose. A misread mark is no rarer name:
     * LẮM read where the syllables are LAM and LÂM is one of those.
     */
    private static String closest(String letters, List<String> syllables, List<String[]> aligned, int place) {
        Set<String> spellings = new TreeSet<>(syllables);
        if (syllables.isEmpty()) {
            for (String[] words : aligned) {
                if (DocumentReader.fold(words[place]).equals(letters) && DocumentReader.vietnameseSyllable(words[place])) {
                    spellings.add(words[place]);
                }
            }
        }
        String best = null;
        double bestDistance = Double.MAX_VALUE;
        for (String spelling : spellings) {
            double distance = 0;
            for (String[] words : aligned) {
                distance += distance(spelling, words[place]);
            }
            if (distance < bestDistance - 1e-9 || Math.abs(distance - bestDistance) < 1e-9
                    && GivenNames.holding(spelling) > GivenNames.holding(best)) {
                best = spelling;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Whether every word spells a name word (a family name first) and one has other letters than the MRZ's. */
    private static boolean anotherName(String[] words, String[] letters) {
        boolean otherLetters = false;
        for (int i = 0; i < words.length; i++) {
            boolean nameWord = i == 0 ? Surnames.spelledBy(words[i]) != null : !GivenNames.spelledBy(words[i]).isEmpty();
            if (!nameWord) {
                return false;
            }
            otherLetters |= !DocumentReader.fold(words[i]).equals(letters[i]);
        }
        return otherLetters;
    }

    /**
     * Edit distance between two words, a letter read with other marks (Ầ for Â, D for Đ) counting half
     * a substitution: blur takes marks more often than it turns one letter into another.
     */
    static double distance(String a, String b) {
        double[] previous = new double[b.length() + 1];
        double[] current = new double[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                char x = a.charAt(i - 1);
                char y = b.charAt(j - 1);
                String letter = DocumentReader.fold(String.valueOf(x));
                double substitution = x == y ? 0
                        : !letter.isEmpty() && letter.equals(DocumentReader.fold(String.valueOf(y))) ? 0.5 : 1;
                current[j] = Math.min(previous[j - 1] + substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            double[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
