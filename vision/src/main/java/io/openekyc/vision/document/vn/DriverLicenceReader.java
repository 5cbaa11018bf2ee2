package io.openekyc.vision.document.vn;

import io.openekyc.vision.document.CardField;
import io.openekyc.vision.document.ocr.CardText;
import io.openekyc.vision.document.ocr.DateDecoding;
import io.openekyc.vision.document.ocr.LatinRecognizer;
import io.openekyc.vision.document.ocr.PpOcrDates;
import io.openekyc.vision.document.ocr.TextRecognizer;
import io.openekyc.vision.document.PrintedDate;
import io.openekyc.vision.image.RgbImage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the front of a straightened Vietnamese PET driving licence (2013 and later, 1000 x 630) with
 * Vietnamese OCR, by its bilingual labels: "Số/No" (12 digits), "Họ tên/Full name" (on the label's
 * line or the next), "Ngày sinh/Date of Birth", "Quốc tịch/Nationality", "Nơi cư trú/Address" (the
 * lines under it), and under the portrait "Hạng/Class" and "Có giá trị đến/Expires" (a date or
 * "Không thời hạn"). Values that fail their format are flagged to be reviewed.
 * Where blur garbles the labels, the bold values are told by their place on the card.
 *
 * @param ocr   a Vietnamese recogniser
 * @param clock today, for the ages a birth date and an expiry must allow
 */
public record DriverLicenceReader(TextRecognizer ocr, LatinRecognizer latin, Clock clock) {

    private static final Pattern NUMBER = Pattern.compile("(\\d[\\d ]{10,14}\\d)");
    private static final Pattern DATE = Pattern.compile("(\\d{2})\\s*[/.-]\\s*(\\d{2})\\s*[/.-]\\s*(\\d{4})");
    /** A name as printed: words of capitals. */
    private static final String NAME = "\\p{Lu}+( \\p{Lu}+)+";
    /** Licence classes of the 2008 road traffic law, as printed. */
    private static final Pattern CLASS = Pattern.compile("\\b(A[1-4]|B[12]|C|D|E|F[BCDE]2?)\\b");
    /** Centres (y on the 1000 x 630 card) of the name, birth date and nationality lines, and the expiry's. */
    private static final int NAME_ROW = 286;
    private static final int BIRTH_ROW = 328;
    private static final int NATIONALITY_ROW = 362;
    private static final int EXPIRY_ROW = 567;
    /** Where the birth date, nationality and expiry values start, right of their labels. */
    private static final int BIRTH_X = 480;
    private static final int NATIONALITY_X = 465;
    private static final int EXPIRY_X = 232;

    public Map<String, CardField> read(RgbImage card) {
        RgbImage page = CccdFrontReader.page(card);
        List<InkLines.Line> boxed = InkLines.boxed(ocr, page, new int[] {262, 190, 985, 495});
        List<InkLines.Line> read = boxed.stream().filter(line -> !line.text().isEmpty()).toList();
        List<String> lines = read.stream().map(InkLines.Line::text).toList();
        Map<String, CardField> fields = new LinkedHashMap<>();
        // The red number right of "Số/No:", read as digits only: unrestricted, OCR takes a red 0 for @.
        String red = String.join("", CardText.lines(ocr, page, 340, 192, 420, 42, 2, "0123456789")).replace(" ", "");
        if (red.matches("\\d{12}")) {
            fields.put("id_number", CardField.printed(red, null, false));
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String folded = CardText.fold(line);
            Matcher number = NUMBER.matcher(line);
            if (!fields.containsKey("id_number") && !fields.containsKey("full_name") && number.find()) {
                // The number opens the column; its small label is often misread ("søNo°"), the
                // red 12 digits rarely are.
                String digits = number.group(1).replace(" ", "");
                fields.put("id_number", CardField.printed(digits, null, !digits.matches("\\d{12}")));
            } else if (folded.contains("full name") || folded.contains("ho ten")) {
                // The label line's crop may catch the tone marks of the name under it: what follows its
                // colon is the name only when it reads as capitals.
                String name = letters(CardText.afterColon(line));
                boolean onLabelLine = name.matches(NAME);
                if (onLabelLine || i + 1 < lines.size()) {
                    fields.putIfAbsent("full_name", fullName(page, onLabelLine ? read.get(i) : read.get(i + 1)));
                }
            } else if (folded.contains("date of b") || folded.contains("ngay sinh")) {
                fields.putIfAbsent("date_of_birth", date(line));
            } else if (folded.contains("nationality") || folded.contains("quoc tich")) {
                fields.putIfAbsent("nationality", nationality(line));
            } else if (folded.contains("address") || folded.contains("noi cu tru")) {
                String value = (CardText.afterColon(line) + " "
                        + String.join(" ", lines.subList(i + 1, lines.size()))).strip();
                fields.putIfAbsent("place_of_residence", CardText.checked(value, ".{6,}"));
            }
        }
        byOrder(page, read, fields);
        byPlace(page, boxed, fields);
        // Under the portrait: class and expiry (the issuing block further right is left out).
        List<InkLines.Line> bottomBoxed = InkLines.boxed(ocr, page, new int[] {20, 495, 540, 600});
        List<String> bottom = bottomBoxed.stream().map(InkLines.Line::text).filter(t -> !t.isEmpty()).toList();
        // The class alone, as class letters and digits: among the label's words OCR takes a lone "C" for "L@".
        String printedClass = String.join("", CardText.lines(ocr, page, 130, 500, 200, 45, 2, "ABCDEF1234"))
                .replace(" ", "");
        if (printedClass.matches(CLASS.pattern())) {
            fields.put("licence_class", CardField.printed(printedClass, null, false));
        }
        for (String line : bottom) {
            String folded = CardText.fold(line);
            if (folded.contains("class") || folded.contains("hang")) {
                // OCR splits "B1" into "B 1" and reads 1 as l or I.
                String after = CardText.afterColon(line);
                String printed = (after.isEmpty() ? line : after).replace('l', '1').replace('I', '1')
                        .replaceAll("([A-F])\\s+([1-4])", "$1$2");
                Matcher m = CLASS.matcher(printed);
                String value = m.find() ? m.group(1) : "";
                fields.putIfAbsent("licence_class", CardField.printed(value, null, value.isEmpty()));
            } else if (folded.contains("expir") || folded.contains("gia tri")) {
                fields.putIfAbsent("date_of_expiry", noExpiry(folded) ? CardField.printed(CccdRules.NO_EXPIRY, null,
                        !folded.contains("khong thoi han")) : date(line));
            }
        }
        // "Không thời hạn" under a lost label (class A1-A3 licences do not expire).
        bottom.stream().filter(line -> noExpiry(CardText.fold(line))).findFirst().ifPresent(line -> fields
                .putIfAbsent("date_of_expiry", CardField.printed(CccdRules.NO_EXPIRY, null, true)));
        expiryByPlace(page, bottomBoxed, fields);
        // An unreadable expiry label: the block's only date is the expiry.
        bottom.stream().filter(line -> DATE.matcher(line).find()).findFirst()
                .ifPresent(line -> fields.putIfAbsent("date_of_expiry", date(line)));
        fields.computeIfPresent("date_of_birth", (key, birth) -> plausibleBirth(birth,
                fields.containsKey("licence_class") ? fields.get("licence_class").value() : "", LocalDate.now(clock)));
        readDatesAgain(card, onRow(boxed, BIRTH_ROW), onRow(bottomBoxed, EXPIRY_ROW), fields);
        fields.computeIfPresent("date_of_expiry", (key, expiry) -> plausibleExpiry(expiry, fields.get("date_of_birth"),
                LocalDate.now(clock)));
        return fields;
    }

    /**
     * An expiry is to be reviewed when no licence can run that long (2008 road traffic law, art. 61):
     * a B1 licence lasts to the holder's 55th or 60th birthday, every other class with a term at most
     * 10 years from issue. So none expires after both today + 10 years and the 60th birthday (today
     * + 45 years when the birth date is unknown): "13/01/2202" is a misread 2027.
     */
    static CardField plausibleExpiry(CardField expiry, CardField birth, LocalDate today) {
        LocalDate date = PrintedDate.parse(expiry.value());
        if (date == null || expiry.toBeReviewed()) {
            return expiry;
        }
        LocalDate born = birth == null ? null : PrintedDate.parse(birth.value());
        LocalDate latest = born == null ? today.plusYears(45) : max(today.plusYears(10), born.plusYears(60));
        return date.isAfter(latest) ? CardField.printed(expiry.value(), expiry.confidence(), true) : expiry;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * The birth and expiry lines read again by PP-OCR on the card as photographed, its dates weighed
     * against Tesseract's ({@link DateDecoding#settle}): blur turns a stroke of a digit into another,
     * and of the dates the line's strokes can spell, the likeliest one the holder's age allows is
     * usually the one printed. A date PP-OCR changes is to be reviewed.
     */
    private void readDatesAgain(RgbImage card, InkLines.Line birth, InkLines.Line expiry, Map<String, CardField> fields) {
        LocalDate today = LocalDate.now(clock);
        DateDecoding birthDates = birth == null ? null : latin.dates(card, birth.box());
        if (birthDates != null) {
            // Any class's age, not the class read: a misread class must not rule out the date printed.
            PpOcrDates.settle(fields, "date_of_birth", birthDates, date -> !date.plusYears(18).isAfter(today)
                    && date.plusYears(OLDEST).isAfter(today));
        }
        CardField read = fields.get("date_of_expiry");
        DateDecoding expiryDates = expiry == null ? null : latin.dates(card, expiry.box());
        if (expiryDates != null && (read == null || !read.value().equals(CccdRules.NO_EXPIRY))) {
            CardField born = fields.get("date_of_birth");
            PpOcrDates.settle(fields, "date_of_expiry", expiryDates, date -> !date.isBefore(PET_LICENCES_EXPIRE_FROM)
                    && !plausibleExpiry(CardField.printed(date.format(PrintedDate.FORMAT), null, false), born, today)
                    .toBeReviewed());
        }
    }

    /** No holder is this old: a birth date further back is a misreading ("25/10/1902" for 2002). */
    private static final int OLDEST = 100;

    /** The PET-card licence was issued from 1 July 2013 (Circular 46/2012/TT-BGTVT), valid at least 5 years. */
    private static final LocalDate PET_LICENCES_EXPIRE_FROM = LocalDate.of(2018, 7, 1);

    /**
     * Blur leaves the small labels unreadable but not the bold values, printed on fixed rows: the name
     * alone on its line under its label, the birth date and the nationality right of theirs. A value
     * whose label was not found, or whose reading failed its format, is read on its row, the date
     * cut from right of its label and read as digits alone.
     */
    private void byPlace(RgbImage page, List<InkLines.Line> boxed, Map<String, CardField> fields) {
        InkLines.Line name = onRow(boxed, NAME_ROW);
        if (name != null && !fields.containsKey("full_name") && letters(name.text()).matches(NAME)) {
            fields.put("full_name", fullName(page, name));
        }
        InkLines.Line birth = onRow(boxed, BIRTH_ROW);
        if (birth != null) {
            int[] box = birth.box();
            String digits = InkLines.read(ocr, page, new int[] {BIRTH_X, box[1], box[2], box[3]}, "0123456789/");
            CardField alone = plausibleBirth(date(digits), "", LocalDate.now(clock));
            CardField read = fields.get("date_of_birth");
            if (read == null || read.value().isEmpty() || plausibleBirth(read, "", LocalDate.now(clock)).toBeReviewed()) {
                // The label's line gave no likely birth date: the digits alone, or failing them, the date
                // their alternatives spell.
                CardField chosen = alone.toBeReviewed() ? chosenBirth(page, new int[] {BIRTH_X, box[1], box[2], box[3]})
                        : alone;
                if (!chosen.value().isEmpty() || read == null) {
                    fields.put("date_of_birth", chosen);
                }
            } else if (!alone.toBeReviewed() && !alone.value().equals(read.value())) {
                fields.put("date_of_birth", CardField.printed(read.value(), read.confidence(), true));
            }
        }
        InkLines.Line nationality = onRow(boxed, NATIONALITY_ROW);
        if (nationality != null && (!fields.containsKey("nationality") || fields.get("nationality").toBeReviewed())) {
            int[] box = nationality.box();
            fields.merge("nationality", nationality(InkLines.read(ocr, page,
                    new int[] {NATIONALITY_X, box[1], box[2], box[3]}, null)), DriverLicenceReader::surer);
        }
    }

    /**
     * A birth date OCR garbled, chosen among the digits it considered at each position over a few
     * views of the crop (two sizes, plain, sharpened, deconvolved) as the one calendar date they best
     * spell that makes the holder 18 to 100 years old today; to be reviewed unless every digit was
     * OCR's first choice.
     */
    private CardField chosenBirth(RgbImage page, int[] box) {
        List<RgbImage> views = new java.util.ArrayList<>();
        for (double scale : new double[] {1.0, 1.5}) {
            int w = box[2] - box[0];
            int h = box[3] - box[1];
            RgbImage crop = page.bilinear(box[0], box[1], w, h, (int) Math.round(w * scale), (int) Math.round(h * scale));
            views.addAll(CccdFrontReader.views(crop, scale, true));
        }
        List<Map<Character, Double>> digits = DigitChoices.of(ocr, views);
        int thisYear = LocalDate.now(clock).getYear();
        CccdFrontReader.Field chosen = digits == null ? null : DateChoices.plausible(digits, thisYear - 100, thisYear - 18);
        return chosen == null ? CardField.printed("", null, true)
                : CardField.printed(chosen.value(), null, chosen.toBeReviewed());
    }

    /** The expiry cut from right of its label and read as digits alone, unless it reads as no expiry. */
    private void expiryByPlace(RgbImage page, List<InkLines.Line> bottom, Map<String, CardField> fields) {
        InkLines.Line expiry = onRow(bottom, EXPIRY_ROW);
        CardField read = fields.get("date_of_expiry");
        if (expiry == null || read != null && read.value().equals(CccdRules.NO_EXPIRY)) {
            return;
        }
        int[] box = expiry.box();
        String digits = InkLines.read(ocr, page, new int[] {EXPIRY_X, box[1], Math.max(box[2], EXPIRY_X + 20), box[3]},
                "0123456789/");
        if (DATE.matcher(digits).find()) {
            fields.merge("date_of_expiry", date(digits), DriverLicenceReader::surer);
        }
    }

    /**
     * Of two readings of one value, the one not to be reviewed; when both pass their format and
     * differ, the first is kept but flagged.
     */
    static CardField surer(CardField first, CardField second) {
        if (first.toBeReviewed() || first.value().isBlank()) {
            return second.toBeReviewed() && !first.value().isBlank() ? first : second;
        }
        if (second.toBeReviewed() || second.value().equals(first.value())) {
            return first;
        }
        return CardField.printed(first.value(), first.confidence(), true);
    }

    /** The line of ink centred nearest {@code row}, within 14 px; null when none is. */
    private static InkLines.Line onRow(List<InkLines.Line> lines, int row) {
        InkLines.Line nearest = null;
        for (InkLines.Line line : lines) {
            int centre = (line.box()[1] + line.box()[3]) / 2;
            if (Math.abs(centre - row) <= 14 && (nearest == null
                    || Math.abs(centre - row) < Math.abs((nearest.box()[1] + nearest.box()[3]) / 2 - row))) {
                nearest = line;
            }
        }
        return nearest;
    }

    /**
     * Where the labels were lost the column's order still holds: the birth date is the column's only
     * date, the name the capitals line above it, the nationality the capitals ending the line below
     * it, and the address the lines under the label line after that.
     */
    private void byOrder(RgbImage page, List<InkLines.Line> read, Map<String, CardField> fields) {
        List<String> lines = read.stream().map(InkLines.Line::text).toList();
        int birth = 1;
        while (birth < lines.size() && !DATE.matcher(lines.get(birth)).find()) {
            birth++;
        }
        if (birth >= lines.size()) {
            return;
        }
        fields.putIfAbsent("date_of_birth", date(lines.get(birth)));
        for (int i = birth - 1; i > 0 && !fields.containsKey("full_name"); i--) {
            if (letters(lines.get(i)).matches(NAME)) {
                fields.put("full_name", fullName(page, read.get(i)));
            }
        }
        if (birth + 1 < lines.size() && !fields.containsKey("nationality")) {
            fields.put("nationality", nationality(lines.get(birth + 1)));
        }
        if (birth + 3 < lines.size()) {
            fields.putIfAbsent("place_of_residence",
                    CardText.checked(String.join(" ", lines.subList(birth + 3, lines.size())), ".{6,}"));
        }
    }

    /** "Không thời hạn" with a letter or two misread: "khong" or "thoi han" still reads. */
    static boolean noExpiry(String folded) {
        return folded.contains("khong") || folded.contains("thoi han") || folded.matches(".*\\bkh\\S{2,3}g\\b.*\\bh[ao]n\\b.*");
    }

    /**
     * A birth date is to be reviewed when it makes the holder younger than the law's minimum age for
     * the class today (2008 road traffic law, art. 60: 18 for A and B, 21 for C, 24 for D, 27 for E),
     * or lies in the future: a misread digit, never a licence holder.
     */
    static CardField plausibleBirth(CardField birth, String licenceClass, LocalDate today) {
        LocalDate date = PrintedDate.parse(birth.value());
        if (date == null || birth.toBeReviewed()) {
            return birth;
        }
        if (date.getYear() < 1900) {
            return CardField.printed(birth.value(), birth.confidence(), true);
        }
        int minimumAge = switch (licenceClass.isEmpty() ? 'A' : licenceClass.charAt(0)) {
            case 'C' -> 21;
            case 'D' -> 24;
            case 'E' -> 27;
            default -> 18;
        };
        return date.plusYears(minimumAge).isAfter(today) ? CardField.printed(birth.value(), birth.confidence(), true)
                : birth;
    }

    /** A line without the specks OCR reads at its ends (a card edge or glare streak as "|"). */
    private static String letters(String line) {
        return line.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
    }

    /**
     * The name on its line (after the label when on the label's line); a given or middle name word
     * that is no name syllable, a tone mark misread, is spelled from the letters Tesseract considered
     * ({@link GivenNames#respell}), the name's words aligned from the line's end.
     */
    private CardField fullName(RgbImage page, InkLines.Line line) {
        String text = letters(line.text());
        String name = Surnames.restore(CccdFrontReader.mergeSplitVowels(
                (text.matches(NAME) || !line.text().contains(":") ? text : letters(CardText.afterColon(line.text())))
                        .strip()));
        double confidence = 1;
        String[] words = name.split(" ");
        if (!GivenNames.allKnown(words) && words.length >= 2) {
            List<List<Map<String, Double>>> alternatives = CccdFrontReader.letterChoices(
                    InkLines.symbols(ocr, page, line.box()));
            if (alternatives.size() >= words.length) {
                confidence = GivenNames.respell(words,
                        alternatives.subList(alternatives.size() - words.length, alternatives.size()), confidence);
                name = String.join(" ", words);
            }
        }
        CardField field = CardText.checked(name, "[\\p{Lu} ]{3,}");
        // A letter chosen from remote alternatives leaves the name to be reviewed; so do a word that is
        // no name syllable and other tone marks read by the second model (InkLines.nameChecked).
        if (confidence < 0.5) {
            return CardField.printed(field.value(), null, true);
        }
        return InkLines.nameChecked(ocr, page, line.box(), field);
    }

    /**
     * The capitals ending a nationality line (after its label, or where the label was misread);
     * "VIET NAM" read without its marks is the printed "VIỆT NAM".
     */
    private static CardField nationality(String line) {
        String value = CardText.trailingCapitals(line);
        int misread = value.length() >= 6 ? AddressSplit.distance(CardText.fold(value), "viet nam", 3) : 99;
        if (misread <= 2) {
            // The nationality a Vietnamese licence almost always carries: a letter or two misread is flagged.
            return CardField.printed("VIỆT NAM", null, misread > 0);
        }
        return CardText.checked(value, "[\\p{Lu} ]{3,}");
    }

    private static CardField date(String text) {
        Matcher m = DATE.matcher(text);
        return m.find() ? CardText.date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))) : CardField.printed("", null, true);
    }
}
