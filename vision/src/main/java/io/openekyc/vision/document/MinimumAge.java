package io.openekyc.vision.document;

import io.openekyc.vision.quality.QualityCheck;
import java.time.LocalDate;
import java.time.Period;

/** The lender's minimum age (ADVANCE.AI's AGE_VERIFICATION_FAILED): the holder's age today from the card's date of birth. */
public final class MinimumAge {

    private MinimumAge() {
    }

    /** "pass" / "fail" with the age as value; "unavailable" when no date of birth was read. */
    public static QualityCheck check(String dateOfBirth, int minimumAge, LocalDate today) {
        LocalDate birth = PrintedDate.parse(dateOfBirth);
        if (birth == null) {
            return new QualityCheck("minimum_age", "unavailable", null, (double) minimumAge, "no date of birth read");
        }
        int age = Period.between(birth, today).getYears();
        return new QualityCheck("minimum_age", age >= minimumAge ? "pass" : "fail", (double) age, (double) minimumAge,
                "age in whole years today against the lender's minimum");
    }
}
