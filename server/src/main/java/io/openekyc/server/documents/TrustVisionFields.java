package io.openekyc.server.documents;

import java.util.Map;

/**
 * Spec 000's field names and formats for the engine's canonical fields (dates yyyy/MM/dd, sex M/F).
 * Philippine cards' address, last_name, first_name and middle_name keep their names; a driving
 * licence's place of residence is its address.
 */
final class TrustVisionFields {

    private static final Map<String, String> NAMES = Map.of(
            "id_number", "id", "full_name", "name", "sex", "gender", "place_of_residence", "address",
            "place_of_origin", "origin_location");
    private static final Map<String, String> CONVERTED = Map.of(
            "id_number", "id_number", "full_name", "name", "sex", "gender", "place_of_residence", "address",
            "date_of_birth", "birth_date", "date_of_expiry", "expiry_date", "date_of_issue", "issue_date");

    private TrustVisionFields() {
    }

    static String name(String field) {
        return NAMES.getOrDefault(field, field);
    }

    static String convertedName(String field) {
        return CONVERTED.getOrDefault(field, field);
    }

    static String value(String field, String value) {
        if (value == null) {
            return "";
        }
        if (field.startsWith("date_of_") && value.matches("\\d{2}/\\d{2}/\\d{4}")) {
            return value.substring(6) + "/" + value.substring(3, 5) + "/" + value.substring(0, 2);
        }
        if (field.equals("sex")) {
            return switch (value) {
                case "Nam" -> "M";
                case "Nữ" -> "F";
                default -> value;
            };
        }
        return value;
    }
}
