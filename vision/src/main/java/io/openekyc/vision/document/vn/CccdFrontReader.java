package io.openekyc.vision.document.vn;

import io.openekyc.vision.document.ocr.CardText;
import io.openekyc.vision.document.ocr.DateDecoding;
import io.openekyc.vision.document.ocr.Deblur;
import io.openekyc.vision.document.PrintedDate;
import io.openekyc.vision.document.ocr.LatinRecognizer;
import io.openekyc.vision.document.ocr.TextRecognizer;
import io.openekyc.vision.image.RgbImage;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the printed fields of a straightened chip-CCCD front (1000 x 630, as {@code CardLocator}
 * rectifies it) with Vietnamese OCR, by its bilingual labels rather than fixed positions. The text
 * column right of the portrait (and the expiry block under it) is first cut into text lines by
 * where the ink is, on a copy whose paper is brought to white everywhere (glare, shade, dim light)
 * and that is sharpened when the photo is out of focus; each line is then read alone (single-line
 * mode), enlarged only to a modest size (tone marks on bold capitals suffer from more). A value follows its label
 * on the same line ("Số / No.: ...") or stands on the next line ("Họ và tên / Full name:" then the
 * name). Labels are matched without diacritics and tolerate common OCR slips. The number and dates
 * are read a second time with digits only; the number is repaired by its province-code prefix and
 * the dates reconciled with each other and the number by the law's rules (expiry on the 25th, 40th
 * or 60th birthday; birth-year and sex/century digits, {@link CccdNumber}). A field is flagged to be
 * reviewed when it fails its format or those rules; its confidence is Tesseract's lowest word
 * confidence (0..1).
 */
public final class CccdFrontReader {

    static final int WIDTH = 1000;
    static final int HEIGHT = 630;
    /** The text column right of the portrait and the expiry block under the portrait (x0, y0, x1, y1 on 1000 x 630). */
    private static final int[] COLUMN = {262, 190, 995, 625};
    // It stops 20 px above the card's edge, whose shade a blurred photo spreads into a line of its own.
    private static final int[] EXPIRY = {20, 495, 262, 610};
    /** The printed block of the 2024 card's back, above the MRZ and left of the chip. */
    private static final int[] BACK_TEXT = {25, 25, 600, 300};
    /** A line is enlarged so its ink (capitals with tone marks) is about this many pixels high. */
    private static final double LINE_HEIGHT = 30;
    private static final int INK = 200;
    private static final int MARGIN_Y = 5;
    /** Below this {@link #sharpness} the print is blurred (sharp photos measure above 100, blurred ones 20-60). */
    static final double BLURRED = 80;

    private static final Pattern DIGITS = Pattern.compile("\\d[\\d ]{8,16}\\d");
    private static final Pattern DATE = Pattern.compile("(\\d{2})\\s*[/.-]?\\s*(\\d{2})\\s*[/.-]?\\s*(\\d{4})");

    /**
     * One read field: the value as printed, whether a person should check it, and the OCR's
     * confidence in it (0..1; NaN when not measured).
     */
    public record Field(String value, boolean toBeReviewed, double confidence) {

        public Field(String value, boolean toBeReviewed) {
            this(value, toBeReviewed, Double.NaN);
        }
    }

    /** A text line on the card: its box on the 1000 x 630 card, the scale it was read at, and what was read. */
    record TextLine(int x0, int y0, int x1, int y1, double scale, TextRecognizer.Line ocr) {

        String text() {
            return ocr.text();
        }
    }

    private final TextRecognizer ocr;
    private final LatinRecognizer latin;

    /** A reader without PP-OCR's second reading of numbers and dates (Tesseract alone). */
    public CccdFrontReader(TextRecognizer ocr) {
        this(ocr, null);
    }

    /**
     * @param ocr   a Vietnamese recogniser
     * @param latin PP-OCR, a second reading of the number and date lines ({@link #settleDatesByPpOcr}; null: none)
     */
    public CccdFrontReader(TextRecognizer ocr, LatinRecognizer latin) {
        this.ocr = ocr;
        this.latin = latin;
    }

    /**
     * A front's fields and its layout: {@code canCuoc2024} for the 2024 "Căn cước" card, whose
     * labels ("Số định danh cá nhân", "Họ, chữ đệm và tên khai sinh") differ from the chip CCCD's and
     * which prints no origin, residence or expiry on the front.
     */
    public record Front(boolean canCuoc2024, Map<String, Field> fields) {
    }

    public Map<String, Field> read(RgbImage card) {
        return readFront(card).fields();
    }

    public Front readFront(RgbImage card) {
        return readFront(card, false);
    }

    /**
     * @param cmnd the card's title says CMND (the 12-digit CMND shares the CCCD's layout): it is valid
     *             15 years from issue, not to a birthday, so the CCCD's ties between its dates are
     *             not used to settle them
     */
    public Front readFront(RgbImage card, boolean cmnd) {
        RgbImage plain = plainPage(card);
        double blur = blurSigma(plain);
        RgbImage page = focused(plain);
        List<TextLine> lines = new ArrayList<>();
        for (int[] band : lines(page, COLUMN)) {
            lines.add(read(page, band, null));
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        // Each line's role: by its label where OCR reads one; else by the front's fixed order, in
        // which label-only lines are the thin ones (labels are printed smaller than values).
        int number = find(lines, 0, text -> DIGITS.matcher(text).find());
        // The layout is told from the lines already read, no extra OCR: by the 2024 card's labels, or
        // (blurred labels) by its number standing under a label line where the chip CCCD's opens the column.
        boolean canCuoc = find(lines, 0, t -> t.contains("dinh danh") || t.contains("identification")
                || t.contains("khai sinh") || t.contains("surname") || t.contains("given name")
                || t.contains("chu dem") || t.contains("middle name")) >= 0
                || number >= 1 && !lines.getFirst().text().matches(".*\\d.*");
        if (number >= 0) {
            Field read = idNumber(page, lines.get(number));
            fields.put("id_number", read);
            // PP-OCR reads the number line too: where Tesseract is doubtful its number is taken, and where
            // the two differ one slipped (noise turned an 8 into a 3 for Tesseract alone), so it is to be
            // reviewed. On the 320 seed-1600 2016 and 12-digit CMND fronts PP-OCR's numbers were all right.
            String byPp = latin == null ? null : numberByPpOcr(ppText(atCardSize(card), lines.get(number)));
            if (byPp != null && (read.toBeReviewed() || !byPp.equals(read.value()))) {
                fields.put("id_number", new Field(byPp, true, Double.NaN));
            }
        }
        Field numberSoFar = fields.get("id_number");
        if (!canCuoc && (numberSoFar == null || !numberSoFar.value().matches("0\\d{11}"))) {
            Field underGlare = numberUnderGlare(card);
            if (underGlare != null) {
                fields.put("id_number", underGlare);
            }
        }
        double thin = 0.75 * medianInkHeight(lines);
        int nameLabel = find(lines, number + 1, t -> t.contains("full name") || t.contains("ho va ten")
                || t.contains("given name") || t.contains("khai sinh") || t.contains("surname"));
        int unlabelled = nameLabel < 0 ? unlabelledName(lines, number + 1) : -1;
        if (nameLabel < 0 && unlabelled < 0) {
            nameLabel = thinLine(lines, number + 1, thin);
        }
        int next = number + 1;
        if (unlabelled >= 0) {
            fields.put("full_name", fullName(page, lines.get(unlabelled)));
            next = unlabelled + 1;
        } else if (nameLabel >= 0) {
            TextLine label = lines.get(nameLabel);
            String after = afterLabel(label.text(), "name");
            // The name stands on the next line when that line reads as capitals (the label line's
            // crop may catch the tone marks of the name below it: no name after its colon then).
            boolean onNextLine = nameLabel + 1 < lines.size() && (looksLikeName(lines.get(nameLabel + 1).text())
                    || after.replaceAll("[^\\p{L}]", "").length() < 3);
            TextLine source = onNextLine ? lines.get(nameLabel + 1) : label;
            fields.put("full_name", onNextLine ? fullName(page, source) : nameField(name(after), label.ocr().confidence()));
            next = nameLabel + (onNextLine ? 2 : 1);
        }
        TextLine birthLine = null;
        int birth = find(lines, next, CccdFrontReader::birthLabel);
        if (birth < 0 && next < lines.size() && (DATE.matcher(lines.get(next).text()).find() || nameLabel >= 0
                || unlabelled >= 0)) {
            birth = next; // the front's fixed order: the birth line follows the name, even when blur leaves it unreadable
        }
        if (birth >= 0) {
            birthLine = lines.get(birth);
            fields.put("date_of_birth", date(page, birthLine));
            next = birth + 1;
        }
        int sex = find(lines, next, t -> t.contains("sex") || t.contains("gioi tinh") || t.contains("nationality")
                || t.contains("quoc tich"));
        if (sex < 0 && birth >= 0 && birth + 1 < lines.size()) {
            sex = birth + 1;
        }
        if (sex >= 0) {
            fields.put("sex", sex(lines.get(sex)));
            // The 12-digit CMND prints "Dân tộc" (ethnicity) where the CCCD prints its nationality.
            String text = lines.get(sex).text();
            int ethnicity = fold(text).indexOf("dan toc");
            if (ethnicity >= 0) {
                String read = text.substring(ethnicity + "dan toc".length()).replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
                String spelled = IdBackReader.spelled(read, IdBackReader.ETHNICITIES);
                fields.put("ethnicity", new Field(spelled == null ? read : spelled, spelled == null,
                        lines.get(sex).ocr().confidence()));
            } else {
                fields.put("nationality", nationality(lines.get(sex)));
            }
            next = sex + 1;
        }
        Field numberRead = fields.get("id_number");
        boolean cmnd12 = cmnd && numberRead != null && !numberRead.toBeReviewed();
        if (cmnd12 && sex >= 0) {
            TextLine line = lines.get(sex);
            // Its "Dân tộc" label and the sex beside it blur first (small regular print): the group's
            // name still ends the line, and the number says which sex a blurred word may be.
            String ethnicity = fields.containsKey("ethnicity") ? null : ethnicityEndingLine(line.text());
            if (ethnicity != null) {
                fields.remove("nationality");
                fields.put("ethnicity", new Field(ethnicity, true, line.ocr().confidence()));
            }
            if (fields.get("sex").value().isEmpty()) {
                Field spelled = sexSpelled(letterChoices(ocr.symbols(crop(page, line), null)), numberRead.value());
                if (spelled != null) {
                    fields.put("sex", spelled);
                }
            }
        }
        if (canCuoc) {
            // The 2024 card keeps the fixed deconvolution width on its date views: the measured width read
            // fewer blurred birth dates there (10 blurred fronts of seed 500: 2 lost, none gained).
            reconcileBirth(page, fields, birthLine, blur > 0 ? DEBLUR_SIGMA : 0, false, false);
            settleDatesByPpOcr(card, fields, birthLine, null, null);
            crossCheck(fields);
            return new Front(true, fields);
        }
        int origin = find(lines, next, t -> t.contains("place of or") || t.contains("que quan") || t.contains("origin"));
        if (origin < 0) {
            origin = thinLine(lines, next, thin);
        }
        int residence = find(lines, origin + 2,
                t -> t.contains("place of res") || t.contains("thuong tru") || t.contains("residence"));
        if (residence < 0 && origin >= 0) {
            residence = thinLine(lines, origin + 2, thin);
        }
        if (origin >= 0) {
            int end = residence > origin ? residence : Math.min(lines.size(), origin + 2);
            fields.put("place_of_origin", place(page, lines.subList(Math.min(origin + 1, end), end)));
        }
        if (residence >= 0) {
            fields.put("place_of_residence", place(page, lines.subList(residence + 1, lines.size())));
        }
        TextLine expiryLine = expiryLine(page);
        if (expiryLine == null) {
            fields.put("date_of_expiry", new Field("", true, 0));
        } else if (fold(expiryLine.text()).contains("thoi han")) {
            fields.put("date_of_expiry", new Field("Không thời hạn", false, expiryLine.ocr().confidence()));
        } else if (!cmnd && readsNoExpiry(expiryLine.text())) {
            fields.put("date_of_expiry", new Field(CccdRules.NO_EXPIRY, true, expiryLine.ocr().confidence()));
        } else {
            fields.put("date_of_expiry", date(page, expiryLine));
        }
        if (!cmnd && !fields.containsKey("ethnicity")) {
            // A 12-digit CMND (ethnicity where the CCCD prints nationality) is valid 15 years from
            // issue, not to a birthday: the CCCD's ties between its dates do not hold there.
            LocalDate firstIssue = hasQrBlock(plain) ? CHIP_CARDS_FROM : CCCD_CARDS_FROM;
            if (expiryByLaw(fields, firstIssue)) {
                // No printed expiry to tie the birth's day and month to: the birth line's readings must agree.
                reconcileBirth(plain, fields, birthLine, blur, true, false);
            } else {
                reconcileDates(plain, latin == null ? null : atCardSize(card), fields, birthLine, expiryLine, blur,
                        firstIssue);
            }
            settleDatesByPpOcr(card, fields, birthLine, expiryLine, firstIssue);
        } else if (cmnd12) {
            // The 12-digit CMND's birth date is tied to its number alone (century and year digits).
            reconcileBirth(page, fields, birthLine, blur, false, sharpness(page) < BLURRED);
            rereadExpiry(page, fields, expiryLine, blur);
            if (latin != null) {
                readAgainByPpOcr(card, fields, birthLine, expiryLine);
            }
        }
        crossCheck(fields);
        return new Front(false, fields);
    }

    /** "Ngày sinh / Date of birth", or enough of it (folded text). */
    private static boolean birthLabel(String t) {
        return t.contains("date of b") || t.contains("ngay sinh") || t.contains("of birth");
    }

    /** "Nơi cư trú / Place of residence", or enough of it to tell it from the chip back's "Đặc điểm nhân dạng / Personal identification". */
    private static boolean residenceLabel(String t) {
        return t.contains("cu tru") || t.contains("residen") || t.contains("place of") || t.contains("noi cu")
                || t.contains("of res");
    }

    /**
     * The straightened card at 1000 x 630 with white paper, sharpened when the photo is out of focus;
     * the other cards' readers read this copy too.
     */
    public static RgbImage page(RgbImage card) {
        return focused(plainPage(card));
    }

    /** The straightened card at 1000 x 630 with white paper, as photographed (not sharpened). */
    static RgbImage plainPage(RgbImage card) {
        return paperWhite(atCardSize(card));
    }

    /** The straightened card as photographed, at the 1000 x 630 the readers' line boxes are on (as the locator gives it, or resized). */
    static RgbImage atCardSize(RgbImage card) {
        return card.width() == WIDTH && card.height() == HEIGHT ? card
                : card.bilinear(0, 0, card.width(), card.height(), WIDTH, HEIGHT);
    }

    /** The page sharpened when the photo is out of focus ({@link #page} of a {@link #plainPage}). */
    static RgbImage focused(RgbImage page) {
        if (sharpness(page) >= BLURRED) {
            return page;
        }
        return sharpened(page); // Tesseract reads sharpened strokes better
    }

    /**
     * The printed fields of a 2024 "Căn cước" back (place_of_residence, place_of_birth,
     * date_of_issue, date_of_expiry), by their labels; empty when the block's first line is not the
     * "Nơi cư trú / Place of residence" label (a chip CCCD's back opens with "Đặc điểm nhân dạng"),
     * so a chip back costs one line of OCR.
     */
    public java.util.Optional<Map<String, Field>> readCanCuocBack(RgbImage card) {
        RgbImage page = page(card);
        List<int[]> bands = lines(page, BACK_TEXT);
        if (bands.isEmpty()) {
            return java.util.Optional.empty();
        }
        // The label is looked for in the first two lines (glare can leave a stray line above it), but
        // a chip back's own first label ends the search at one line.
        List<TextLine> lines = new ArrayList<>();
        int label = 0;
        for (; label < Math.min(2, bands.size()) && lines.isEmpty(); label++) {
            TextLine line = read(page, bands.get(label), null);
            String text = fold(line.text());
            if (residenceLabel(text)) {
                lines.add(line);
            } else if (text.contains("dac diem") || text.contains("nhan dang") || text.contains("personal")) {
                break;
            }
        }
        if (lines.isEmpty()) {
            return java.util.Optional.empty();
        }
        for (int[] band : bands.subList(label, bands.size())) { // label: one past the label's band
            lines.add(read(page, band, null));
        }
        int birth = find(lines, 1, t -> t.contains("khai sinh") || t.contains("place of b") || t.contains("dang ky"));
        int issue = find(lines, Math.max(1, birth + 1), t -> t.contains("issue") || t.contains("nam cap"));
        int expiry = find(lines, Math.max(1, issue + 1), t -> t.contains("expiry") || t.contains("het han"));
        Map<String, Field> fields = new LinkedHashMap<>();
        int residenceEnd = birth > 0 ? birth : issue > 0 ? issue : lines.size();
        fields.put("place_of_residence", place(page, lines.subList(1, residenceEnd)));
        if (birth > 0) {
            fields.put("place_of_birth", place(page, lines.subList(birth + 1, issue > birth ? issue : Math.min(lines.size(),
                    birth + 2))));
        }
        if (issue > 0) {
            fields.put("date_of_issue", date(page, lines.get(issue)));
        }
        if (expiry > 0) {
            TextLine line = lines.get(expiry);
            fields.put("date_of_expiry", fold(line.text()).contains("khong thoi")
                    ? new Field(CccdRules.NO_EXPIRY, false, line.ocr().confidence()) : date(page, line));
        }
        return java.util.Optional.of(fields);
    }

    private static int find(List<TextLine> lines, int from, java.util.function.Predicate<String> folded) {
        for (int i = Math.max(0, from); i < lines.size(); i++) {
            if (folded.test(fold(lines.get(i).text()))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The name's line where its label went unread (glare over it, or the label's line run together
     * with the name's): the line of capitals before the birth line (its label or its date) whose first
     * word spells a common family name and every other word a name syllable, tone marks aside; -1
     * when there is none (blur garbles it too: "LƯU VU LH HẠ"), and the label is then looked for by
     * its thin print.
     */
    private static int unlabelledName(List<TextLine> lines, int from) {
        int birth = find(lines, from, t -> birthLabel(t) || DATE.matcher(t).find());
        int end = birth < 0 ? Math.min(lines.size(), from + 2) : birth;
        for (int i = Math.max(0, from); i < end; i++) {
            String[] words = lines.get(i).text().strip().split("\\s+");
            boolean named = looksLikeName(lines.get(i).text()) && Surnames.spells(words[0]);
            for (int w = 1; w < words.length && named; w++) {
                named = GivenNames.spellsSyllable(words[w]);
            }
            if (named) {
                return i;
            }
        }
        return -1;
    }

    private static int thinLine(List<TextLine> lines, int from, double thin) {
        for (int i = Math.max(0, from); i < lines.size(); i++) {
            if (inkHeight(lines.get(i)) < thin) {
                return i;
            }
        }
        return -1;
    }

    private static int inkHeight(TextLine line) {
        return line.y1() - line.y0() - 2 * MARGIN_Y;
    }

    private static double medianInkHeight(List<TextLine> lines) {
        int[] heights = lines.stream().mapToInt(CccdFrontReader::inkHeight).sorted().toArray();
        return heights.length == 0 ? 0 : heights[heights.length / 2];
    }

    /** The number's own rules tie it to the sex and birth year read beside it: a mismatch means one was misread. */
    private static void crossCheck(Map<String, Field> fields) {
        Field number = fields.get("id_number");
        Field birth = fields.get("date_of_birth");
        Field sex = fields.get("sex");
        if (number == null || number.toBeReviewed()) {
            return;
        }
        LocalDate birthDate = birth == null || birth.toBeReviewed() ? null : PrintedDate.parse(birth.value());
        String sexCode = sex == null || sex.toBeReviewed() ? null : sex.value().equals("Nữ") ? "F" : "M";
        boolean consistent = CccdNumber.check(number.value(), birthDate, sexCode).stream()
                .allMatch(rule -> rule.passed() == null || rule.passed());
        if (!consistent) {
            fields.put("id_number", new Field(number.value(), true, number.confidence()));
            if (birth != null) {
                fields.put("date_of_birth", new Field(birth.value(), true, birth.confidence()));
            }
            if (sex != null) {
                fields.put("sex", new Field(sex.value(), true, sex.confidence()));
            }
        }
    }

    /**
     * The 12 digits: read again with digits only over the word holding most digits (the label
     * beside it, blurred, reads as digits too), then repaired by the one rule every number obeys:
     * its first three digits are a province code 001-096, so it starts with 0.
     */
    private Field idNumber(RgbImage page, TextLine line) {
        TextRecognizer.Word word = null;
        for (TextRecognizer.Word w : line.ocr().words()) {
            if (word == null || digitCount(w.text()) > digitCount(word.text())) {
                word = w;
            }
        }
        String first = longestDigits(asDigits(word.text()));
        int from = line.x0() + (int) Math.floor(word.left() / line.scale()) - 10;
        int to = line.x0() + (int) Math.ceil(word.right() / line.scale()) + 10;
        TextLine digits = read(page, new int[] {Math.max(line.x0(), from), line.y0(), Math.min(line.x1(), to), line.y1()},
                "0123456789");
        String second = longestDigits(digits.text());
        return number(first, word.confidence(), second, digits.ocr().confidence());
    }

    /**
     * The number from the line's two readings: the whole line's and its digits' alone (preferred when
     * 12 digits). To be reviewed unless it is 12 digits opening with 0, and when both readings have 12
     * digits that differ: one of them slipped (a guilloche line through a 2 read as 3), and nothing in the
     * number's last six digits can tell which.
     */
    static Field number(String whole, double wholeConfidence, String digits, double digitsConfidence) {
        String value = digits.length() == 12 ? digits : whole.length() == 12 ? whole : digits;
        double confidence = digits.length() == 12 ? digitsConfidence : wholeConfidence;
        if (value.length() > 12 && value.substring(value.length() - 12).startsWith("0")) {
            value = value.substring(value.length() - 12); // label remnants read as leading digits
        } else if (value.length() == 11 && !value.startsWith("0")) {
            value = "0" + value; // the leading 0 lost (read as a letter, or cut off)
        }
        boolean disagree = whole.length() == 12 && digits.length() == 12 && !whole.equals(digits);
        return new Field(value, !value.matches("0\\d{11}") || disagree, confidence);
    }

    /** Where the number is printed on chip, 2016 and 12-digit CMND fronts (rows 190-260, right of the portrait). */
    private static final int[] NUMBER_BAND = {262, 190, 995, 260};

    /**
     * The number read where glare washed it out: the red print turns pale pink, too faint for the
     * grey page's ink threshold (seed-1600 2016 and 12-digit CMND fronts: 5 of 320 numbers lost
     * so). On the darker of the green and blue channels red ink stays darker than the white glare,
     * and each pixel of the band is stretched between the darkest and whitest within 40 px of it.
     * The line holding most digits is read as any number line; null unless that gives a possible
     * number. Always to be reviewed: glare thins strokes.
     */
    private Field numberUnderGlare(RgbImage card) {
        RgbImage view = glareView(atCardSize(card), NUMBER_BAND[1], NUMBER_BAND[3]);
        TextLine best = null;
        for (int[] band : lines(view, NUMBER_BAND)) {
            TextLine line = read(view, band, null);
            if (best == null || digitCount(line.text()) > digitCount(best.text())) {
                best = line;
            }
        }
        if (best == null || digitCount(best.text()) < 9) {
            return null;
        }
        Field read = idNumber(view, best);
        return read.value().matches("0\\d{11}") && couldBeNumber(read.value())
                ? new Field(read.value(), true, read.confidence()) : null;
    }

    /**
     * The card with white paper on the darker of its green and blue channels (red and black print
     * both dark), rows {@code y0}-{@code y1} stretched between the darkest and the whitest grey
     * within 40 px left and right over those rows.
     */
    static RgbImage glareView(RgbImage card, int y0, int y1) {
        int w = card.width();
        int h = card.height();
        int[] darker = new int[w * h];
        for (int i = 0; i < darker.length; i++) {
            int rgb = card.rgb(i % w, i / w);
            int v = Math.min(rgb >> 8 & 0xFF, rgb & 0xFF);
            darker[i] = v << 16 | v << 8 | v;
        }
        RgbImage page = paperWhite(new RgbImage(w, h, darker));
        int[] low = new int[w];
        int[] high = new int[w];
        for (int x = 0; x < w; x++) {
            low[x] = 255;
            for (int y = y0; y < y1; y++) {
                int v = page.rgb(x, y) & 0xFF;
                low[x] = Math.min(low[x], v);
                high[x] = Math.max(high[x], v);
            }
        }
        int[] out = new int[w * h];
        for (int i = 0; i < out.length; i++) {
            out[i] = page.rgb(i % w, i / w);
        }
        for (int x = 0; x < w; x++) {
            int lo = 255;
            int hi = 0;
            for (int xx = Math.max(0, x - 40); xx <= Math.min(w - 1, x + 40); xx++) {
                lo = Math.min(lo, low[xx]);
                hi = Math.max(hi, high[xx]);
            }
            for (int y = y0; y < y1; y++) {
                int v = page.rgb(x, y) & 0xFF;
                // Plain paper (no ink near) stays white rather than its noise being stretched into specks.
                int s = hi - lo < 25 ? 255 : (int) Math.max(0, Math.min(255, Math.round(255.0 * (v - lo) / (hi - lo))));
                out[y * w + x] = s << 16 | s << 8 | s;
            }
        }
        return new RgbImage(w, h, out);
    }

    private static int digitCount(String text) {
        return (int) asDigits(text).chars().filter(Character::isDigit).count();
    }

    /**
     * The 12-digit number in PP-OCR's text of the number line: the last 12 digits of a lone run of 12 to
     * 14 (the label's "Số" read into it as "S6"), opening with a province or country code and a century
     * digit of 1900-2099; null otherwise. It is never taken unflagged unless Tesseract read the same.
     */
    static String numberByPpOcr(String text) {
        Matcher m = NUMBER_RUN.matcher(text.replace(" ", ""));
        if (!m.find()) {
            return null;
        }
        // The label before the number may run into it ("S6" for "Số"): its last 12 digits are the number.
        String number = m.group().substring(m.group().length() - 12);
        boolean lone = !m.find();
        return lone && couldBeNumber(number) ? number : null;
    }

    /** Whether 12 digits open with a province or country code and a century digit of 1900-2099. */
    private static boolean couldBeNumber(String digits) {
        return CccdRules.knownPlaceCode(Integer.parseInt(digits.substring(0, 3))) && digits.charAt(3) <= '3';
    }

    private static final Pattern NUMBER_RUN = Pattern.compile("(?<!\\d)\\d{12,14}(?!\\d)");

    /** Letters OCR puts for digits inside a number: O/D/Q for 0, I/l/| for 1, S for 5, B for 8. */
    private static String asDigits(String word) {
        String mapped = word.replaceAll("[ODQo]", "0").replaceAll("[Il|]", "1").replace('S', '5').replace('B', '8');
        return mapped.chars().filter(Character::isDigit).count() >= 3 ? mapped : word;
    }

    private Field date(RgbImage page, TextLine line) {
        Field first = parseDate(line.text(), line.ocr().confidence());
        if (!first.toBeReviewed()) {
            return first;
        }
        TextLine digits = reread(page, line, firstWordWithDigit(line), "0123456789/");
        Field second = parseDate(digits.text(), digits.ocr().confidence());
        return second.toBeReviewed() && !first.value().isEmpty() ? first : second;
    }

    /** The expiry value's line: the last of the block under the portrait, below its two labels; or "Không thời hạn". */
    private TextLine expiryLine(RgbImage page) {
        List<TextLine> lines = new ArrayList<>();
        for (int[] band : lines(page, EXPIRY)) {
            lines.add(read(page, band, null));
        }
        for (TextLine line : lines) {
            String folded = fold(line.text());
            if (folded.contains("khong thoi han") || folded.contains("thoi han") && !folded.contains("gia tri")) {
                return line;
            }
        }
        return lines.isEmpty() ? null : lines.getLast();
    }

    /**
     * Birth and expiry dates are tied by law: a card expires on the holder's 25th, 40th or 60th
     * birthday (or never), and the number's digits 5-6 are the birth year's last two. When the
     * first readings break these ties, both lines are read again several ways (digits only, at two
     * sizes, plain and sharpened) and the pair of readings that agrees best with the rules and with
     * each other is kept; a pair still breaking a rule is flagged.
     */
    private void reconcileDates(RgbImage page, RgbImage photographed, Map<String, Field> fields, TextLine birthLine,
                                TextLine expiryLine, double blur, LocalDate firstIssue) {
        Field number = fields.get("id_number");
        Field birth = fields.get("date_of_birth");
        Field expiry = fields.get("date_of_expiry");
        String id = number == null || number.toBeReviewed() ? null : number.value();
        if (birth == null || expiry == null || rules(id, birth.value(), expiry.value(), firstIssue) == RULES) {
            return;
        }
        String birthByPp = ppText(photographed, birthLine);
        String expiryByPp = ppText(photographed, expiryLine);
        List<Field> births = birthLine == null ? List.of(birth)
                : withPpOcr(readings(page, birthLine, birth, blur), birthByPp, birth);
        List<Field> expiries = expiryLine == null || expiry.value().equals("Không thời hạn") ? List.of(expiry)
                : withPpOcr(readings(page, expiryLine, expiry, blur), expiryByPp, expiry);
        if (readsNoExpiry(expiryByPp) && !expiry.value().equals(CccdRules.NO_EXPIRY)) {
            expiries = new ArrayList<>(expiries);
            expiries.add(new Field(CccdRules.NO_EXPIRY, true, Double.NaN));
        }
        Field bestBirth = birth;
        Field bestExpiry = expiry;
        double best = -1;
        for (Field b : births) {
            for (Field e : expiries) {
                double score = 2 * rules(id, b.value(), e.value(), firstIssue) + votes(births, b) + votes(expiries, e);
                if (score > best) {
                    best = score;
                    bestBirth = b;
                    bestExpiry = e;
                }
            }
        }
        boolean consistent = rules(id, bestBirth.value(), bestExpiry.value(), firstIssue) == RULES;
        Field[] chosen = null;
        if (!consistent && id != null && birthLine != null) {
            boolean noExpiry = expiry.value().equals(CccdRules.NO_EXPIRY);
            chosen = DateChoices.choose(id, digitChoices(page, birthLine, blur),
                    noExpiry || expiryLine == null ? null : digitChoices(page, expiryLine, blur), firstIssue);
        }
        if (chosen != null) {
            fields.put("date_of_birth", chosen[0]);
            if (chosen[1] != null) {
                fields.put("date_of_expiry", chosen[1]);
                return;
            }
        } else {
            fields.put("date_of_birth", new Field(bestBirth.value(), bestBirth.toBeReviewed() || !consistent,
                    bestBirth.confidence()));
            fields.put("date_of_expiry", new Field(bestExpiry.value(), bestExpiry.toBeReviewed() || !consistent,
                    bestExpiry.confidence()));
        }
        String born = fields.get("date_of_birth").value();
        if (!consistent && id != null && expiryLine != null
                && rules(id, born, fields.get("date_of_expiry").value(), firstIssue) < RULES) {
            String birthday = expiryOnBirthday(id, born, firstIssue, expiryLine.text() + " " + expiryByPp);
            if (birthday != null) {
                fields.put("date_of_expiry", new Field(birthday, true, Double.NaN));
            }
        }
    }

    /**
     * The expiry a card issued on or after {@code firstIssue} can carry for a holder born on
     * {@code birth}: the 25th, 40th or 60th birthday (Law on Citizen Identification 2014 art. 21),
     * the one whose year {@code readings} of the expiry line show; null when the birth date breaks
     * the number's century and year, or the readings show the year of none or of two. Blur leaves the year
     * of a small expiry print where its day and month are lost ("N4/18/2031" for 26/02/2031).
     */
    static String expiryOnBirthday(String number, String birth, LocalDate firstIssue, String readings) {
        LocalDate born = PrintedDate.parse(birth);
        if (born == null || rules(number, birth, CccdRules.NO_EXPIRY) != RULES) {
            return null;
        }
        String found = null;
        for (int age : new int[] {25, 40, 60}) {
            LocalDate birthday = born.plusYears(age);
            if (birthday.isAfter(firstIssue.plusYears(2)) && readings.contains(String.valueOf(birthday.getYear()))) {
                if (found != null) {
                    return null;
                }
                found = birthday.format(PrintedDate.FORMAT);
            }
        }
        return found;
    }

    /**
     * Whether a line reads as "Không thời hạn" through blur: two of its three words within one letter
     * ("hông Vhới hạn", "Khong thot han"), and no year.
     */
    static boolean readsNoExpiry(String text) {
        String folded = fold(text);
        if (folded.matches(".*\\d{4}.*")) {
            return false;
        }
        String[] words = folded.split("[^a-z0-9]+");
        int found = 0;
        for (String word : List.of("khong", "thoi", "han")) {
            for (String read : words) {
                if (!read.isEmpty() && AddressSplit.distance(read, word, 2) <= 1) {
                    found++;
                    break;
                }
            }
        }
        return found >= 2;
    }

    /** PP-OCR's text of a line on the card as photographed ({@code photographed}, null: none); "" when not read. */
    private String ppText(RgbImage photographed, TextLine line) {
        return photographed == null || line == null ? "" : latin.text(photographed, box(line));
    }

    /**
     * {@code readings} and the date in PP-OCR's text of the line, to be reviewed where it is not the
     * first reading's: its digits hold under blur where Tesseract's slip, and the law's ties between
     * the dates judge it with the others.
     */
    private static List<Field> withPpOcr(List<Field> readings, String byPp, Field first) {
        String date = LatinRecognizer.dateIn(byPp);
        if (date == null) {
            return readings;
        }
        List<Field> more = new ArrayList<>(readings);
        more.add(new Field(date, first.toBeReviewed() || !date.equals(first.value()), Double.NaN));
        return more;
    }

    /**
     * The 2024 card prints no expiry on its front: the birth date's only tie is the number's digits
     * 4-6 (century and year). When the first reading breaks it, the line is read again several ways
     * and the reading most often seen among those keeping the tie is taken, else the date is chosen
     * among the digits OCR considered ({@link DateChoices}); day and month then rest on OCR alone, so
     * such a date stays to be reviewed unless two readings agree on it. {@code always}: a date with
     * nothing else to agree with; a first reading keeping the tie is kept, flagged unless another
     * reading agrees with it. With {@code reread} (a blurred 12-digit CMND) the line is read again
     * even when its first reading keeps the tie, and the date stays to be reviewed unless every
     * reading agrees.
     */
    private void reconcileBirth(RgbImage page, Map<String, Field> fields, TextLine birthLine, double blur,
                                boolean always, boolean reread) {
        Field number = fields.get("id_number");
        Field birth = fields.get("date_of_birth");
        if (birthLine == null || birth == null || number == null || number.toBeReviewed()
                || !always && !reread && rules(number.value(), birth.value(), CccdRules.NO_EXPIRY) == RULES) {
            return;
        }
        List<Field> readings = readings(page, birthLine, birth, blur);
        if (always && !birth.toBeReviewed() && rules(number.value(), birth.value(), CccdRules.NO_EXPIRY) == RULES) {
            fields.put("date_of_birth", new Field(birth.value(), votes(readings, birth) < 2, birth.confidence()));
            return;
        }
        Field best = null;
        for (Field reading : readings) {
            if (rules(number.value(), reading.value(), CccdRules.NO_EXPIRY) == RULES
                    && (best == null || votes(readings, reading) > votes(readings, best))) {
                best = reading;
            }
        }
        if (best != null) {
            // Blurred 8, 9 and 3 pass for one another: a date re-read when blurred is sure only where every reading agrees.
            int agreeing = reread ? Math.max(2, readings.size()) : 2;
            fields.put("date_of_birth", new Field(best.value(), votes(readings, best) < agreeing, best.confidence()));
            return;
        }
        Field[] chosen = DateChoices.choose(number.value(), digitChoices(page, birthLine, blur), null);
        if (chosen != null) {
            fields.put("date_of_birth", chosen[0]);
        }
    }

    /** A CMND is issued from the age of 14 (Decree 05/1999/NĐ-CP art. 1) and valid 15 years: it expires 29 or more years after birth. */
    private static final int CMND_EARLIEST_EXPIRY_AGE = 14 + IdBackReader.CMND_YEARS;
    /** The 12-digit CMND was issued from 2012 until the chip CCCD replaced it (2021). */
    private static final int CMND12_ISSUED_FROM = 2012;
    private static final int CMND12_ISSUED_UNTIL = 2021;

    /**
     * A 12-digit CMND's expiry read as no valid date: the line is read again several ways
     * ({@link #readings}) and the valid date most often seen that falls at least 29 years after a
     * settled birth date is taken, to be reviewed (no rule ties it to another field).
     */
    private void rereadExpiry(RgbImage page, Map<String, Field> fields, TextLine expiryLine, double blur) {
        Field expiry = fields.get("date_of_expiry");
        if (expiryLine == null || expiry == null || !expiry.toBeReviewed()) {
            return;
        }
        Field birth = fields.get("date_of_birth");
        LocalDate born = birth == null || birth.toBeReviewed() ? null : PrintedDate.parse(birth.value());
        List<Field> readings = readings(page, expiryLine, expiry, blur).stream()
                .filter(reading -> !reading.toBeReviewed())
                .filter(reading -> born == null
                        || !PrintedDate.parse(reading.value()).isBefore(born.plusYears(CMND_EARLIEST_EXPIRY_AGE)))
                .toList();
        Field best = null;
        for (Field reading : readings) {
            if (best == null || votes(readings, reading) > votes(readings, best)) {
                best = reading;
            }
        }
        if (best != null) {
            fields.put("date_of_expiry", new Field(best.value(), true, best.confidence()));
        }
    }

    /**
     * A 12-digit CMND's dates read again by PP-OCR on the card as photographed: its digits hold under
     * blur where Tesseract's slip, most of all in the small expiry print under the portrait. The birth
     * date is settled as on a CCCD, on its line alone ({@link #settleDatesByPpOcr}); the expiry is the
     * likeliest date the line spells that such a card can expire on ({@link #cmnd12Expiry}), weighed
     * against Tesseract's ({@link DateDecoding#settle}).
     */
    private void readAgainByPpOcr(RgbImage card, Map<String, Field> fields, TextLine birthLine, TextLine expiryLine) {
        settleDatesByPpOcr(card, fields, birthLine, null, null);
        Field expiry = fields.get("date_of_expiry");
        DateDecoding expiries = expiryLine == null || expiry == null ? null : latin.dates(atCardSize(card), box(expiryLine));
        if (expiries != null) {
            Field birth = fields.get("date_of_birth");
            LocalDate born = birth == null ? null : PrintedDate.parse(birth.value());
            DateDecoding.Settled settled = expiries.settle(expiry.value(), expiry.toBeReviewed(),
                    date -> cmnd12Expiry(date.format(PrintedDate.FORMAT), born));
            fields.put("date_of_expiry", settled.date().equals(expiry.value())
                    ? new Field(expiry.value(), settled.toBeReviewed(), expiry.confidence())
                    : new Field(settled.date(), true, Double.NaN));
        }
    }

    /**
     * The birth date, and the expiry the law ties to it ({@code expiryLine}, null: none), that PP-OCR's
     * readings of their lines spell likeliest, weighed against the dates read so far. The number fixes
     * the birth year, so every day of it is scored on the birth line, each with the best of the
     * birthdays the card can expire on scored on the expiry line ({@code firstIssue}: the first such
     * card's issue). Blur turns a stroke of a digit into another, and Tesseract can misread both lines
     * the same way (a 9 read as 3 in the birth and expiry months keeps the law's ties). A pair more than
     * {@link DateDecoding#LIKELIER} likelier than the dates read replaces them, to be reviewed; a pair
     * less clearly likelier leaves the dates read, to be reviewed.
     */
    private void settleDatesByPpOcr(RgbImage card, Map<String, Field> fields, TextLine birthLine, TextLine expiryLine,
                                    LocalDate firstIssue) {
        Field number = fields.get("id_number");
        Field birth = fields.get("date_of_birth");
        if (latin == null || birthLine == null || birth == null || number == null || number.toBeReviewed()
                || !number.value().matches("\\d{12}")) {
            return;
        }
        RgbImage photographed = atCardSize(card);
        DateDecoding births = latin.dates(photographed, box(birthLine));
        Field expiry = fields.get("date_of_expiry");
        DateDecoding expiries = expiryLine == null || expiry == null || expiry.value().equals(CccdRules.NO_EXPIRY)
                ? null : latin.dates(photographed, box(expiryLine));
        if (births == null || !births.holdsDate()) {
            return;
        }
        if (expiries != null && !expiries.holdsDate()) {
            // An expiry line PP-OCR reads no date on ("Không thời hạn" unread, or the line missed) says nothing.
            expiries = null;
        }
        int year = CccdNumber.birthYear(number.value());
        String bestBirth = null;
        String bestExpiry = null;
        double best = Double.NEGATIVE_INFINITY;
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            String born = day.format(PrintedDate.FORMAT);
            double score = births.score(born);
            String expires = null;
            if (expiries != null) {
                double likeliest = Double.NEGATIVE_INFINITY;
                for (int age : new int[] {25, 40, 60}) {
                    String birthday = day.plusYears(age).format(PrintedDate.FORMAT);
                    double s = rules(number.value(), born, birthday, firstIssue) == RULES ? expiries.score(birthday)
                            : Double.NEGATIVE_INFINITY;
                    if (s > likeliest) {
                        likeliest = s;
                        expires = birthday;
                    }
                }
                score += likeliest;
            }
            if (score > best) {
                best = score;
                bestBirth = born;
                bestExpiry = expires;
            }
        }
        if (bestBirth == null) {
            return;
        }
        boolean same = bestBirth.equals(birth.value()) && (expiries == null || bestExpiry.equals(expiry.value()));
        if (same) {
            return;
        }
        double current = births.score(birth.value()) + (expiries == null ? 0 : expiries.score(expiry.value()));
        boolean replace = best - current > DateDecoding.LIKELIER;
        fields.put("date_of_birth", replace ? new Field(bestBirth, true, Double.NaN)
                : new Field(birth.value(), true, birth.confidence()));
        if (expiries != null) {
            fields.put("date_of_expiry", replace ? new Field(bestExpiry, true, Double.NaN)
                    : new Field(expiry.value(), true, expiry.confidence()));
        }
    }

    /**
     * Whether a 12-digit CMND can expire on {@code date}: issued 2012-2021 and valid 15 years, it
     * expires in 2027-2036, 29 years or more after birth ({@code born}, null: unknown). Blur makes a
     * year's 8 a 0 or a 9 ("2020", "2039" for 2028).
     */
    private static boolean cmnd12Expiry(String date, LocalDate born) {
        LocalDate expires = PrintedDate.parse(date);
        return expires != null && expires.getYear() >= CMND12_ISSUED_FROM + IdBackReader.CMND_YEARS
                && expires.getYear() <= CMND12_ISSUED_UNTIL + IdBackReader.CMND_YEARS
                && (born == null || !expires.isBefore(born.plusYears(CMND_EARLIEST_EXPIRY_AGE)));
    }

    static int[] box(TextLine line) {
        return new int[] {line.x0(), line.y0(), line.x1(), line.y1()};
    }

    private static final int RULES = 3;

    /** The 2016 CCCD was issued from 1 January 2016 (Law on Citizen Identification 2014, in force then). */
    static final LocalDate CCCD_CARDS_FROM = LocalDate.of(2016, 1, 1);
    /** The chip CCCD from 2021 (Circular 06/2021/TT-BCA on its form). */
    static final LocalDate CHIP_CARDS_FROM = LocalDate.of(2021, 1, 1);

    /**
     * An unread expiry the law fixes: a card issued at 58 or older never expires (Law on Citizen
     * Identification 2014 art. 21), so a holder whose birth year (the number's digits 4-6) puts the
     * 58th birthday before the first card of this kind was issued holds a "Không thời hạn" card.
     * Left to be reviewed unless the birth line read agrees on the year.
     *
     * @return whether the expiry was given by the law
     */
    static boolean expiryByLaw(Map<String, Field> fields, LocalDate firstIssue) {
        Field number = fields.get("id_number");
        Field expiry = fields.get("date_of_expiry");
        if (number == null || number.toBeReviewed() || expiry == null || expiry.value().equals(CccdRules.NO_EXPIRY)
                || PrintedDate.parse(expiry.value()) != null) {
            return false;
        }
        int year = CccdNumber.birthYear(number.value());
        if (LocalDate.of(year + 1, 1, 1).plusYears(58).isAfter(firstIssue)) {
            return false;
        }
        Field birth = fields.get("date_of_birth");
        LocalDate read = birth == null ? null : PrintedDate.parse(birth.value());
        fields.put("date_of_expiry", new Field(CccdRules.NO_EXPIRY, read == null || read.getYear() != year,
                number.confidence()));
        return true;
    }

    /** The chip CCCD prints its QR code at the top right (x 810-960, y 25-175); the 2016 card leaves it blank. */
    static boolean hasQrBlock(RgbImage plain) {
        double sum = 0;
        int n = 0;
        for (int y = 35; y < 165; y++) {
            for (int x = 820; x < 950; x++) {
                sum += plain.rgb(x, y) & 0xFF;
                n++;
            }
        }
        return sum / n < QR_GREY;
    }

    /** A QR block averages about half ink, blurred or not; blank card ground is near paper white. */
    private static final double QR_GREY = 190;

    /** How many of the three ties hold (birth year digits in the number, expiry day and month, expiry age). */
    static int rules(String number, String birth, String expiry) {
        return rules(number, birth, expiry, null);
    }

    /**
     * The same, where the expiry's age also needs a card issued on or after {@code firstIssue} (null:
     * not known): the age a card runs to is more than two years after its issue.
     */
    static int rules(String number, String birth, String expiry, LocalDate firstIssue) {
        LocalDate b = PrintedDate.parse(birth);
        if (b == null) {
            return 0;
        }
        // Digits 5-6 are the birth year's last two, digit 4 its century (0/1: 1900s, 2/3: 2000s).
        int held = number == null || number.substring(4, 6).equals(String.format("%02d", b.getYear() % 100))
                && b.getYear() / 100 == 19 + (number.charAt(3) - '0') / 2 ? 1 : 0;
        if (expiry.equals("Không thời hạn")) {
            return held + 2;
        }
        LocalDate e = PrintedDate.parse(expiry);
        if (e != null && e.getDayOfMonth() == b.getDayOfMonth() && e.getMonthValue() == b.getMonthValue()) {
            held++;
        }
        if (e != null && List.of(25, 40, 60).contains(e.getYear() - b.getYear())
                && (firstIssue == null || e.isAfter(firstIssue.plusYears(2)))) {
            held++;
        }
        return held;
    }

    private static int votes(List<Field> readings, Field reading) {
        return (int) readings.stream().filter(r -> r.value().equals(reading.value())).count();
    }

    /**
     * The first reading and the valid dates of digits-only readings at 1x and 1.5x, plain and
     * sharpened, of the line from its first word holding a digit and of the line's end (a date ends
     * its line; where blur turns the label into digits too, the end is the date alone).
     */
    private List<Field> readings(RgbImage page, TextLine line, Field first, double blur) {
        List<Field> readings = new ArrayList<>();
        if (!first.toBeReviewed()) {
            readings.add(first);
        }
        int fromDigit = Math.max(line.x0(), firstWordWithDigit(line));
        int fromEnd = Math.max(line.x0(), line.x1() - (int) Math.round(DATE_WIDTH * inkHeight(line)));
        for (int from : fromEnd == fromDigit ? new int[] {fromDigit} : new int[] {fromDigit, fromEnd}) {
            for (double scale : new double[] {1.0, 1.5}) {
                RgbImage crop = page.bilinear(from, line.y0(), line.x1() - from, line.y1() - line.y0(),
                        (int) Math.round((line.x1() - from) * scale), (int) Math.round((line.y1() - line.y0()) * scale));
                for (RgbImage view : views(crop, scale, blur)) {
                    TextRecognizer.Line read = ocr.line(view, "0123456789/");
                    Field reading = parseDate(read.text(), read.confidence());
                    if (!reading.toBeReviewed()) {
                        readings.add(reading);
                    }
                }
            }
        }
        return readings.isEmpty() ? List.of(first) : readings;
    }

    /**
     * Richardson-Lucy on a blurred photo's dates: a Gaussian of 2 card pixels (1000 x 630), the
     * middle of the 1-2.5 px that out-of-focus photos measure, over a few steps (deconvolving with
     * two widths, 1.5 and 2.5, read no more dates on 20 blurred fronts and took longer).
     */
    private static final double DEBLUR_SIGMA = 2.0;
    private static final int DEBLUR_STEPS = 10;

    /** A date crop as read, sharpened, and when the photo is blurred, deconvolved. */
    static List<RgbImage> views(RgbImage crop, double scale, boolean blurred) {
        return views(crop, scale, blurred ? DEBLUR_SIGMA : 0);
    }

    /** The same, deconvolved with a Gaussian of {@code blur} card pixels (0: a sharp photo, no deconvolution). */
    static List<RgbImage> views(RgbImage crop, double scale, double blur) {
        return blur > 0 ? List.of(crop, sharpened(crop), Deblur.richardsonLucy(crop, blur * scale, DEBLUR_STEPS))
                : List.of(crop, sharpened(crop));
    }

    /** A sharp photo's print measures about this edge width on the 1000 x 630 card (type edges, resampling). */
    private static final double SHARP_EDGE = 2.0;

    /**
     * The Gaussian (sigma, card pixels) a blurred photo's print is spread by, from the width of the
     * text column's ink edges ({@link Deblur#edgeWidth}; a Gaussian of sigma measures 2.5 sigma,
     * widths adding in quadrature with a sharp print's own); 0 when the photo is not blurred.
     */
    static double blurSigma(RgbImage plain) {
        if (sharpness(plain) >= BLURRED) {
            return 0;
        }
        double width = Deblur.edgeWidth(plain, COLUMN, 100);
        if (Double.isNaN(width)) {
            return DEBLUR_SIGMA;
        }
        return Math.max(1.0, Math.sqrt(Math.max(0, width * width - SHARP_EDGE * SHARP_EDGE)) / 2.5);
    }

    /**
     * The eight digit positions of the date ending a line, each with every digit Tesseract
     * considered there and its best confidence over several views (the line's end at two sizes,
     * plain, sharpened and, when blurred, deconvolved); null when no view shows eight digits.
     */
    private List<Map<Character, Double>> digitChoices(RgbImage page, TextLine line, double blur) {
        int from = Math.max(line.x0(), line.x1() - (int) Math.round(DATE_WIDTH * inkHeight(line)));
        List<RgbImage> views = new ArrayList<>();
        for (double scale : new double[] {1.0, 1.5}) {
            RgbImage crop = page.bilinear(from, line.y0(), line.x1() - from, line.y1() - line.y0(),
                    (int) Math.round((line.x1() - from) * scale), (int) Math.round((line.y1() - line.y0()) * scale));
            views.addAll(views(crop, scale, blur));
        }
        return DigitChoices.of(ocr, views);
    }

    /** A printed dd/MM/yyyy is at most this many times its line's ink height wide (bold digits, with a margin). */
    private static final double DATE_WIDTH = 8;

    /** Mean of the strongest 2% of horizontal grey steps in the text column: low when the print is blurred. */
    static double sharpness(RgbImage page) {
        int[] histogram = new int[256];
        int n = 0;
        for (int y = COLUMN[1]; y < COLUMN[3]; y++) {
            for (int x = COLUMN[0]; x < COLUMN[2] - 1; x++) {
                histogram[Math.abs((page.rgb(x + 1, y) & 0xFF) - (page.rgb(x, y) & 0xFF))]++;
                n++;
            }
        }
        double sum = 0;
        int count = 0;
        for (int level = 255; level >= 0 && count < n * 0.02; level--) {
            sum += (double) level * histogram[level];
            count += histogram[level];
        }
        return sum / Math.max(1, count);
    }

    /** Unsharp masking (grey minus 1.5 times its 5 x 5 blur): blurred strokes regain their edges. */
    static RgbImage sharpened(RgbImage image) {
        int w = image.width();
        int h = image.height();
        double[] grey = image.luma();
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double mean = 0;
                for (int dy = -2; dy <= 2; dy++) {
                    for (int dx = -2; dx <= 2; dx++) {
                        mean += grey[Math.max(0, Math.min(h - 1, y + dy)) * w + Math.max(0, Math.min(w - 1, x + dx))];
                    }
                }
                mean /= 25;
                int v = (int) Math.max(0, Math.min(255, Math.round(grey[y * w + x] + 1.5 * (grey[y * w + x] - mean))));
                out[y * w + x] = v << 16 | v << 8 | v;
            }
        }
        return new RgbImage(w, h, out);
    }

    /** Nam or Nữ: the first such word on the line that is not the "Nam" of "Việt Nam". */
    private static Field sex(TextLine line) {
        String[] words = line.text().split(" ");
        for (int i = 0; i < words.length; i++) {
            String word = fold(words[i]).replaceAll("[^a-z]", "");
            boolean ofVietNam = i > 0 && fold(words[i - 1]).replaceAll("[^a-z]", "").equals("viet");
            if (word.equals("nu") || word.equals("nam") && !ofVietNam) {
                return new Field(word.equals("nu") ? "Nữ" : "Nam", false, line.ocr().confidence());
            }
        }
        return new Field("", true, 0);
    }

    /**
     * The 12-digit CMND's ethnicity when its "Dân tộc" label is unread: the ethnic group's name that
     * the last one to three words of the sex line spell (marks aside, longest first); null when none does.
     */
    static String ethnicityEndingLine(String text) {
        String[] words = text.replaceAll("[^\\p{L} ]", " ").strip().split("\\s+");
        for (int n = Math.min(3, words.length); n >= 1; n--) {
            String spelled = IdBackReader.spelled(String.join(" ", List.of(words).subList(words.length - n, words.length)),
                    IdBackReader.ETHNICITIES);
            if (spelled != null) {
                return spelled;
            }
        }
        return null;
    }

    /**
     * The 12-digit CMND's sex when neither Nam nor Nữ was read on its line: the value its number's
     * fourth digit gives by law (even: male, odd: female; {@link CccdNumber}), kept only where a word
     * of the line, read with Tesseract's alternatives for each letter, can be spelled as that value
     * (marks aside: blur takes the horn off Ữ); null otherwise. The word's least letter confidence
     * comes with it.
     */
    static Field sexSpelled(List<List<Map<String, Double>>> words, String number) {
        String expected = (number.charAt(3) - '0') % 2 == 0 ? "nam" : "nu";
        for (List<Map<String, Double>> word : words) {
            if (word.size() != expected.length()) {
                continue;
            }
            double least = 1;
            for (int i = 0; i < word.size() && least >= 0; i++) {
                double best = -1;
                for (Map.Entry<String, Double> letter : word.get(i).entrySet()) {
                    if (fold(letter.getKey()).equals(expected.substring(i, i + 1))) {
                        best = Math.max(best, letter.getValue());
                    }
                }
                least = best < 0 ? -1 : Math.min(least, best);
            }
            if (least >= 0) {
                return new Field(expected.equals("nam") ? "Nam" : "Nữ", true, least);
            }
        }
        return null;
    }

    /** After the "Nationality:" label; when the label is unreadable, the capitalised words ending the line. */
    private static Field nationality(TextLine line) {
        String text = line.text();
        int at = fold(text).lastIndexOf("nationality");
        String value;
        if (at >= 0) {
            value = text.substring(at + "nationality".length()).replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
        } else {
            List<String> tail = new ArrayList<>();
            String[] words = text.split(" ");
            // A misread "Nationality" label is capitalised too: the value stops at it.
            for (int i = words.length - 1; i >= 0 && words[i].matches("\\p{Lu}\\p{Ll}+")
                    && !fold(words[i]).startsWith("nat"); i--) {
                tail.addFirst(words[i]);
            }
            value = String.join(" ", tail);
        }
        return citizen(new Field(value, value.isEmpty(), line.ocr().confidence()));
    }

    private static final String VIET_NAM = "Việt Nam";

    /**
     * Only citizens hold these cards, so their nationality is Việt Nam: a reading ending within two
     * letters of it ("Việt Ham", a misread label before it) is that, flagged as it was read; any
     * other reading (an address line taken for it under glare) is to be reviewed.
     */
    static Field citizen(Field read) {
        String[] words = read.value().strip().split("\\s+");
        if (words.length >= 2) {
            String lastTwo = fold(words[words.length - 2] + " " + words[words.length - 1]);
            if (AddressSplit.distance(lastTwo, "viet nam", 3) <= 2) {
                return new Field(VIET_NAM, read.toBeReviewed(), read.confidence());
            }
        }
        return new Field(read.value(), true, read.confidence());
    }

    /**
     * An address from its lines. A line whose ink Tesseract read as nothing is mostly the address's
     * last word wrapped onto a line of its own ("Nai" of "Tỉnh Đồng Nai"): single-line mode drops such
     * a short word at its printed size. It is read again larger and on a white margin, and the reading
     * seen most often is taken when two views agree on it; else the address is to be reviewed.
     */
    private Field place(RgbImage page, List<TextLine> lines) {
        List<TextLine> read = new ArrayList<>();
        boolean doubtful = false;
        for (TextLine line : lines) {
            if (!line.text().isBlank()) {
                read.add(line);
                continue;
            }
            // One reading alone may be Tesseract's guess at paper texture ("ñ"): it is not taken.
            ShortLine again = readShortLine(page, line);
            if (again.votes() >= 2) {
                read.add(again.line());
            } else {
                doubtful = true;
            }
        }
        Field joined = joined(read);
        return doubtful ? new Field(joined.value(), true, joined.confidence()) : joined;
    }

    /** A short line's reading most often seen among {@link #shortLineViews}, and how often (0: none read). */
    record ShortLine(TextLine line, int votes) {
    }

    ShortLine readShortLine(RgbImage page, TextLine line) {
        Map<String, List<TextRecognizer.Line>> seen = new LinkedHashMap<>();
        for (RgbImage view : shortLineViews(page, line)) {
            TextRecognizer.Line again = ocr.line(view, null);
            if (again.text().matches(".*[\\p{L}\\d].*")) { // not a speck read as "."
                seen.computeIfAbsent(again.text().strip(), text -> new ArrayList<>()).add(again);
            }
        }
        return seen.values().stream().max(java.util.Comparator.comparingInt(List::size))
                .map(same -> new ShortLine(new TextLine(line.x0(), line.y0(), line.x1(), line.y1(), line.scale(),
                        same.getFirst()), same.size()))
                .orElse(new ShortLine(line, 0));
    }

    /** A short line enlarged 1.5, 2 and 3 times its reading size, each as cut and on a white margin a line high. */
    private static List<RgbImage> shortLineViews(RgbImage page, TextLine line) {
        List<RgbImage> views = new ArrayList<>();
        for (double k : new double[] {1.5, 2, 3}) {
            RgbImage cut = crop(page, new TextLine(line.x0(), line.y0(), line.x1(), line.y1(), k * line.scale(), null));
            views.add(cut);
            views.add(onWhite(cut, cut.height()));
        }
        return views;
    }

    /** The image centred on white, {@code margin} pixels wide left and right and half that above and below. */
    private static RgbImage onWhite(RgbImage image, int margin) {
        int w = image.width() + 2 * margin;
        int h = image.height() + margin;
        int[] rgb = new int[w * h];
        java.util.Arrays.fill(rgb, 0xFFFFFF);
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                rgb[(y + margin / 2) * w + x + margin] = image.rgb(x, y);
            }
        }
        return new RgbImage(w, h, rgb);
    }

    private static Field joined(List<TextLine> lines) {
        List<String> parts = new ArrayList<>();
        double confidence = 1;
        for (TextLine line : lines) {
            String text = line.text().replaceAll("^[^\\p{L}\\d]+|[^\\p{L}\\d.,)]+$", "").replaceAll(" [|!] ", " ");
            if (!text.isEmpty()) {
                parts.add(text);
                confidence = Math.min(confidence, line.ocr().confidence());
            }
        }
        String value = CardText.place(String.join(" ", parts));
        return new Field(value, value.isEmpty(), parts.isEmpty() ? 0 : confidence);
    }

    /**
     * The name on its own line. When a given or middle name word is no name syllable (a tone mark
     * misread), the line is read again with Tesseract's alternatives for each letter and the word
     * spelled as the syllable they allow ({@link GivenNames}); the field's confidence is then at most
     * that of the least sure letter chosen. A name the other OCR models spell otherwise is to be
     * reviewed, as they settle it ({@link NameMarks}).
     */
    private Field fullName(RgbImage page, TextLine line) {
        return marksChecked(page, line, spelledName(page, line));
    }

    /**
     * {@code named}, the name read on {@code line}; to be reviewed, spelled as the other OCR models
     * settle it, where the second reads the same letters with other tone marks or a word that is no
     * name syllable is read as one ({@link NameMarks}).
     */
    Field marksChecked(RgbImage page, TextLine line, Field named) {
        return marksChecked(page, line, line, named);
    }

    /** The same, the other models reading {@code line} and the first model's letter alternatives read on {@code lettersLine}. */
    Field marksChecked(RgbImage page, TextLine line, TextLine lettersLine, Field named) {
        String settled = NameMarks.settle(ocr, crop(page, line), crop(page, lettersLine), named.value());
        return settled == null ? named : new Field(settled, true, named.confidence());
    }

    private Field spelledName(RgbImage page, TextLine line) {
        Field read = nameField(name(line.text()), line.ocr().confidence());
        String[] words = read.value().split(" ");
        if (GivenNames.allKnown(words) || words.length < 2) {
            return read;
        }
        List<List<Map<String, Double>>> alternatives = letterChoices(ocr.symbols(crop(page, line), null));
        if (alternatives.size() != words.length) {
            return read; // the second reading split the line otherwise: no word to align
        }
        return respelled(read, alternatives);
    }

    /**
     * A name whose given or middle name words that are no name syllable are spelled as the syllable
     * their letters' alternatives allow ({@link GivenNames#respell}), one list of alternatives per
     * word of the name; the confidence is then at most that of the least sure letter chosen.
     */
    static Field respelled(Field read, List<List<Map<String, Double>>> alternatives) {
        String[] words = read.value().split(" ");
        double confidence = GivenNames.respell(words, alternatives, read.confidence());
        return nameField(String.join(" ", words), confidence);
    }

    /**
     * The letters considered at each position of each word, as the name is written (capitals, a
     * diaeresis read as the tilde), with their best confidence; a symbol that is no letter is left out.
     */
    static List<List<Map<String, Double>>> letterChoices(List<TextRecognizer.Symbol> symbols) {
        List<List<Map<String, Double>>> words = new ArrayList<>();
        for (TextRecognizer.Symbol symbol : symbols) {
            Map<String, Double> letters = new LinkedHashMap<>();
            for (TextRecognizer.Choice choice : symbol.choices()) {
                String letter = name(choice.text());
                if (letter.length() == 1 && Character.isLetter(letter.charAt(0))) {
                    letters.merge(letter, choice.confidence(), Math::max);
                }
            }
            if (letters.isEmpty()) {
                continue;
            }
            if (symbol.wordStart() || words.isEmpty()) {
                words.add(new ArrayList<>());
            }
            words.getLast().add(letters);
        }
        return words;
    }

    /** A line's box cut from the page at the scale it was read at. */
    private static RgbImage crop(RgbImage page, TextLine line) {
        int w = line.x1() - line.x0();
        int h = line.y1() - line.y0();
        return page.bilinear(line.x0(), line.y0(), w, h, (int) Math.round(w * line.scale()),
                (int) Math.round(h * line.scale()));
    }

    /** Two or more words, mostly capital letters. */
    private static boolean looksLikeName(String text) {
        String letters = text.replaceAll("[^\\p{L}]", "");
        long capitals = letters.chars().filter(Character::isUpperCase).count();
        return text.strip().split("\\s+").length >= 2 && letters.length() >= 4 && capitals >= 0.8 * letters.length();
    }

    /**
     * A Vietnamese full name, its family name spelled as the common surname its letters spell
     * (OCR slips tone marks on bold capitals); to review when it is not words of Vietnamese capitals,
     * a given or middle name word is no name syllable ({@link GivenNames}: a misread, a clipped
     * word, an address line taken for the name, or a rare name a person should look at), or
     * Tesseract was unsure of a word.
     */
    static Field nameField(String read, double confidence) {
        String value = Surnames.restore(read);
        return new Field(value, !wellFormedName(value) || confidence < 0.5, confidence);
    }

    /** Two or more capital words in Vietnamese letters, every word after the family name a name syllable. */
    static boolean wellFormedName(String value) {
        return value.matches("\\p{Lu}+( \\p{Lu}+)+") && fold(value).matches("[a-z ]+")
                && GivenNames.allKnown(value.split(" "))
                && Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("[\\p{L} \\u0300\\u0301\\u0303\\u0309"
                + "\\u0323\\u0302\\u0306\\u031B]", "").isEmpty();
    }

    /**
     * A name's letters in capitals. Vietnamese has no diaeresis: at the size of a card's print a
     * tilde is read as two dots ("VŸ" for VỸ), so a diaeresis becomes the tilde.
     */
    static String name(String text) {
        String letters = text.replaceAll("[^\\p{L} ]", " ").strip().replaceAll(" +", " ").toUpperCase(Locale.ROOT);
        return mergeSplitVowels(tilde(letters));
    }

    /** A diaeresis, which Vietnamese has not, read as the tilde it is at a card's print size ("VŸ" for VỸ). */
    static String tilde(String text) {
        return Normalizer.normalize(Normalizer.normalize(text, Normalizer.Form.NFD).replace('\u0308', '\u0303'),
                Normalizer.Form.NFC);
    }

    private static Field parseDate(String text, double confidence) {
        Matcher m = DATE.matcher(text);
        if (!m.find()) {
            return new Field("", true, 0);
        }
        String value = m.group(1) + "/" + m.group(2) + "/" + m.group(3);
        return new Field(value, PrintedDate.parse(value) == null, confidence);
    }

    private static String longestDigits(String text) {
        String best = "";
        Matcher m = Pattern.compile("\\d[\\d ]*\\d").matcher(text);
        while (m.find()) {
            String digits = m.group().replace(" ", "");
            if (digits.length() > best.length()) {
                best = digits;
            }
        }
        return best;
    }

    /** Left edge (card pixels) of the first word holding a digit; the line's left edge when none does. */
    private static int firstWordWithDigit(TextLine line) {
        for (TextRecognizer.Word word : line.ocr().words()) {
            if (word.text().matches(".*\\d.*")) {
                return line.x0() + (int) Math.floor(word.left() / line.scale()) - 4;
            }
        }
        return line.x0();
    }

    private TextLine reread(RgbImage page, TextLine line, int fromX, String whitelist) {
        return read(page, new int[] {Math.max(line.x0(), fromX), line.y0(), line.x1(), line.y1()}, whitelist);
    }

    /** One line box of the page read alone (single-line mode), enlarged to about {@link #LINE_HEIGHT} of ink. */
    TextLine read(RgbImage page, int[] box, String whitelist) {
        return read(page, box, whitelist, LINE_HEIGHT);
    }

    /** The same enlarged to about {@code lineHeight} pixels of ink. */
    TextLine read(RgbImage page, int[] box, String whitelist, double lineHeight) {
        int h = box[3] - box[1];
        // Enlarged only as far as needed: Tesseract misreads tone marks on big bold capitals more often.
        double scale = Math.max(1.0, Math.min(3.5, lineHeight / Math.max(1, h - 2 * MARGIN_Y)));
        TextLine unread = new TextLine(box[0], box[1], box[2], box[3], scale, null);
        return new TextLine(box[0], box[1], box[2], box[3], scale, ocr.line(crop(page, unread), whitelist));
    }

    /**
     * Text lines in a region as boxes (x0, y0, x1, y1) with a margin: runs of rows holding ink,
     * where short gaps (a tone mark above a capital) do not split a line, thin slivers (a lone mark)
     * join their neighbour, and a run twice a line's height is cut at its emptiest row.
     */
    static List<int[]> lines(RgbImage page, int[] region) {
        boolean[] inked = ink(page, region);
        int rw = region[2] - region[0];
        int[] ink = new int[region[3] - region[1]];
        for (int y = 0; y < ink.length; y++) {
            for (int x = 0; x < rw; x++) {
                if (inked[y * rw + x]) {
                    ink[y]++;
                }
            }
        }
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        int gap = 0;
        for (int y = 0; y <= ink.length; y++) {
            boolean row = y < ink.length && ink[y] >= 2;
            if (row) {
                if (start < 0) {
                    start = y;
                }
                gap = 0;
            } else if (start >= 0 && ++gap > 2 || start >= 0 && y == ink.length) {
                runs.add(new int[] {start, y - gap + 1});
                start = -1;
                gap = 0;
            }
        }
        // A sliver (a tone mark or a dot) belongs to the nearer line.
        for (int i = 0; i < runs.size() && runs.size() > 1; i++) {
            int[] run = runs.get(i);
            if (run[1] - run[0] < 7) {
                int above = i > 0 ? run[0] - runs.get(i - 1)[1] : Integer.MAX_VALUE;
                int below = i + 1 < runs.size() ? runs.get(i + 1)[0] - run[1] : Integer.MAX_VALUE;
                if (Math.min(above, below) <= 8) {
                    int[] other = runs.get(above <= below ? i - 1 : i + 1);
                    other[0] = Math.min(other[0], run[0]);
                    other[1] = Math.max(other[1], run[1]);
                    runs.remove(i);
                    i--;
                }
            }
        }
        List<int[]> boxes = new ArrayList<>();
        for (int[] run : runs) {
            int height = run[1] - run[0];
            if (height < 7) {
                continue; // a stray speck
            }
            if (height > 44) {
                // Two lines touching: cut at the emptiest row of the middle part.
                int cut = run[0] + height / 4;
                for (int y = run[0] + height / 4; y < run[1] - height / 4; y++) {
                    if (ink[y] < ink[cut]) {
                        cut = y;
                    }
                }
                boxes.add(box(inked, region, run[0], cut));
                boxes.add(box(inked, region, cut, run[1]));
            } else {
                boxes.add(box(inked, region, run[0], run[1]));
            }
        }
        boxes.removeIf(b -> b == null);
        return boxes;
    }

    /** The box of a run of rows: its inked columns, with a margin. */
    private static int[] box(boolean[] inked, int[] region, int top, int bottom) {
        int rw = region[2] - region[0];
        int left = Integer.MAX_VALUE;
        int right = -1;
        for (int y = top; y < bottom; y++) {
            for (int x = 0; x < rw; x++) {
                if (inked[y * rw + x]) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        if (right - left < 8) {
            return null;
        }
        return new int[] {Math.max(0, region[0] + left - 8), Math.max(0, region[1] + top - MARGIN_Y),
                Math.min(WIDTH, region[0] + right + 9), Math.min(HEIGHT, region[1] + bottom + MARGIN_Y)};
    }

    /**
     * Ink in a region (row by row, region-relative): darker than {@link #INK} after a 3 x 3 mean,
     * which keeps the thin strokes of blurred small print and drops single noisy pixels.
     */
    private static boolean[] ink(RgbImage page, int[] region) {
        int rw = region[2] - region[0];
        int rh = region[3] - region[1];
        boolean[] inked = new boolean[rw * rh];
        for (int y = 0; y < rh; y++) {
            for (int x = 0; x < rw; x++) {
                int sum = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int px = Math.max(0, Math.min(page.width() - 1, region[0] + x + dx));
                        int py = Math.max(0, Math.min(page.height() - 1, region[1] + y + dy));
                        sum += page.rgb(px, py) & 0xFF;
                    }
                }
                inked[y * rw + x] = sum < 9 * INK;
            }
        }
        return inked;
    }

    /**
     * A grey copy where each pixel is divided by the paper white around it (the brightest of the
     * 25-pixel cells next to it), so text is dark on white under glare, shade and in dim light alike.
     */
    static RgbImage paperWhite(RgbImage card) {
        int w = card.width();
        int h = card.height();
        double[] grey = card.luma();
        int cell = 25;
        int cols = (w + cell - 1) / cell;
        int rows = (h + cell - 1) / cell;
        // A high percentile, not the maximum, of each cell: noise does not set the white.
        double[] cellWhite = new double[cols * rows];
        for (int cy = 0; cy < rows; cy++) {
            for (int cx = 0; cx < cols; cx++) {
                int[] histogram = new int[256];
                int n = 0;
                for (int y = cy * cell; y < Math.min(h, (cy + 1) * cell); y++) {
                    for (int x = cx * cell; x < Math.min(w, (cx + 1) * cell); x++) {
                        histogram[(int) grey[y * w + x]]++;
                        n++;
                    }
                }
                int count = 0;
                int level = 255;
                while (level > 0 && (count += histogram[level]) < n * 0.05) {
                    level--;
                }
                cellWhite[cy * cols + cx] = level;
            }
        }
        double[] white = new double[cols * rows];
        for (int cy = 0; cy < rows; cy++) {
            for (int cx = 0; cx < cols; cx++) {
                double best = 1;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = cy + dy;
                        int xx = cx + dx;
                        if (yy >= 0 && xx >= 0 && yy < rows && xx < cols) {
                            best = Math.max(best, cellWhite[yy * cols + xx]);
                        }
                    }
                }
                white[cy * cols + cx] = best;
            }
        }
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = (int) Math.min(255, Math.round(255 * grey[y * w + x] / white[(y / cell) * cols + x / cell]));
                out[y * w + x] = v << 16 | v << 8 | v;
            }
        }
        return new RgbImage(w, h, out);
    }

    /**
     * OCR sometimes reads a capital with a tone mark as the plain letter plus the marked one ("XUÂAN"
     * for XUÂN). A plain A, E or O next to a marked form of the same vowel never occurs in a
     * Vietnamese syllable, so the pair becomes the marked letter. (Ư next to U does occur: not touched.)
     * A doubled I or Y never occurs at all.
     */
    static String mergeSplitVowels(String name) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (i + 1 < name.length()) {
                char d = name.charAt(i + 1);
                String bc = fold(String.valueOf(c));
                String bd = fold(String.valueOf(d));
                boolean sameBase = bc.equals(bd) && "aeo".contains(bc) && !bc.isEmpty();
                boolean cPlain = bc.equalsIgnoreCase(String.valueOf(c));
                boolean dPlain = bd.equalsIgnoreCase(String.valueOf(d));
                if (sameBase && cPlain != dPlain) {
                    out.append(cPlain ? d : c);
                    i += 2;
                    continue;
                }
                // No Vietnamese syllable doubles I or Y either ("VÝỸ" for VỸ): the later marked one stays.
                if (bc.equals(bd) && !bc.isEmpty() && "iy".contains(bc)) {
                    out.append(dPlain ? c : d);
                    i += 2;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** A printed date (dd/MM/yyyy), flagged when it is not a real date; for other readers' labelled dates. */
    static Field date(String text) {
        return parseDate(text, Double.NaN);
    }

    /** The text after a label: after its last colon, else after the label's English keyword. */
    private static String afterLabel(String line, String keyword) {
        int colon = line.lastIndexOf(':');
        if (colon >= 0) {
            return line.substring(colon + 1).strip();
        }
        int at = fold(line).lastIndexOf(keyword);
        return at < 0 ? "" : line.substring(Math.min(line.length(), at + keyword.length())).strip();
    }

    static String fold(String text) {
        String plain = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        // Frequent OCR slips in the English labels: l for i ("blrth", "orlgin", "explry").
        return plain.replace("blrth", "birth").replace("orlgin", "origin").replace("explry", "expiry");
    }
}
