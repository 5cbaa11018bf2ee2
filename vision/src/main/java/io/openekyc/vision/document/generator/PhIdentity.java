package io.openekyc.vision.document.generator;

import java.time.LocalDate;

/**
 * A made-up Filipino card holder: the middle name is the mother's maiden surname, as Philippine IDs
 * print it. The PhilHealth PIN (12 digits, printed 12-345678901-2) and the UMID CRN (12 digits,
 * printed CRN-0111-1234567-1) are random digits: neither carries a published check-digit rule.
 *
 * @param sex M or F
 */
public record PhIdentity(String lastName, String firstName, String middleName, LocalDate birthDate, String sex,
                         String address, String pin, String crn) {

    /** Given, middle and last name: spec 000's {@code name} row. */
    public String fullName() {
        return firstName + " " + middleName + " " + lastName;
    }

    /** As the PhilHealth ID prints it: "SURNAME, GIVEN NAME MIDDLE NAME". */
    public String printedName() {
        return lastName + ", " + firstName + " " + middleName;
    }

    public String printedPin() {
        return pin.substring(0, 2) + "-" + pin.substring(2, 11) + "-" + pin.substring(11);
    }

    /** The CRN's digits as grouped on the card, without the "CRN-" prefix. */
    public String printedCrn() {
        return crn.substring(0, 4) + "-" + crn.substring(4, 11) + "-" + crn.substring(11);
    }
}
