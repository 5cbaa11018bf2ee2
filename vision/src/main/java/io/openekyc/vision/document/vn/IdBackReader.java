package io.openekyc.vision.document.vn;

import io.openekyc.vision.document.CardField;
import io.openekyc.vision.document.PrintedDate;
import io.openekyc.vision.document.ocr.CardText;
import io.openekyc.vision.document.ocr.TextRecognizer;
import io.openekyc.vision.image.RgbImage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the backs of Vietnamese ID cards that carry no MRZ, by their Vietnamese labels, on a
 * straightened card (1000 x 630): the 9-digit CMND ("Dân tộc", "Tôn giáo", "Dấu vết riêng và dị
 * hình", "Ngày .. tháng .. năm .." over "GIÁM ĐỐC CA ..."; FinOS {@code cmnd_old_back}), the 12-digit
 * CMND ("Đặc điểm nhận dạng", the same issue block) and the 2016 CCCD ("Đặc điểm nhân dạng / Personal
 * identification", "Ngày, tháng, năm / Date, month, year", signed for the "CỤC CẢNH SÁT ĐKQL CƯ TRÚ
 * VÀ DLQG VỀ DÂN CƯ"), both {@code cmnd_new_cccd_back}. A chip CCCD back whose MRZ was unreadable is
 * told by its signer (the administrative-police department) and typed {@code cccd_chip_back}; a
 * 2024 card's back ("Nơi cư trú") is not one of these.
 *
 * @param ocr a Vietnamese recogniser
 */
public record IdBackReader(TextRecognizer ocr) {

    public static final String CMND_OLD_BACK = "cmnd_old_back";
    public static final String CMND_NEW_CCCD_BACK = "cmnd_new_cccd_back";
    public static final String CHIP_BACK = "cccd_chip_back";
    /** The issuers of the CCCD, as their director's title names them: without chip (2016-2021), with chip (since 2021). */
    static final String ISSUER_2016 = "CỤC CẢNH SÁT ĐKQL CƯ TRÚ VÀ DLQG VỀ DÂN CƯ";
    static final String ISSUER_CHIP = "CỤC CẢNH SÁT QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI";
    /** A CMND is valid 15 years from issue (Decree 05/1999/NĐ-CP art. 2). */
    public static final int CMND_YEARS = 15;

    /** The 54 ethnic groups as the state list spells them (Decision 121-TCTK/PPCĐ), to restore tone marks. */
    static final List<String> ETHNICITIES = List.of("Kinh", "Tày", "Thái", "Mường", "Khơ Me", "Hoa", "Nùng", "Mông",
            "Dao", "Gia Rai", "Ê Đê", "Ba Na", "Sán Chay", "Chăm", "Cơ Ho", "Xơ Đăng", "Sán Dìu", "Hrê", "Ra Glai",
            "Mnông", "Thổ", "Xtiêng", "Khơ Mú", "Bru Vân Kiều", "Cơ Tu", "Giáy", "Tà Ôi", "Mạ", "Giẻ Triêng", "Co",
            "Chơ Ro", "Xinh Mun", "Hà Nhì", "Chu Ru", "Lào", "La Chí", "Kháng", "Phù Lá", "La Hủ", "La Ha", "Pà Thẻn",
            "Lự", "Ngái", "Chứt", "Lô Lô", "Mảng", "Cơ Lao", "Bố Y", "Cống", "Si La", "Pu Péo", "Rơ Măm", "Brâu",
            "Ơ Đu");
    /** Religions recognised by the state, and "Không" (none). */
    static final List<String> RELIGIONS = List.of("Không", "Phật giáo", "Công giáo", "Tin lành", "Cao đài",
            "Hòa hảo", "Hồi giáo", "Bà-la-môn");

    private static final Pattern SPELLED_DATE = Pattern.compile("ngay\\D{0,3}(\\d{1,2})\\D{0,3}thang\\D{0,3}(\\d{1,2})"
            + "\\D{0,3}nam\\D{0,3}(\\d{4})");
    private static final Pattern DATE = Pattern.compile("(\\d{2})\\s*[/.-]\\s*(\\d{2})\\s*[/.-]\\s*(\\d{4})");

    /** A back read: its FinOS type code and printed fields. */
    public record Back(String typeCode, Map<String, CardField> fields) {
    }

    /** Empty when the card shows none of these backs' labels (a front, another card, or the card upside down). */
    public Optional<Back> read(RgbImage card) {
        // The label block (left) and the issue block (bottom right); the finger boxes hold no text.
        List<String> lines = new ArrayList<>(CardText.lines(ocr, card, 25, 25, 560, 290));
        lines.addAll(CardText.lines(ocr, card, 440, 290, 540, 140));
        String all = CardText.fold(String.join(" ", lines)).replaceAll("\\s+", " ");
        if (all.contains("noi cu tru") || all.contains("place of residence")) {
            return Optional.empty(); // the 2024 card: its MRZ reader decides
        }
        String type;
        if (all.contains("ton giao") || all.contains("dan toc") || all.contains("di hinh") || all.contains("vet rieng")) {
            type = CMND_OLD_BACK;
        } else if (all.contains("trat tu") || all.contains("hanh chinh")) {
            type = CHIP_BACK;
        } else if (all.contains("nhan dang") || all.contains("personal ident") || all.contains("giam doc")
                || all.contains("dkql") || all.contains("dlqg") || all.contains("ngon tro")) {
            type = CMND_NEW_CCCD_BACK;
        } else {
            return Optional.empty();
        }
        Map<String, CardField> fields = new LinkedHashMap<>();
        CardField issue = issueDate(lines);
        fields.put("date_of_issue", issue);
        CardField issuer = issuer(lines, all);
        if (issuer != null) {
            fields.put("place_of_issue", issuer);
        }
        boolean cmnd = type.equals(CMND_OLD_BACK) || all.contains("giam doc");
        LocalDate issued = PrintedDate.parse(issue.value());
        if (cmnd && issued != null) {
            // Not printed: a CMND's validity follows from its issue date (FinOS lists doe on the back).
            fields.put("date_of_expiry", new CardField(issued.plusYears(CMND_YEARS).format(PrintedDate.FORMAT), null,
                    issue.toBeReviewed(), "derived"));
        }
        if (type.equals(CMND_OLD_BACK)) {
            fields.put("ethnicity", known(between(lines, "dan toc", "ton giao"), ETHNICITIES));
            fields.put("religion", known(between(lines, "ton giao", null), RELIGIONS));
        }
        return Optional.of(new Back(type, fields));
    }

    /** "Ngày 05 tháng 06 năm 2010" (CMND) or the dd/MM/yyyy after "Date, month, year" (2016 CCCD). */
    private static CardField issueDate(List<String> lines) {
        for (String line : lines) {
            Matcher spelled = SPELLED_DATE.matcher(CardText.fold(line));
            if (spelled.find()) {
                return CardText.date(Integer.parseInt(spelled.group(1)), Integer.parseInt(spelled.group(2)),
                        Integer.parseInt(spelled.group(3)));
            }
        }
        for (String line : lines) {
            Matcher m = DATE.matcher(line);
            if (m.find()) {
                return CardText.date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
        }
        return CardField.printed("", null, true);
    }

    /**
     * The issuer: a CMND's "GIÁM ĐỐC CA <province>" gives "CA <province>" (tone marks restored with
     * the place names later); a CCCD's is one of two departments, told by a few words of its name.
     */
    private static CardField issuer(List<String> lines, String all) {
        for (String line : lines) {
            String folded = CardText.fold(line);
            int at = folded.indexOf("giam doc");
            if (at >= 0) {
                String value = line.substring(Math.min(line.length(), at + "giam doc".length()))
                        .replaceAll("[^\\p{L}\\d ]", " ").strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
                return CardText.checked(value, "CA [\\p{Lu} ]{3,}");
            }
        }
        if (all.contains("dkql") || all.contains("dlqg") || all.contains("cu tru") || all.contains("dan cu")) {
            return CardField.printed(ISSUER_2016, null, false);
        }
        if (all.contains("trat tu") || all.contains("hanh chinh")) {
            return CardField.printed(ISSUER_CHIP, null, false);
        }
        return null;
    }

    /** The words after {@code label} on its line, up to {@code end} (another label on the same line) if given. */
    private static String between(List<String> lines, String label, String end) {
        for (String line : lines) {
            String folded = CardText.fold(line);
            int at = folded.indexOf(label);
            if (at >= 0) {
                int stop = end == null ? -1 : folded.indexOf(end, at);
                String value = line.substring(Math.min(line.length(), at + label.length()), stop > at ? stop : line.length());
                return value.replaceAll("^[\\s:.;,]+|[\\s:.;,|]+$", "");
            }
        }
        return "";
    }

    /** The list's spelling of a value read without (or with wrong) tone marks; as read, to be reviewed, when none fits. */
    static CardField known(String read, List<String> names) {
        String spelled = spelled(read, names);
        return spelled == null ? CardField.printed(read, null, true) : CardField.printed(spelled, null, false);
    }

    /** The name of the list that a read value spells, marks and spaces aside; null when none does. */
    static String spelled(String read, List<String> names) {
        String folded = CardText.fold(read).replaceAll("[^a-z]", "");
        for (String name : names) {
            if (CardText.fold(name).replaceAll("[^a-z]", "").equals(folded)) {
                return name;
            }
        }
        return null;
    }
}
