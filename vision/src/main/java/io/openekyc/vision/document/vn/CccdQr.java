package io.openekyc.vision.document.vn;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The QR payload on the front of a chip CCCD (2021): {@code |}-separated, in order: 12-digit
 * number, old 9-digit CMND number (may be empty), full name, date of birth ddMMyyyy, sex
 * ("Nam"/"Nữ"), permanent address, issue date ddMMyyyy. Some readers see a 6-field variant without
 * the old number. Not an official specification: compiled from public descriptions
 * (../shared/data/vn-id/cccd_qr_format.json).
 */
public record CccdQr(String number, String oldNumber, String fullName, LocalDate birthDate, String sex,
                     String address, LocalDate issueDate) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("ddMMuuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /** The payload parsed, or empty when it is not a CCCD payload. */
    public static Optional<CccdQr> parse(String payload) {
        if (payload == null) {
            return Optional.empty();
        }
        String[] f = payload.strip().split("\\|", -1);
        try {
            if (f.length == 7 && f[0].matches("\\d{12}")) {
                return Optional.of(new CccdQr(f[0], f[1].isBlank() ? null : f[1], f[2].strip(), date(f[3]),
                        sex(f[4]), f[5].strip(), date(f[6])));
            }
            if (f.length == 6 && f[0].matches("\\d{12}")) {
                return Optional.of(new CccdQr(f[0], null, f[1].strip(), date(f[2]), sex(f[3]), f[4].strip(),
                        date(f[5])));
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static LocalDate date(String value) {
        return LocalDate.parse(value.strip(), DATE);
    }

    private static String sex(String value) {
        String v = value.strip();
        if (v.equalsIgnoreCase("Nam")) {
            return "M";
        }
        if (v.equalsIgnoreCase("Nữ") || v.equalsIgnoreCase("Nu")) {
            return "F";
        }
        throw new IllegalArgumentException("sex must be Nam or Nữ");
    }
}
