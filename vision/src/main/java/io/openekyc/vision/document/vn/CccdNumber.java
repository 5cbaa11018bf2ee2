package io.openekyc.vision.document.vn;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules of the 12-digit personal identification number (Decree 137/2015, Circular 07/2016):
 * digits 1-3 the birth-registration code, digit 4 sex and century of birth (0/1 = male/female born
 * 1900-1999, 2/3 = 2000-2099, 4/5 = 2100-2199, ...), digits 5-6 the last two digits of the birth
 * year, digits 7-12 a serial number.
 */
public final class CccdNumber {

    private CccdNumber() {
    }

    /** One rule's outcome: {@code passed} null when it could not be judged (e.g. no date of birth read). */
    public record Rule(String name, Boolean passed, String detail) {
    }

    /** The birth year the 12 digits encode (digit 4 the century, digits 5-6 the year). */
    static int birthYear(String number) {
        return 1900 + 100 * ((number.charAt(3) - '0') / 2) + Integer.parseInt(number.substring(4, 6));
    }

    public static List<Rule> check(String number, LocalDate birthDate, String sex) {
        List<Rule> rules = new ArrayList<>();
        boolean wellFormed = number != null && number.matches("\\d{12}");
        boolean oldCmnd = number != null && number.matches("\\d{9}");
        rules.add(new Rule("id_number_length", wellFormed || oldCmnd,
                "12 digits (CCCD) or 9 digits (old CMND)"));
        if (!wellFormed) {
            return rules;
        }
        int genderCentury = number.charAt(3) - '0';
        int century = 1900 + 100 * (genderCentury / 2);
        String encodedSex = genderCentury % 2 == 0 ? "M" : "F";
        int yearDigits = Integer.parseInt(number.substring(4, 6));
        if (birthDate == null) {
            rules.add(new Rule("birth_year_digits", null, "no date of birth to compare with"));
            rules.add(new Rule("century_digit", null, "no date of birth to compare with"));
        } else {
            rules.add(new Rule("birth_year_digits", birthDate.getYear() % 100 == yearDigits,
                    "digits 5-6 are the birth year's last two digits"));
            rules.add(new Rule("century_digit", birthDate.getYear() / 100 * 100 == century,
                    "digit 4 encodes the century of birth"));
        }
        rules.add(sex == null ? new Rule("gender_digit", null, "no sex read")
                : new Rule("gender_digit", encodedSex.equals(sex), "digit 4 even for male, odd for female"));
        return rules;
    }
}
