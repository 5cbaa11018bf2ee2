package io.openekyc.vision.document.vn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DateChoicesTest {

    /** Choices per position: each string is one position's digits, best first, the first at 0.9 and the rest at 0.4. */
    private static List<Map<Character, Double>> seen(String... positions) {
        List<Map<Character, Double>> out = new ArrayList<>();
        for (String digits : positions) {
            Map<Character, Double> choices = new HashMap<>();
            for (int i = 0; i < digits.length(); i++) {
                choices.put(digits.charAt(i), i == 0 ? 0.9 : 0.4);
            }
            out.add(choices);
        }
        return out;
    }

    @Test
    void theRulesPickTheSecondChoiceWhereTheFirstBreaksThem() {
        // Born 24/05/1977 (number 066177...: century digit 1, year digits 77), expires on the 60th birthday.
        // OCR's first choices: 24/01/1377 and 24/05/2087; the right digits are among the alternatives.
        List<Map<Character, Double>> birth = seen("2", "4", "0", "15", "13", "93", "7", "7");
        List<Map<Character, Double>> expiry = seen("2", "4", "0", "5", "2", "0", "83", "7");
        CccdFrontReader.Field[] chosen = DateChoices.choose("066177889161", birth, expiry);
        assertThat(chosen[0].value()).isEqualTo("24/05/1977");
        assertThat(chosen[1].value()).isEqualTo("24/05/2037");
        assertThat(chosen[0].toBeReviewed()).isFalse();
    }

    @Test
    void aDigitNoReadingConsideredIsNeverInvented() {
        // The birth year must be 1977, but no reading ever saw a 7 in the third year position.
        List<Map<Character, Double>> birth = seen("2", "4", "0", "5", "1", "9", "3", "7");
        List<Map<Character, Double>> expiry = seen("2", "4", "0", "5", "2", "0", "3", "7");
        assertThat(DateChoices.choose("066177889161", birth, expiry)).isNull();
    }

    @Test
    void twoEquallyLikelyPairsSettleNothing() {
        // Day 14 or 17 on both dates, equally likely: no way to tell.
        List<Map<Character, Double>> birth = seen("1", "47", "0", "5", "1", "9", "7", "7");
        List<Map<Character, Double>> expiry = seen("1", "47", "0", "5", "2", "0", "3", "7");
        birth.get(1).put('7', 0.9);
        expiry.get(1).put('7', 0.9);
        assertThat(DateChoices.choose("066177889161", birth, expiry)).isNull();
    }

    @Test
    void aBirthDateWithoutAnExpiryToAgreeWithStaysToBeReviewed() {
        List<Map<Character, Double>> birth = seen("2", "4", "0", "5", "19", "9", "7", "7");
        CccdFrontReader.Field[] chosen = DateChoices.choose("066177889161", birth, null);
        assertThat(chosen[0].value()).isEqualTo("24/05/1977");
        assertThat(chosen[0].toBeReviewed()).isTrue();
        assertThat(chosen[1]).isNull();
    }

    @Test
    void theCenturyDigitDecidesTheCentury() {
        // Digit 4 = 2: born in the 2000s; the reading's 19 is overruled by its alternative 20.
        List<Map<Character, Double>> birth = seen("0", "3", "1", "1", "12", "90", "0", "5");
        List<Map<Character, Double>> expiry = seen("0", "3", "1", "1", "2", "0", "3", "0");
        CccdFrontReader.Field[] chosen = DateChoices.choose("001205012345", birth, expiry);
        assertThat(chosen[0].value()).isEqualTo("03/11/2005");
        assertThat(chosen[1].value()).isEqualTo("03/11/2030");
    }

    @Test
    void aDateReadAloneIsTheCalendarDateInTheYearsAllowedThatItsDigitsBestSpell() {
        // A blurred 16/02/2001 first read as 16/02/2091: the 0 is an alternative at the year's third position,
        // and a holder born in 2091 is impossible.
        List<Map<Character, Double>> read = seen("1", "6", "0", "2", "2", "0", "90", "1");
        CccdFrontReader.Field chosen = DateChoices.plausible(read, 1926, 2008);
        assertThat(chosen.value()).isEqualTo("16/02/2001");
        assertThat(chosen.toBeReviewed()).as("a digit not OCR's first choice").isTrue();
    }

    @Test
    void aDateReadAloneAsItsFirstChoicesIsNotFlagged() {
        CccdFrontReader.Field chosen = DateChoices.plausible(seen("1", "1", "1", "2", "1", "9", "8", "2"), 1926, 2008);
        assertThat(chosen.value()).isEqualTo("11/12/1982");
        assertThat(chosen.toBeReviewed()).isFalse();
    }

    @Test
    void noDateIsChosenWhenNoneOfTheAllowedYearsWasSeen() {
        assertThat(DateChoices.plausible(seen("1", "1", "1", "2", "2", "0", "9", "1"), 1926, 2008)).isNull();
    }

    @Test
    void anExpiryNoLaterThanTwoYearsAfterTheFirstChipCardsIsNotTaken() {
        // Born 13/11/1997: a card issued from 2021 runs to the 40th birthday (the 25th, in 2022, is
        // within two years of any issue). OCR saw 2022 first and 2037 as an alternative.
        List<Map<Character, Double>> birth = seen("1", "3", "1", "1", "1", "9", "9", "7");
        List<Map<Character, Double>> expiry = seen("1", "3", "1", "1", "2", "0", "23", "27");
        assertThat(DateChoices.choose("001097012345", birth, expiry)[1].value()).isEqualTo("13/11/2022");
        CccdFrontReader.Field[] chosen = DateChoices.choose("001097012345", birth, expiry,
                CccdFrontReader.CHIP_CARDS_FROM);
        assertThat(chosen[0].value()).isEqualTo("13/11/1997");
        assertThat(chosen[1].value()).isEqualTo("13/11/2037");
    }
}
