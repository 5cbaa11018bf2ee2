package io.openekyc.server.dialects.fpt;

import io.openekyc.vision.document.CardField;
import io.openekyc.vision.document.CardReading;
import io.openekyc.vision.document.vn.AddressSplit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Spec 002's {@code ocr} block (FPT.AI): one {@code data[]} entry per side read, each field with a
 * {@code <field>_prob} (0-100, two decimals) — the field's confidence, or "N/A" where none exists,
 * as FPT writes for fields it cannot score. Ready for the result API; not yet served.
 */
public final class FptOcr {

    /** Engine field -> FPT field on fronts and backs. */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("id_number", "id"), Map.entry("full_name", "name"), Map.entry("date_of_birth", "dob"),
            Map.entry("sex", "sex"), Map.entry("nationality", "nationality"), Map.entry("date_of_expiry", "doe"),
            Map.entry("place_of_origin", "home"), Map.entry("place_of_residence", "address"),
            Map.entry("date_of_issue", "issue_date"), Map.entry("features", "features"),
            Map.entry("place_of_issue", "issue_loc"), Map.entry("ethnicity", "ethnicity"),
            Map.entry("religion", "religion"));

    private FptOcr() {
    }

    public static Map<String, Object> block(List<CardReading> sides, AddressSplit addresses) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (CardReading side : sides) {
            if (side != null && side.found()) {
                data.add(entry(side, addresses));
            }
        }
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("code", data.isEmpty() ? "422" : "200");
        block.put("message", data.isEmpty() ? "no document found" : "ocr successful");
        block.put("data", data);
        return block;
    }

    static Map<String, Object> entry(CardReading side, AddressSplit addresses) {
        Map<String, Object> entry = new LinkedHashMap<>();
        double sum = 0;
        int scored = 0;
        for (var field : side.fields().entrySet()) {
            String name = NAMES.get(field.getKey());
            if (name == null) {
                continue;
            }
            CardField value = field.getValue();
            entry.put(name, name.equals("sex") || name.equals("nationality")
                    ? value.value().toUpperCase(Locale.ROOT) : value.value());
            entry.put(name + "_prob", value.confidence() == null ? "N/A" : percent(value.confidence()));
            if (value.confidence() != null) {
                sum += value.confidence();
                scored++;
            }
            if (name.equals("address")) {
                AddressSplit.Parts parts = addresses.split(value.value());
                entry.put("address_entities", Map.of("province", parts.province(), "district", parts.district(),
                        "ward", parts.ward(), "street", parts.street()));
            }
        }
        String type = fptType(side);
        entry.put("type_new", type);
        entry.put("type", fptGeneration(side.typeCode()));
        entry.put("overall_score", scored == 0 ? "N/A" : percent(sum / scored));
        if (side.mrz() != null) {
            entry.put("mrz", String.join("", side.mrz().lines()));
            entry.put("mrz_prob", side.mrz().valid() ? percent(0.99) : "N/A");
        }
        if (side.qr() != null) {
            entry.put("QRcode", "read");
        }
        return entry;
    }

    /** FPT's card type names for the engine's type codes. */
    static String fptType(CardReading side) {
        return switch (side.typeCode()) {
            case "cccd_chip_front" -> "cccd_chip_front";
            case "cccd_chip_back" -> "cccd_chip_back";
            case "cccd_front" -> "cccd_12_front";
            case "cmnd_old_front" -> "cmnd_09_front";
            case "cmnd_new_front" -> "cmnd_12_front";
            case "vn_passport_front" -> "passport";
            default -> side.typeCode();
        };
    }

    /** FPT's coarse {@code type}: the 9-digit CMND is "old", every later card "new"; backs add "_back". */
    static String fptGeneration(String typeCode) {
        String generation = typeCode.startsWith("cmnd_old") ? "old" : "new";
        return typeCode.endsWith("_back") ? generation + "_back" : generation;
    }

    private static String percent(double confidence) {
        return String.format(Locale.ROOT, "%.2f", 100 * confidence);
    }
}
