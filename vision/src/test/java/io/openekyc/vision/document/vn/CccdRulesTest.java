package io.openekyc.vision.document.vn;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.SharedData;
import io.openekyc.vision.quality.QualityCheck;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CccdRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    private static String status(List<QualityCheck> checks, String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().status();
    }

    @Test
    void aConsistentCardPassesEveryRule() {
        // Hà Nội (001), female born in the 1900s (digit 1), year 87.
        List<QualityCheck> checks = CccdRules.check("001187003568", "08/08/1987", "Nữ", "08/08/2027", TODAY);
        assertThat(checks).allMatch(c -> c.status().equals("pass"), checks.toString());
    }

    @Test
    void genderCenturyAndYearDigitsMustAgreeWithThePrintedValues() {
        assertThat(status(CccdRules.check("001187003568", "08/08/1987", "Nam", "08/08/2027", TODAY), "id_dob_gender_code"))
                .isEqualTo("fail");
        assertThat(status(CccdRules.check("001186003568", "08/08/1987", "Nữ", "08/08/2027", TODAY), "id_dob_gender_code"))
                .isEqualTo("fail");
        // Born 2003: century digit 2 (male) or 3 (female).
        assertThat(status(CccdRules.check("079203001234", "01/02/2003", "Nam", "01/02/2028", TODAY), "id_dob_gender_code"))
                .isEqualTo("pass");
        assertThat(status(CccdRules.check("079003001234", "01/02/2003", "Nam", "01/02/2028", TODAY), "id_dob_gender_code"))
                .isEqualTo("fail");
    }

    @Test
    void numbersOfOtherLengthsAndUnknownBirthCodesFail() {
        assertThat(status(CccdRules.check("12345678901", "08/08/1987", "Nữ", null, TODAY), "id_number_length")).isEqualTo("fail");
        assertThat(status(CccdRules.check("123456789", "08/08/1987", "Nữ", null, TODAY), "id_number_length")).isEqualTo("pass");
        assertThat(status(CccdRules.check("003187003568", "08/08/1987", "Nữ", null, TODAY), "birth_registration_code"))
                .isEqualTo("fail");
        assertThat(status(CccdRules.check("296187003568", "08/08/1987", "Nữ", null, TODAY), "birth_registration_code"))
                .isEqualTo("fail");
        assertThat(status(CccdRules.check("101187003568", "08/08/1987", "Nữ", null, TODAY), "birth_registration_code"))
                .isEqualTo("pass");
    }

    @Test
    void theProvinceCodesAreThoseOfTheSharedCodeList() {
        String csv = new String(SharedData.read("vn-id/cccd_birthplace_codes_derived.csv"), StandardCharsets.UTF_8);
        Set<Integer> provinces = csv.lines().filter(l -> l.contains("province(pre-2025"))
                .map(l -> Integer.parseInt(l.substring(0, 3))).collect(Collectors.toSet());
        assertThat(CccdRules.PROVINCE_CODES).isEqualTo(provinces);
        int lastCountry = csv.lines().skip(1).mapToInt(l -> Integer.parseInt(l.substring(0, 3))).max().orElseThrow();
        assertThat(CccdRules.LAST_COUNTRY_CODE).isEqualTo(lastCountry);
    }

    @Test
    void expiryMustBeAFutureBirthdayAtARenewalAgeOrNoneAfter58() {
        assertThat(status(CccdRules.check(null, "08/08/1987", "Nữ", "08/08/2027", TODAY), "expiry")).isEqualTo("pass");
        assertThat(status(CccdRules.check(null, "08/08/1987", "Nữ", "09/08/2027", TODAY), "expiry")).isEqualTo("fail");
        assertThat(status(CccdRules.check(null, "08/08/1986", "Nữ", "08/08/2026", TODAY), "expiry")).isEqualTo("fail");
        assertThat(status(CccdRules.check(null, "08/08/1960", "Nữ", "Không thời hạn", TODAY), "expiry")).isEqualTo("pass");
        assertThat(status(CccdRules.check(null, "08/08/1990", "Nữ", "Không thời hạn", TODAY), "expiry")).isEqualTo("fail");
        assertThat(status(CccdRules.check(null, null, null, null, TODAY), "expiry")).isEqualTo("unavailable");
    }
}
