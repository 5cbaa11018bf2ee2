package io.openekyc.vision.document.vn;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cross-check of the fields printed on a CCCD against its QR payload: the QR is written when the
 * card is made, so a printed value that differs from it means a misread or a tampered card.
 * Names are compared without case, spacing or diacritics differences (OCR loses tone marks first).
 */
public final class PrintedVsQr {

    private PrintedVsQr() {
    }

    /** The fields read from the card face; null where a field was not read. */
    public record Printed(String number, String fullName, LocalDate birthDate, String sex) {
    }

    /** One compared field. {@code matches} null when the printed side has no value to compare. */
    public record Comparison(String field, Boolean matches) {
    }

    public static List<Comparison> compare(Printed printed, CccdQr qr) {
        List<Comparison> out = new ArrayList<>();
        out.add(new Comparison("id_number", printed.number() == null ? null : printed.number().equals(qr.number())));
        out.add(new Comparison("full_name", printed.fullName() == null ? null
                : fold(printed.fullName()).equals(fold(qr.fullName()))));
        out.add(new Comparison("date_of_birth", printed.birthDate() == null ? null
                : printed.birthDate().equals(qr.birthDate())));
        out.add(new Comparison("sex", printed.sex() == null ? null : printed.sex().equals(qr.sex())));
        return out;
    }

    public static boolean anyMismatch(List<Comparison> comparisons) {
        return comparisons.stream().anyMatch(c -> Boolean.FALSE.equals(c.matches()));
    }

    /** Upper case, no diacritics (đ as d), single spaces. */
    public static String fold(String name) {
        String decomposed = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
    }
}
