package io.openekyc.vision.document.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class DateDecodingTest {

    /** A model alphabet: digits, the separator, a colon and a few letters for a label. */
    private static final List<String> KEYS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "/", ":", "B",
            "i", "r", "t", "h", " ", "n", "g", "a", "y", "m");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    /** A holder 18 to 100 years old. */
    private static final Predicate<LocalDate> ADULT = date -> !date.plusYears(18).isAfter(TODAY)
            && date.plusYears(100).isAfter(TODAY);

    /**
     * CTC steps for {@code text}: each character a step sure of it (0.9) followed by a blank step;
     * {@code blurred} gives some characters' steps two likely classes instead.
     */
    private static float[][] steps(String text, Map<Integer, Map<Character, Float>> blurred) {
        List<float[]> steps = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            float[] step = new float[KEYS.size() + 1];
            Map<Character, Float> spread = blurred.getOrDefault(i, Map.of(text.charAt(i), 0.9f));
            float left = 1;
            for (Map.Entry<Character, Float> e : spread.entrySet()) {
                step[KEYS.indexOf(String.valueOf(e.getKey())) + 1] = e.getValue();
                left -= e.getValue();
            }
            step[0] = left;
            steps.add(step);
            float[] blank = new float[KEYS.size() + 1];
            blank[0] = 0.95f;
            blank[KEYS.size()] = 0.05f;
            steps.add(blank);
        }
        return steps.toArray(float[][]::new);
    }

    @Test
    void theLikeliestDateTheHoldersAgeAllowsIsChosenOverTheLikeliestCharacters() {
        // "Birth:23/11/1994" with the year's 9 blurred into a 2 a little likelier than the 9:
        // character by character it reads 1924, a holder 102 years old.
        DateDecoding line = new DateDecoding(steps("Birth:23/11/1994", Map.of(14, Map.of('2', 0.5f, '9', 0.4f))), KEYS);

        assertThat(line.choose(ADULT).date()).isEqualTo("23/11/1994");
        assertThat(line.choose(date -> true).date()).isEqualTo("23/11/1924");
    }

    @Test
    void aSeparatorBlurLeftUnreadStillSplitsTheDate() {
        DateDecoding line = new DateDecoding(steps("Birth:23111994", Map.of()), KEYS);

        assertThat(line.choose(ADULT).date()).isEqualTo("23/11/1994");
    }

    @Test
    void aLineWithoutEightDigitsHoldsNoDate() {
        DateDecoding line = new DateDecoding(steps("Birth:23/11/19", Map.of()), KEYS);

        assertThat(line.choose(ADULT)).isNull();
    }

    @Test
    void twoEqualDigitsNeedTwoReadingsNotOneHeldOverTwoSteps() {
        float[][] apart = steps("Birth:11/03/1990", Map.of());
        // The same line with the day's two "1"s one character held over two steps (no blank between).
        List<float[]> held = new ArrayList<>(List.of(apart));
        held.remove(13);
        DateDecoding line = new DateDecoding(held.toArray(float[][]::new), KEYS);

        assertThat(line.score("11/03/1990")).isLessThan(new DateDecoding(apart, KEYS).score("11/03/1990") - 5);
    }

    @Test
    void anotherReadersDateIsKeptUnlessThisLinesIsClearlyLikelier() {
        // The day's 3 blurred: a 3 a little likelier than an 8.
        DateDecoding line = new DateDecoding(steps("Birth:23/11/1994", Map.of(7, Map.of('3', 0.5f, '8', 0.4f))), KEYS);

        // The same date: kept as it was.
        assertThat(line.settle("23/11/1994", false, ADULT)).isEqualTo(new DateDecoding.Settled("23/11/1994", false));
        // A date spelt about as well: kept, but the readers differ.
        assertThat(line.settle("28/11/1994", false, ADULT)).isEqualTo(new DateDecoding.Settled("28/11/1994", true));
        // A date spelt far less well: replaced, to be reviewed.
        assertThat(line.settle("23/11/1984", false, ADULT)).isEqualTo(new DateDecoding.Settled("23/11/1994", true));
        // No acceptable date read before: this line's, to be reviewed.
        assertThat(line.settle("23/11/1904", false, ADULT)).isEqualTo(new DateDecoding.Settled("23/11/1994", true));
        assertThat(line.settle(null, true, ADULT)).isEqualTo(new DateDecoding.Settled("23/11/1994", true));
    }
    @Test
    void aClosingLinesDayAndMonthAreReadAmongItsWordsWithOrWithoutTheirZero() {
        // "Thai Binh, ngay 7 thang 5 nam 2023" as the model's small alphabet has it, the year's second 2 blurred into a 7.
        DateDecoding line = new DateDecoding(steps("Bit, ngay 7 tang 5 nam 2023",
                Map.of(25, Map.of('7', 0.5f, '2', 0.4f))), KEYS, DateDecoding.Layout.WORDED);

        assertThat(line.choose(date -> !date.isAfter(TODAY)).date()).isEqualTo("07/05/2023");
        assertThat(line.choose(date -> true).date()).isEqualTo("07/05/2073");
        DateDecoding twoDigits = new DateDecoding(steps("Bit, ngay 27 tang 11 nam 2023", Map.of()), KEYS,
                DateDecoding.Layout.WORDED);
        assertThat(twoDigits.choose(date -> true).date()).isEqualTo("27/11/2023");
        // Words without a year hold no date.
        assertThat(new DateDecoding(steps("Bit, ngay 27 tang 11 nam", Map.of()), KEYS, DateDecoding.Layout.WORDED)
                .holdsDate()).isFalse();
    }
}
