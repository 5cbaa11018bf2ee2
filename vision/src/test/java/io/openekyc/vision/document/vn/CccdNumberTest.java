package io.openekyc.vision.document.vn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CccdNumberTest {

    @Test
    void aNumberConsistentWithTheHoldersBirthAndSexPassesEveryRule() {
        assertThat(results("001090123456", LocalDate.of(1990, 5, 1), "M")).containsOnlyKeys("id_number_length",
                "birth_year_digits", "century_digit", "gender_digit").doesNotContainValue(false);
        assertThat(results("079305000123", LocalDate.of(2005, 2, 3), "F")).doesNotContainValue(false);
    }

    @Test
    void sexCenturyAndYearMismatchesAreCaught() {
        Map<String, Boolean> wrongSex = results("001090123456", LocalDate.of(1990, 5, 1), "F");
        assertThat(wrongSex.get("gender_digit")).isFalse();
        Map<String, Boolean> wrongCentury = results("001290123456", LocalDate.of(1990, 5, 1), "M");
        assertThat(wrongCentury.get("century_digit")).isFalse();
        Map<String, Boolean> wrongYear = results("001091123456", LocalDate.of(1990, 5, 1), "M");
        assertThat(wrongYear.get("birth_year_digits")).isFalse();
    }

    @Test
    void lengthIsNineOrTwelveDigits() {
        assertThat(results("123456789", null, null).get("id_number_length")).isTrue();
        assertThat(results("12345678901", null, null).get("id_number_length")).isFalse();
        assertThat(results("00109012345A", null, null).get("id_number_length")).isFalse();
        List<CccdNumber.Rule> unknown = CccdNumber.check("001090123456", null, null);
        assertThat(unknown.stream().filter(r -> !r.name().equals("id_number_length")).map(CccdNumber.Rule::passed))
                .containsOnlyNulls();
    }

    private static Map<String, Boolean> results(String number, LocalDate birth, String sex) {
        return CccdNumber.check(number, birth, sex).stream()
                .filter(r -> r.passed() != null)
                .collect(Collectors.toMap(CccdNumber.Rule::name, CccdNumber.Rule::passed));
    }
}
