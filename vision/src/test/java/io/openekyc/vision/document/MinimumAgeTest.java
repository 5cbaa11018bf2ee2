package io.openekyc.vision.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MinimumAgeTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @Test
    void theHolderMustHaveReachedTheAgeOnTheirBirthday() {
        assertThat(MinimumAge.check("21/11/2008", 18, TODAY).status()).isEqualTo("pass");
        assertThat(MinimumAge.check("22/11/2008", 18, TODAY).status()).isEqualTo("fail");
        assertThat(MinimumAge.check("22/11/2008", 18, TODAY).value()).isEqualTo(17.0);
    }

    @Test
    void withoutADateOfBirthTheRuleIsNotJudged() {
        assertThat(MinimumAge.check(null, 18, TODAY).status()).isEqualTo("unavailable");
        assertThat(MinimumAge.check("31/02/2000", 18, TODAY).status()).isEqualTo("unavailable");
    }
}
