package io.openekyc.server.dialects.advance;

import io.openekyc.vision.document.CardField;
import io.openekyc.vision.document.CardReading;
import io.openekyc.vision.document.DocumentReader;
import io.openekyc.vision.document.PrintedDate;
import io.openekyc.vision.quality.QualityCheck;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spec 004's document results (ADVANCE.AI): {@code ocrInfo} per side in its normalised field set
 * (dates yyyy/MM/dd, gender MALE/FEMALE, fields not read are null), {@code qualityLabels},
 * {@code forgeryLabels}, and the document error code for {@code errorCode}. Ready for the result
 * API; not yet served.
 */
public final class AdvanceOcr {

    private static final DateTimeFormatter ADVANCE = DateTimeFormatter.ofPattern("uuuu/MM/dd");
    private static final List<String> FIELDS = List.of("idNumber", "documentNumber", "fullName", "fullNameLocal",
            "lastName", "lastNameLocal", "firstName", "firstNameLocal", "middleName", "middleNameLocal", "birthday",
            "dobDay", "dobMonth", "dobYear", "expiryDate", "expiryDay", "expiryMonth", "expiryYear", "daysToExpiry",
            "issueDate", "issueDay", "issueMonth", "issueYear", "daysFromIssue", "state", "city", "district",
            "subdistrict", "fullAddress", "postcode", "placeOfBirth", "issuerAuthority", "issuerPlace", "gender",
            "height", "weight", "eyeColor", "bloodType", "religion", "nationality", "issuerCountry", "countryCode",
            "passportType", "vehicleClass", "restrictions", "endorsement");

    private AdvanceOcr() {
    }

    /** One side's ocrInfo entry; every field of the spec is present, null where not read. */
    public static Map<String, Object> side(CardReading reading, String side, LocalDate today) {
        Map<String, Object> out = new LinkedHashMap<>();
        FIELDS.forEach(f -> out.put(f, null));
        Map<String, CardField> f = reading.fields();
        put(out, "idNumber", f.get("id_number"));
        put(out, "documentNumber", f.get("passport_number"));
        if (f.containsKey("full_name")) {
            // Vietnamese names print with diacritics: the local form; the plain form is the Latin one.
            String local = f.get("full_name").value();
            out.put("fullNameLocal", local);
            out.put("fullName", io.openekyc.vision.document.vn.PrintedVsQr.fold(local));
        }
        date(out, "birthday", "dob", f.get("date_of_birth"), today, null);
        date(out, "expiryDate", "expiry", f.get("date_of_expiry"), today, "daysToExpiry");
        date(out, "issueDate", "issue", f.get("date_of_issue"), today, "daysFromIssue");
        put(out, "fullAddress", f.get("place_of_residence"));
        put(out, "placeOfBirth", f.get("place_of_birth") != null ? f.get("place_of_birth") : f.get("place_of_origin"));
        put(out, "issuerPlace", f.get("place_of_issue"));
        if (f.containsKey("sex")) {
            String sex = f.get("sex").value();
            out.put("genderLocal", sex);
            out.put("gender", sex.equals("Nam") ? "MALE" : sex.equals("Nữ") ? "FEMALE" : null);
        }
        put(out, "nationality", f.get("nationality"));
        put(out, "countryCode", f.get("country_code"));
        out.put("others", Map.of());
        out.put("side", side);
        return out;
    }

    /** qualityLabels for one side: isBlur, isDim, isExposure (glare), from the engine's quality checks. */
    public static Map<String, Object> qualityLabels(CardReading reading) {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("isBlur", failed(reading.quality(), "blur"));
        labels.put("isDim", failed(reading.quality(), "too_dark"));
        labels.put("isExposure", failed(reading.quality(), "glare"));
        return labels;
    }

    /** forgeryLabels: photocopy (black-and-white copy), screen (when judged), tampered (QR / MRZ signals). */
    public static List<String> forgeryLabels(CardReading front, CardReading back) {
        List<String> labels = new ArrayList<>();
        if (Boolean.TRUE.equals(failed(front.quality(), "black_and_white"))) {
            labels.add("photocopy");
        }
        if (Boolean.TRUE.equals(failed(front.quality(), "captured_from_screen"))) {
            labels.add("screen");
        }
        boolean tampered = front.tampering().stream().anyMatch(QualityCheck::failed)
                || back != null && back.tampering().stream().anyMatch(QualityCheck::failed);
        if (tampered) {
            labels.add("tampered");
        }
        return labels;
    }

    /**
     * The document errorCode for 004, or null when the document passes: not found, type mismatch,
     * more than one card, front and back disagreeing, expired, under age, low quality, forgery — in that order.
     */
    public static String errorCode(CardReading front, CardReading back, String docType, Integer minimumAge,
                                   LocalDate today) {
        if (!front.found()) {
            return "CARD_NOT_FOUND";
        }
        if (!docType.equals(front.documentType())) {
            return "CARD_TYPE_MISMATCH";
        }
        if (Boolean.TRUE.equals(failed(front.quality(), "multiple_cards"))) {
            return "TOO_MANY_CARDS";
        }
        if (back != null && back.found()
                && DocumentReader.sameCard(front, back).stream().anyMatch(QualityCheck::failed)) {
            return "CARD_INFO_MISMATCH";
        }
        if (front.rules().stream().anyMatch(r -> r.name().equals("expiry") && r.failed()
                && "expired".equals(r.detail()))) {
            return "DOC_EXPIRED";
        }
        if (minimumAge != null && io.openekyc.vision.document.MinimumAge.check(front.value("date_of_birth"),
                minimumAge, today).failed()) {
            return "AGE_VERIFICATION_FAILED";
        }
        if (Boolean.TRUE.equals(failed(front.quality(), "partial_card"))) {
            return "INCOMPLETED_CARD";
        }
        if (Boolean.TRUE.equals(failed(front.quality(), "blur")) || Boolean.TRUE.equals(failed(front.quality(), "too_dark"))) {
            return "CARD_LOW_QUALITY_IMAGE";
        }
        if (!forgeryLabels(front, back).isEmpty()) {
            return "ID_FORGERY_DETECTED";
        }
        return null;
    }

    private static Boolean failed(List<QualityCheck> checks, String name) {
        return checks.stream().filter(c -> c.name().equals(name) && !c.unavailable()).findFirst()
                .map(QualityCheck::failed).orElse(null);
    }

    private static void put(Map<String, Object> out, String name, CardField field) {
        if (field != null && field.value() != null && !field.value().isBlank()) {
            out.put(name, field.value());
        }
    }

    /** A dd/MM/yyyy date as yyyy/MM/dd with its day, month and year, and days to or from today. */
    private static void date(Map<String, Object> out, String name, String prefix, CardField field, LocalDate today,
                             String daysField) {
        if (field == null) {
            return;
        }
        LocalDate date = PrintedDate.parse(field.value());
        if (date == null) {
            return; // e.g. "Không thời hạn": no date to give
        }
        out.put(name, ADVANCE.format(date));
        out.put(prefix + "Day", String.format("%02d", date.getDayOfMonth()));
        out.put(prefix + "Month", String.format("%02d", date.getMonthValue()));
        out.put(prefix + "Year", String.valueOf(date.getYear()));
        if (daysField != null) {
            long days = daysField.equals("daysToExpiry") ? ChronoUnit.DAYS.between(today, date)
                    : ChronoUnit.DAYS.between(date, today);
            out.put(daysField, days);
        }
    }
}
