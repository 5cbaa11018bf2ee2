package io.openekyc.vision.document.vn;

import io.openekyc.vision.document.CardField;
import io.openekyc.vision.document.PrintedDate;
import io.openekyc.vision.document.ocr.CardText;
import io.openekyc.vision.document.ocr.LatinRecognizer;
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
 * @param ocr   a Vietnamese recogniser
 * @param latin PP-OCR, for backs whose small print blur leaves Tesseract unable to read ({@link #readWithoutMarks})
 */
public record IdBackReader(TextRecognizer ocr, LatinRecognizer latin) {

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
    /** The CCCD signer's title, "CỤC TRƯỞNG CỤC", with its middle word as blur leaves it. */
    private static final Pattern SIGNER = Pattern.compile("\\bcu?c \\S{4,9} cuc\\b");
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
        String type = type(all);
        if (type == null) {
            return readWithoutMarks(card);
        }
        CardField issue = issueDate(lines);
        if (type.equals(CMND_NEW_CCCD_BACK) && !all.contains("giam doc")) {
            issue = numericIssueDate(card, issue);
        }
        CardField issuer = issuer(lines, all);
        if (issuer == null && type.equals(CMND_NEW_CCCD_BACK) && SIGNER.matcher(all).find()) {
            // Told by its signer's title alone (blur left no word of the department's name): the 2016
            // card's department, to be reviewed.
            issuer = CardField.printed(ISSUER_2016, null, true);
        }
        return Optional.of(new Back(type, fields(type, all, lines, issue, issuer)));
    }

    /**
     * A back's fields: the issue date and issuer (null: none read), and on a CMND its expiry and,
     * on a 9-digit one, the ethnicity and religion.
     */
    private static Map<String, CardField> fields(String type, String all, List<String> lines, CardField issue,
                                                 CardField issuer) {
        Map<String, CardField> fields = new LinkedHashMap<>();
        fields.put("date_of_issue", issue);
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
            // Both on one line: when OCR slips the "Tôn giáo" label between them, the ethnicity is
            // the list's name the value starts with and the religion the one the line ends with; the
            // state lists' spelling is taken where the letters fit, marks aside.
            String ethnicity = between(lines, "dan toc", "ton giao");
            String religion = between(lines, "ton giao", null);
            fields.put("ethnicity", known(ethnicity, ETHNICITIES, true));
            fields.put("religion", known(religion.isEmpty() ? ethnicity : religion, RELIGIONS, religion.isEmpty()));
        }
        return fields;
    }

    /**
     * Blur garbles Tesseract's reading of these backs' small print (labels, issue date) where a
     * recogniser trained on photos still reads it, without tone marks: each ink line of the two
     * blocks is read again by PP-OCR ({@link LatinRecognizer}), on the card as photographed,
     * to tell the back and read its issue date, issuer, and a 9-digit CMND's ethnicity and religion
     * (spelled as the state lists spell them). Every value so read is to be reviewed.
     */
    Optional<Back> readWithoutMarks(RgbImage card) {
        RgbImage page = CccdFrontReader.page(card);
        List<String> lines = new ArrayList<>();
        for (int[] region : new int[][] {LABEL_BLOCK, ISSUE_BLOCK}) {
            for (int[] box : CccdFrontReader.lines(page, region)) {
                lines.add(latin.read(card, box, null).text());
            }
        }
        String all = CardText.fold(String.join(" ", lines)).replaceAll("\\s+", " ");
        String type = type(all);
        if (CMND_NEW_CCCD_BACK.equals(type) && anyOf(all.replace(" ", ""), "dauvet", "tongi")) {
            // Both CMND backs have the issue block; the 9-digit one's labels come out clipped
            // ("DAU VETRNGVA D", "TongiKhng"): their first letters tell it.
            type = CMND_OLD_BACK;
        }
        if (type == null || type.equals(CHIP_BACK) || all.replace(" ", "").contains("noicutru")) {
            return Optional.empty(); // chip and 2024 backs are their MRZ reader's
        }
        // "GIAM DOCCAYEN BAI": the space after CA (Công an) is the one most often lost.
        CardField issuer = issuer(lines.stream().map(line -> line.replaceFirst("(?i)(doc\\s*ca)(?=\\p{L})", "$1 ")).toList(), all);
        Map<String, CardField> fields = fields(type, all, lines, unmarkedIssueDate(lines), issuer);
        fields.replaceAll((name, field) -> field.reviewed());
        return Optional.of(new Back(type, fields));
    }

    /** The issue block (bottom right): "Ngày .. tháng .. năm ..", the issuer and the signature. */
    private static final int[] ISSUE_BLOCK = {440, 290, 980, 430};

    /**
     * The issue date of lines read without marks: "Ngày 16 tháng 04 năm 2015" as PP-OCR gives it
     * ("Ngay 16thng 04nim2015": the words' letters slip, the numbers hold), or dd/MM/yyyy. Only a line
     * whose digits are exactly day, month and year counts (a run of three digits may hide a slipped
     * letter); empty, to be reviewed, when no line is.
     */
    static CardField unmarkedIssueDate(List<String> lines) {
        for (String line : lines) {
            Matcher m = UNMARKED_DATE.matcher(line);
            if (m.matches()) {
                CardField date = CardText.date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                if (PrintedDate.parse(date.value()) != null) {
                    return date;
                }
            }
        }
        return CardField.printed("", null, true);
    }

    private static final Pattern UNMARKED_DATE = Pattern.compile("\\D*?(\\d{1,2})\\D+(\\d{1,2})\\D+((?:19|20)\\d{2})\\D*");

    /**
     * Which back the folded text of its label and issue blocks shows, or null for none. The CCCD's
     * signer, "CỤC TRƯỞNG CỤC ...", survives blur that garbles its smaller labels (CỤC is short and
     * bold): without a word of the chip card's department after it, the card is the 2016 one.
     */
    static String type(String all) {
        // Words run together where OCR drops a space ("VETRIENG"): the labels are looked for without spaces.
        String squeezed = all.replace(" ", "");
        if (anyOf(squeezed, "tongiao", "dantoc", "dihinh", "vetrieng")) {
            return CMND_OLD_BACK;
        }
        if (anyOf(squeezed, "trattu", "hanhchinh")) {
            return CHIP_BACK;
        }
        if (anyOf(squeezed, "nhandang", "personalident", "giamdoc", "dkql", "dlqg", "ngontro", "vedancu")
                || SIGNER.matcher(all).find() && !all.contains("quan ly") && !all.contains("xa hoi")) {
            return CMND_NEW_CCCD_BACK;
        }
        return null;
    }

    private static boolean anyOf(String text, String... words) {
        for (String word : words) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The 2016 CCCD's issue date, printed dd/MM/yyyy in bold at the end of its line in the label
     * block. Whole-block OCR slips its digits under blur, so the end of each ink line is read again
     * alone, digits only, as photographed and sharpened (and deconvolved when the photo is blurred);
     * each of the date's positions takes the character most readings agree on, the block's reading
     * among them. To be reviewed unless two readings give that very date.
     */
    private CardField numericIssueDate(RgbImage card, CardField block) {
        RgbImage page = CccdFrontReader.plainPage(card);
        boolean blurred = CccdFrontReader.sharpness(page) < CccdFrontReader.BLURRED;
        List<String> readings = new ArrayList<>();
        if (DATE.matcher(block.value()).matches()) {
            readings.add(block.value());
        }
        for (int[] box : CccdFrontReader.lines(page, LABEL_BLOCK)) {
            int[] end = lastWord(page, box);
            int w = end[2] - end[0];
            int h = end[3] - end[1];
            if (w < 3.5 * h || w > 7 * h) {
                continue; // not shaped like ten characters of a date (with the line's margins)
            }
            double scale = Math.max(1.0, Math.min(3.5, DATE_HEIGHT / h));
            RgbImage crop = page.bilinear(end[0], end[1], w, h, (int) Math.round(w * scale), (int) Math.round(h * scale));
            for (RgbImage view : CccdFrontReader.views(crop, scale, blurred)) {
                Matcher m = DATE.matcher(ocr.line(view, "0123456789/").text());
                if (m.find()) {
                    readings.add(m.group(1) + "/" + m.group(2) + "/" + m.group(3));
                }
            }
        }
        if (readings.isEmpty()) {
            return block;
        }
        String date = majority(readings);
        long agreeing = readings.stream().filter(date::equals).count();
        return CardField.printed(date, null, PrintedDate.parse(date) == null || agreeing < 2);
    }

    /** Where the date's label block lies on the 2016 back (x0, y0, x1, y1 on the 1000 x 630 card). */
    private static final int[] LABEL_BLOCK = {25, 25, 585, 315};
    /** Ink height the date crop is enlarged to, as for the front's lines. */
    private static final double DATE_HEIGHT = 40;

    /**
     * The box of a line's last word: its ink from the right up to the first gap as wide as the line
     * is high (a label and its value are set apart; a date has no spaces).
     */
    static int[] lastWord(RgbImage page, int[] box) {
        int h = box[3] - box[1];
        int gap = 0;
        int start = box[0];
        boolean seen = false;
        for (int x = box[2] - 1; x >= box[0]; x--) {
            boolean ink = false;
            for (int y = box[1]; y < box[3] && !ink; y++) {
                ink = (page.rgb(x, y) & 0xFF) < INK;
            }
            if (ink) {
                seen = true;
                gap = 0;
                start = x;
            } else if (seen && ++gap >= h) {
                break;
            }
        }
        return new int[] {Math.max(box[0], start - 6), box[1], box[2], box[3]};
    }

    private static final int INK = 160;

    /** Position by position, the character most of the equally long readings hold (the earliest on a tie). */
    static String majority(List<String> readings) {
        String first = readings.getFirst();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < first.length(); i++) {
            Map<Character, Integer> counts = new LinkedHashMap<>();
            for (String reading : readings) {
                if (reading.length() == first.length()) {
                    counts.merge(reading.charAt(i), 1, Integer::sum);
                }
            }
            char best = first.charAt(i);
            for (Map.Entry<Character, Integer> e : counts.entrySet()) {
                if (e.getValue() > counts.get(best)) {
                    best = e.getKey();
                }
            }
            out.append(best);
        }
        return out.toString();
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
                // "CA" (Công an) has no tone mark, whatever mark OCR gives its A.
                if (value.matches("\\p{L}{2} .*") && CardText.fold(value.substring(0, 2)).equals("ca")) {
                    value = "CA" + value.substring(2);
                }
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

    /**
     * The same, and when the whole value spells no name and {@code partly}, the name spelled by its
     * first words (for an ethnicity) or its last ones (for a religion), to be reviewed; empty when
     * the value is partly read but neither end spells a name.
     */
    static CardField known(String read, List<String> names, boolean partly) {
        CardField whole = known(read, names);
        if (!whole.toBeReviewed() || !partly) {
            return whole;
        }
        String[] words = read.strip().split("\\s+");
        boolean religion = names == RELIGIONS;
        for (int n = Math.min(3, words.length - 1); n >= 1; n--) {
            List<String> part = religion ? List.of(words).subList(words.length - n, words.length)
                    : List.of(words).subList(0, n);
            String spelled = spelled(String.join(" ", part), names);
            if (spelled != null) {
                return CardField.printed(spelled, null, true);
            }
        }
        return religion ? CardField.printed("", null, true) : whole;
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
