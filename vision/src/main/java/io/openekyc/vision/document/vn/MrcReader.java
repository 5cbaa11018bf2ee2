package io.openekyc.vision.document.vn;

import io.openekyc.vision.document.CardField;
import io.openekyc.vision.document.PrintedDate;
import io.openekyc.vision.document.ocr.CardText;
import io.openekyc.vision.document.ocr.DateDecoding;
import io.openekyc.vision.document.ocr.LatinRecognizer;
import io.openekyc.vision.document.ocr.PpOcrDates;
import io.openekyc.vision.document.ocr.TextRecognizer;
import io.openekyc.vision.image.RgbImage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the owner-and-vehicle side of a straightened Vietnamese motorcycle registration ("Giấy
 * chứng nhận đăng ký xe mô tô, xe máy", 1000 x 630) with Vietnamese OCR, line by line, by its
 * labels: "Tên chủ xe", "Địa chỉ" (running on to the lines below), "Nhãn hiệu" and "Số loại" on
 * one line, "Màu sơn", "Số máy", "Số khung", "Biển số đăng ký", "Đăng ký lần đầu ngày", on the
 * 2020 card "Nơi cấp", and the closing "Place, ngày d tháng M năm yyyy" (place and date of the
 * last registration). Engine, chassis and plate numbers are read again alone with a letters-and-digits
 * whitelist. The 2020 card is told from the old paper certificate by its English labels.
 *
 * <p>Every field carries the OCR's lowest word confidence over its value and is to be reviewed when
 * it fails its format or that confidence is under one half.
 */
public final class MrcReader {

    /** The labelled block under the title (x0, y0, x1, y1 on 1000 x 630), inside the paper certificate's frame. */
    private static final int[] BLOCK = {34, 112, 962, 606};
    private static final String CODE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.";
    private static final Pattern PLATE = Pattern.compile("(\\d{2})([A-Z][A-Z0-9]?)[-. ]*(\\d{4}|\\d{3}\\.?\\d{2})(?![\\d.])");
    private static final Pattern ENGINE = Pattern.compile("[A-Z0-9][A-Z0-9-]{4,18}[0-9]");
    private static final Pattern VIN = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");
    private static final Pattern DATE = Pattern.compile("(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})");
    private static final Pattern CLOSING = Pattern.compile("ngay\\s*(\\d{1,2})\\s*thang\\s*(\\d{1,2})\\s*nam\\s*(\\d{4})");
    private static final double UNSURE = 0.5;
    /** Ink height (pixels) of the second, larger reading of a number. */
    private static final double LARGE = 45;

    /** What was read: the layout ({@code newCard}: the 2020 plastic card) and the fields by the engine's names. */
    public record Read(boolean newCard, Map<String, CardField> fields) {
    }

    private final TextRecognizer ocr;
    private final CccdFrontReader lines;
    private final LatinRecognizer latin;
    private final Clock clock;

    /** @param ocr a Vietnamese recogniser (English OCR takes the plate's series letter for a digit: 24L9 as 2419) */
    public MrcReader(TextRecognizer ocr) {
        this(ocr, null, Clock.systemDefaultZone());
    }

    /**
     * @param latin PP-OCR, a second reading of registration dates blur hid from Tesseract (null: none)
     * @param clock today: a registration date read after it is not taken
     */
    public MrcReader(TextRecognizer ocr, LatinRecognizer latin, Clock clock) {
        this.ocr = ocr;
        this.lines = new CccdFrontReader(ocr);
        this.latin = latin;
        this.clock = clock;
    }

    /**
     * The labelled lines in the order both layouts print them (the place of issue only on the 2020
     * card); {@code labels} are the Vietnamese and the English label folded without spaces.
     */
    enum Slot {
        NAME("tenchuxe", "ownersname"), ADDRESS("diachi", "address"), BRAND("nhanhieu", "brand"),
        COLOR("mauson", "color"), ENGINE("somay", "engineno"), CHASSIS("sokhung", "chassisno"),
        PLATE("biensodangky", "plateno"), FIRST("dangkylandaungay", "firstregistration"),
        ISSUE("noicap", "placeofissue"), CLOSING();

        private final String[] labels;

        Slot(String... labels) {
            this.labels = labels;
        }
    }

    public Read read(RgbImage card) {
        // The page as CccdFrontReader.page gives it; the owner's name is read again on the plain one.
        RgbImage plain = CccdFrontReader.plainPage(card);
        RgbImage page = CccdFrontReader.focused(plain);
        List<CccdFrontReader.TextLine> read = new ArrayList<>();
        for (int[] band : CccdFrontReader.lines(page, BLOCK)) {
            read.add(lines.read(page, band, null));
        }
        boolean english = false;
        for (CccdFrontReader.TextLine line : read) {
            String k = CardText.fold(line.text()).replace(" ", "");
            english |= k.contains("owner") || k.contains("brand") || k.contains("engine") || k.contains("chassis")
                    || k.contains("plate") || k.contains("address") || k.contains("registration");
        }
        RgbImage photographed = CccdFrontReader.atCardSize(card);
        List<Slot> slots = slots(read, english, plateRow(photographed, read));
        english |= slots.contains(Slot.ISSUE);
        Map<String, CardField> fields = new LinkedHashMap<>();
        CccdFrontReader.TextLine firstLine = null;
        for (int i = 0; i < read.size(); i++) {
            CccdFrontReader.TextLine line = read.get(i);
            List<TextRecognizer.Word> words = line.ocr().words();
            Slot slot = slots.get(i);
            if (slot == null) {
                continue;
            }
            switch (slot) {
                case NAME -> {
                    Value v = value(words, line, MrcReader::capitalsAtEnd, "chuxe", "name");
                    // The other models read the name alone (the small label beside it throws their line
                    // scale); the first model's runners-up for the marks show on the whole line.
                    CccdFrontReader.TextLine name = line.x1() - v.left() < line.y1() - line.y0() // no value found: left at x1
                            ? line : new CccdFrontReader.TextLine(Math.max(line.x0(), v.left()), line.y0(), line.x1(),
                                    line.y1(), line.scale(), line.ocr());
                    fields.putIfAbsent("full_name", card(lines.marksChecked(page, name, line, ownerName(plain, name, v))));
                }
                case ADDRESS -> {
                    Value v = value(words, line, MrcReader::addressStart, "chi", "address");
                    StringBuilder address = new StringBuilder(v.text());
                    double confidence = v.confidence();
                    // The address runs on over the unlabelled lines below it.
                    for (int j = i + 1; j < read.size() && slots.get(j) == Slot.ADDRESS; j++) {
                        address.append(' ').append(read.get(j).text().strip());
                        confidence = Math.min(confidence, read.get(j).ocr().confidence());
                        i = j;
                    }
                    String text = CardText.place(address.toString().replaceAll("\\s+", " ").strip());
                    fields.putIfAbsent("address", field(text, confidence, s -> s.length() >= 6 && s.contains(",")));
                }
                case BRAND -> brandAndModel(line, fields);
                case COLOR -> {
                    Value v = value(words, line, w -> closedAtEnd(w, MotorVehicles::color), "son", "color");
                    String color = MotorVehicles.color(v.text());
                    fields.putIfAbsent("color", field(color, v.confidence(), MotorVehicles::known));
                }
                case ENGINE -> fields.putIfAbsent("engine_number", code(page, line, ENGINE, "may", "no"));
                case CHASSIS -> fields.putIfAbsent("chassis_number", code(page, line, english ? VIN : ENGINE, "khung", "no"));
                case PLATE -> fields.putIfAbsent("number_plate", code(page, line, PLATE, "ky", "no"));
                case FIRST -> {
                    fields.putIfAbsent("first_registration_date", firstRegistration(page, line));
                    firstLine = firstLine == null ? line : firstLine;
                }
                case ISSUE -> {
                    // "Công an ..." is the value even where a garbled label ran into it.
                    int unit = policeUnit(words);
                    Value v = unit > 0 ? value(words.subList(unit, words.size()), line, w -> 0)
                            : value(words, line, MrcReader::policeUnit, "cap", "issue", "lssue");
                    fields.putIfAbsent("place_of_issue", field(v.text(), v.confidence(), s -> s.length() >= 4));
                }
                case CLOSING -> closing(line, fields);
            }
        }
        if (latin != null && firstLine != null) {
            // Blur turns one digit's strokes into another's for Tesseract: the date PP-OCR's strokes spell likeliest weighs in.
            DateDecoding dates = latin.dates(photographed, CccdFrontReader.box(firstLine));
            if (dates != null) {
                PpOcrDates.settle(fields, "first_registration_date", dates, this::possibleRegistration);
            }
        }
        CccdFrontReader.TextLine closingLine = closingLine(read, slots);
        if (latin != null && closingLine != null && CardField.missingOrDoubtful(fields.get("last_registration_date"))) {
            // So is the closing line's, its day and month among words, where Tesseract's is missing or doubtful: the
            // place before it may hold digits ("Quận 10") that a sure reading of the words keeps apart. The last
            // registration is not before the first.
            DateDecoding dates = latin.dates(photographed, CccdFrontReader.box(closingLine), DateDecoding.Layout.WORDED);
            if (dates != null) {
                Predicate<LocalDate> afterFirst = notBeforeFirstRegistration(fields);
                PpOcrDates.settle(fields, "last_registration_date", dates, d -> possibleRegistration(d) && afterFirst.test(d));
            }
        }
        if (latin != null && (!fields.containsKey("first_registration_date")
                || !fields.containsKey("last_registration_date"))) {
            datesByPpOcr(photographed, read, fields);
        }
        return new Read(english, fields);
    }

    /**
     * Which labelled line each line is: by its label where OCR kept it recognisable, else by the
     * order the lines are printed in (blur and glare garble the small labels of the 2020 card while
     * its large values still read). The plate row ({@code plateRow}, -1 when not known) is told by its red
     * ink where its label is unread. An unlabelled line after the address continues it unless it names a
     * brand or the rows counted back from a later known one take it; null for a line that fits no place
     * between its neighbours.
     */
    static List<Slot> slots(List<CccdFrontReader.TextLine> read, boolean newCard, int plateRow) {
        List<Slot> labelled = new ArrayList<>();
        for (CccdFrontReader.TextLine line : read) {
            labelled.add(label(line.text()));
        }
        if (plateRow >= 0 && labelled.get(plateRow) == null) {
            labelled.set(plateRow, Slot.PLATE);
        }
        int leftEdge = leftEdge(read);
        List<Slot> slots = new ArrayList<>();
        Slot previous = null;
        for (int i = 0; i < read.size(); i++) {
            Slot slot = labelled.get(i);
            Slot counted = slot == null ? countedBack(labelled, i, newCard) : null;
            if (counted != null && (previous == null || counted.ordinal() > previous.ordinal())) {
                slot = counted;
            } else if (slot == null && i == 0) {
                slot = Slot.NAME; // the block opens with the owner's name
            } else if (slot == null && previous != null && previous != Slot.CLOSING) {
                Slot next = null;
                for (int j = i + 1; j < read.size() && next == null; j++) {
                    next = labelled.get(j);
                }
                Slot guess = previous == Slot.ADDRESS && !namesBrand(read.get(i).text()) ? Slot.ADDRESS
                        : Slot.values()[previous.ordinal() + 1];
                // Only the 2020 card prints its issuing police unit ("Công an ...") before the closing line,
                // as a row from the left edge; the closing line starts mid-card.
                if (guess == Slot.ISSUE && !newCard && policeUnit(read.get(i).ocr().words()) < 0
                        && startsMidCard(read.get(i), leftEdge)) {
                    guess = Slot.CLOSING;
                }
                boolean fits = next == null ? guess != Slot.CLOSING : guess.ordinal() < next.ordinal()
                        || guess == Slot.ADDRESS && next == Slot.BRAND;
                slot = fits ? guess : null;
            }
            slots.add(slot);
            if (slot != null) {
                previous = slot;
            }
        }
        return slots;
    }

    /**
     * The closing line ("Place, ngày d tháng M năm yyyy"): the line taken as it by its words, else the
     * block's last line when it starts mid-card, as only the closing line does; null when neither.
     */
    private static CccdFrontReader.TextLine closingLine(List<CccdFrontReader.TextLine> read, List<Slot> slots) {
        int at = slots.indexOf(Slot.CLOSING);
        if (at >= 0) {
            return read.get(at);
        }
        if (read.size() < 2) {
            return null;
        }
        CccdFrontReader.TextLine last = read.getLast();
        return startsMidCard(last, leftEdge(read)) ? last : null;
    }

    /** Where the block's rows start: the leftmost start of its lines. */
    private static int leftEdge(List<CccdFrontReader.TextLine> read) {
        return read.stream().mapToInt(CccdFrontReader.TextLine::x0).min().orElse(0);
    }

    /** Whether a line starts mid-card, as only the closing line does; every row starts at the left edge. */
    private static boolean startsMidCard(CccdFrontReader.TextLine line, int leftEdge) {
        return line.x0() - leftEdge > MARGIN;
    }

    /**
     * The row printed in red, the number plate's on both layouts (-1 when no row's red ink stands out):
     * under blur its label goes unread, but its colour does not, and the rows around it count from it.
     */
    static int plateRow(RgbImage photographed, List<CccdFrontReader.TextLine> read) {
        int best = -1;
        double most = 0;
        double second = 0;
        for (int i = 0; i < read.size(); i++) {
            double red = redInk(photographed, read.get(i));
            if (red > most) {
                second = most;
                most = red;
                best = i;
            } else {
                second = Math.max(second, red);
            }
        }
        return most >= PLATE_RED && most >= 3 * second ? best : -1;
    }

    /** Share of a line's box in strongly red ink: red well above green and blue (the faint specimen overprint is not). */
    private static double redInk(RgbImage photographed, CccdFrontReader.TextLine line) {
        int x0 = Math.max(0, line.x0());
        int x1 = Math.min(photographed.width(), line.x1());
        int y0 = Math.max(0, line.y0());
        int y1 = Math.min(photographed.height(), line.y1());
        int red = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int rgb = photographed.rgb(x, y);
                int r = rgb >> 16 & 0xFF;
                int other = Math.max(rgb >> 8 & 0xFF, rgb & 0xFF);
                if (r - other > 40 && r > 1.5 * other) {
                    red++;
                }
            }
        }
        int area = Math.max(1, (x1 - x0) * (y1 - y0));
        return red / (double) area;
    }

    /** How far right of the rows' left edge a line may start and still be a row. */
    private static final int MARGIN = 100;

    /** The least share of red ink that marks the plate row. */
    private static final double PLATE_RED = 0.01;

    /**
     * The slot of an unlabelled line counted back from the next labelled one: from the brand row to
     * the place of issue every row is one line (the address above may wrap onto several); null when
     * the count lands above the brand row or no labelled line follows.
     */
    private static Slot countedBack(List<Slot> labelled, int i, boolean newCard) {
        for (int j = i + 1; j < labelled.size(); j++) {
            Slot anchor = labelled.get(j);
            if (anchor == null) {
                continue;
            }
            int ordinal = anchor.ordinal() - (j - i);
            if (anchor == Slot.CLOSING && !newCard) {
                ordinal--; // the paper certificate has no place-of-issue row
            }
            return ordinal >= Slot.BRAND.ordinal() && ordinal < anchor.ordinal() ? Slot.values()[ordinal] : null;
        }
        return null;
    }

    /** The slot a line's label names, allowing a quarter of its letters misread; null when none does. */
    static Slot label(String text) {
        String folded = CardText.fold(text);
        if (CLOSING.matcher(folded).find()) {
            return Slot.CLOSING;
        }
        String k = folded.replace(" ", "");
        Slot best = null;
        double bestShare = 1;
        for (Slot slot : Slot.values()) {
            for (String label : slot.labels) {
                // The Vietnamese label opens the line; the English one follows it after a slash.
                int window = label.equals(slot.labels[0]) ? label.length() + 3 : 40;
                int misread = misread(k.substring(0, Math.min(k.length(), window)), label);
                double share = misread / (double) label.length();
                if (misread <= label.length() / 4 && share < bestShare) {
                    best = slot;
                    bestShare = share;
                }
            }
        }
        return best;
    }

    /** The fewest edits that turn some part of {@code text} into {@code label} (approximate substring match). */
    static int misread(String text, String label) {
        int[] row = new int[text.length() + 1]; // a match may start anywhere: the first row costs nothing
        for (int i = 1; i <= label.length(); i++) {
            int[] next = new int[text.length() + 1];
            next[0] = i;
            for (int j = 1; j <= text.length(); j++) {
                int substitution = row[j - 1] + (label.charAt(i - 1) == text.charAt(j - 1) ? 0 : 1);
                next[j] = Math.min(substitution, Math.min(row[j], next[j - 1]) + 1);
            }
            row = next;
        }
        int best = Integer.MAX_VALUE;
        for (int cost : row) {
            best = Math.min(best, cost);
        }
        return best;
    }

    private static boolean namesBrand(String text) {
        String letters = CardText.fold(text).replaceAll("[^a-z]", "");
        return MotorVehicles.MODELS.keySet().stream().anyMatch(b -> letters.contains(b.toLowerCase(java.util.Locale.ROOT)));
    }

    /** Where an owner's name starts when its label is unreadable: the run of capital words ending the line. */
    private static int capitalsAtEnd(List<TextRecognizer.Word> words) {
        int start = words.size();
        while (start > 0 && words.get(start - 1).text().matches("\\p{Lu}+")) {
            start--;
        }
        return start < words.size() ? start : -1;
    }

    /** Scales, in the card's pixels, a name garbled on its line is read again at alone. */
    private static final double[] NAME_SCALES = {1.0, 1.5, 2.0};

    /**
     * The owner's name as its line reads it when that is a well-formed name. Otherwise (blur, glare,
     * a garbled label run into it) the name is read alone at several sizes, as photographed, sharpened
     * and, on a blurred photo, deconvolved; the spelling most readings give as a well-formed name wins
     * (the surer on a tie), to be reviewed. Left as the line read it where no reading is well formed.
     */
    private CccdFrontReader.Field ownerName(RgbImage plain, CccdFrontReader.TextLine name, Value read) {
        CccdFrontReader.Field first = CccdFrontReader.nameField(fromFamilyName(CccdFrontReader.name(read.text())),
                read.confidence());
        if (!first.toBeReviewed()) {
            return first;
        }
        double blur = CccdFrontReader.blurSigma(plain);
        Map<String, Integer> votes = new LinkedHashMap<>();
        Map<String, Double> sureness = new LinkedHashMap<>();
        int w = name.x1() - name.x0();
        int h = name.y1() - name.y0();
        for (double scale : NAME_SCALES) {
            RgbImage crop = plain.bilinear(name.x0(), name.y0(), w, h, (int) Math.round(w * scale),
                    (int) Math.round(h * scale));
            for (RgbImage view : CccdFrontReader.views(crop, scale, blur)) {
                TextRecognizer.Line again = ocr.line(view, null);
                String spelled = bySyllableLetters(Surnames.restore(fromFamilyName(CccdFrontReader.name(again.text()))));
                if (Surnames.spells(spelled.split(" ")[0]) && CccdFrontReader.wellFormedName(spelled)) {
                    votes.merge(spelled, 1, Integer::sum);
                    sureness.merge(spelled, again.confidence(), Math::max);
                }
            }
        }
        String best = null;
        for (String spelled : votes.keySet()) {
            if (best == null || votes.get(spelled) > votes.get(best)
                    || votes.get(spelled).equals(votes.get(best)) && sureness.get(spelled) > sureness.get(best)) {
                best = spelled;
            }
        }
        return best == null ? first : new CccdFrontReader.Field(best, true, sureness.get(best));
    }

    /**
     * A name with each given or middle name word that is no name syllable spelled as the one syllable
     * its letters spell (blur smears tone marks first: TÁM for TÂM, XUẨN for XUÂN); words whose letters
     * spell none or several are left as read.
     */
    static String bySyllableLetters(String name) {
        String[] words = name.split(" ");
        for (int i = 1; i < words.length; i++) {
            String only = GivenNames.known(words[i]) ? null : GivenNames.onlySyllableOf(words[i]);
            if (only != null) {
                words[i] = only;
            }
        }
        return String.join(" ", words);
    }

    /**
     * A name read with what is left of its garbled label before it ("NAEE PHAN BÌNH MINH" for "Owner's
     * name: PHAN BÌNH MINH"): from the first word that spells a common family name, where the name
     * does not start with one and at least one word follows it; otherwise as read.
     */
    static String fromFamilyName(String name) {
        String[] words = name.split(" ");
        if (words.length < 3 || Surnames.spells(words[0])) {
            return name;
        }
        for (int i = 1; i < words.length - 1; i++) {
            if (Surnames.spells(words[i])) {
                return String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length));
            }
        }
        return name;
    }

    /** Where an address starts when its label is unreadable: at a house number or an administrative unit's word. */
    private static int addressStart(List<TextRecognizer.Word> words) {
        for (int i = 1; i < words.size(); i++) {
            String w = CardText.fold(words.get(i).text());
            if (w.matches("\\d+[a-z]?") || w.matches("(xa|phuong|thon|ap|to|khu|pho|so|duong|ngo)") && i + 1 < words.size()) {
                return i;
            }
        }
        return -1;
    }

    /** Where the place of issue starts when its label is unreadable: at "Công an". */
    private static int policeUnit(List<TextRecognizer.Word> words) {
        for (int i = 1; i < words.size(); i++) {
            if (CardText.fold(words.get(i).text()).equals("cong")) {
                return i;
            }
        }
        return -1;
    }

    /** The first word from which the rest of the line spells a word of a closed list. */
    private static int closedAtEnd(List<TextRecognizer.Word> words, java.util.function.UnaryOperator<String> list) {
        for (int i = 0; i < words.size(); i++) {
            String rest = String.join(" ", words.subList(i, words.size()).stream().map(TextRecognizer.Word::text).toList());
            if (MotorVehicles.known(list.apply(rest))) {
                return i;
            }
        }
        return -1;
    }

    /** Where a number or date starts when its label is unreadable: the last word holding a digit. */
    private static int lastNumber(List<TextRecognizer.Word> words) {
        for (int i = words.size() - 1; i >= 0; i--) {
            if (words.get(i).text().matches(".*\\d.*")) {
                return i;
            }
        }
        return -1;
    }

    /** A value, the OCR's lowest word confidence over it, and where it starts on the page. */
    private record Value(String text, double confidence, int left) {
    }

    /**
     * The words after the label: after the last word holding a colon; when OCR lost the colon, after
     * the word that completes one of the label's closing words ({@code ends}, folded, without spaces);
     * when OCR garbled the label too, where {@code shape} finds the value's own shape (-1: nowhere).
     */
    private static Value value(List<TextRecognizer.Word> words, CccdFrontReader.TextLine line,
                               java.util.function.ToIntFunction<List<TextRecognizer.Word>> shape, String... ends) {
        int start = -1;
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).text().contains(":")) {
                start = i + 1;
            }
        }
        if (start < 0) {
            // Each closing word where the label's words first hold it; the value follows the last of them.
            StringBuilder joined = new StringBuilder();
            List<String> open = new ArrayList<>(List.of(ends));
            for (int i = 0; i < words.size() && !open.isEmpty(); i++) {
                joined.append(CardText.fold(words.get(i).text()));
                for (String end : List.copyOf(open)) {
                    if (joined.toString().contains(end)) {
                        start = i + 1;
                        open.remove(end);
                    }
                }
            }
        }
        if (start < 0) {
            start = shape.applyAsInt(words);
        }
        if (start < 0 || start >= words.size()) {
            return new Value("", 0, line.x1());
        }
        List<String> text = new ArrayList<>();
        double confidence = 1;
        for (TextRecognizer.Word word : words.subList(start, words.size())) {
            text.add(word.text());
            confidence = Math.min(confidence, word.confidence());
        }
        int left = line.x0() + (int) Math.floor(words.get(start).left() / line.scale()) - 4;
        return new Value(String.join(" ", text).strip(), confidence, left);
    }

    /** "Nhãn hiệu: HONDA   Số loại: WAVE": the line's words split at the model's label, each half's value after its label. */
    private static void brandAndModel(CccdFrontReader.TextLine line, Map<String, CardField> fields) {
        List<TextRecognizer.Word> words = line.ocr().words();
        int split = -1;
        for (int i = 1; i < words.size() && split < 0; i++) {
            String w = CardText.fold(words.get(i).text());
            if (w.contains("loa") || w.contains("mode")) {
                // "Số loại" read as two words, or as one ("Sốloại:")
                split = CardText.fold(words.get(i - 1).text()).replaceAll("[^a-z]", "").equals("so") ? i - 1 : i;
            }
        }
        List<TextRecognizer.Word> brandWords = split < 0 ? words : words.subList(0, split);
        Value brand = value(brandWords, line, w -> closedAtEnd(w, MotorVehicles::brand), "hieu", "brand");
        String name = MotorVehicles.brand(brand.text());
        if (!MotorVehicles.known(name) && namesBrand(brand.text())) {
            // Specks run into the brand ("ï+SŠUZUKI"): the brand its letters hold, to be reviewed.
            String letters = CardText.fold(brand.text()).replaceAll("[^a-z]", "");
            String held = MotorVehicles.MODELS.keySet().stream()
                    .filter(b -> letters.contains(b.toLowerCase(java.util.Locale.ROOT))).findFirst().orElseThrow();
            fields.putIfAbsent("brand", CardField.printed(held, brand.confidence(), true));
        }
        fields.putIfAbsent("brand", field(name, brand.confidence(), MotorVehicles::known));
        // Without the model's label (blur), the model is the list's name the line ends with.
        int unlabelled = split < 0 ? closedAtEnd(words, MotorVehicles::model) : -1;
        if (split >= 0 || unlabelled > 0) {
            Value model = split >= 0
                    ? value(words.subList(split, words.size()), line, w -> closedAtEnd(w, MotorVehicles::model),
                            "loai", "loa", "model", "mode")
                    : value(words.subList(unlabelled, words.size()), line, w -> 0);
            fields.putIfAbsent("model", field(MotorVehicles.model(model.text()), model.confidence(), MotorVehicles::known));
        }
    }

    /**
     * An engine, chassis or plate number: the line's reading and two more of the value alone, as
     * capitals, digits, dashes and dots, at the usual size and larger (OCR takes a bold 8 for S or B
     * at one size and not the other). The value most readings give in a well-formed shape wins; a
     * value only one reading gives is to be reviewed when OCR was unsure of it.
     */
    private CardField code(RgbImage page, CccdFrontReader.TextLine line, Pattern format, String... ends) {
        Value first = value(line.ocr().words(), line, MrcReader::lastNumber, ends);
        int[] box = {Math.max(line.x0(), first.left()), line.y0(), line.x1(), line.y1()};
        List<Value> readings = new ArrayList<>(List.of(first));
        if (wide(box)) {
            CccdFrontReader.TextLine usual = lines.read(page, box, CODE);
            CccdFrontReader.TextLine large = lines.read(page, box, CODE, LARGE);
            readings.add(0, new Value(large.text(), large.ocr().confidence(), 0));
            readings.add(0, new Value(usual.text(), usual.ocr().confidence(), 0));
        }
        String best = null;
        int votes = 0;
        double confidence = 0;
        for (Value reading : readings) {
            String candidate = normalised(reading.text().replace(" ", ""), format);
            if (candidate == null) {
                continue;
            }
            int count = (int) readings.stream().filter(r -> candidate.equals(normalised(r.text().replace(" ", ""), format)))
                    .count();
            if (count > votes) {
                best = candidate;
                votes = count;
                confidence = reading.confidence();
            }
        }
        if (best == null) {
            return CardField.printed(first.text().replace(" ", ""), first.confidence(), true);
        }
        String winner = best;
        // A series letter put back in place of a digit is a guess: for review unless some reading printed it.
        boolean guessed = format == PLATE && readings.stream()
                .noneMatch(r -> PLATE.matcher(r.text().replace(" ", "")).find() && winner.equals(normalised(r.text().replace(" ", ""), format)));
        return CardField.printed(best, confidence, guessed || votes < 2 && confidence < UNSURE);
    }

    /**
     * Whether a value's box is wide enough to read again: where no value was found it is a sliver at
     * the line's end, which Tesseract refuses on stderr ("Image too small to scale!!").
     */
    private static boolean wide(int[] box) {
        return box[2] - box[0] >= box[3] - box[1];
    }

    /** The value in its printed form when it has the format (plates as 29X7-123.45); null when not. */
    private static String normalised(String text, Pattern format) {
        if (format == PLATE) {
            Matcher m = PLATE.matcher(seriesLetter(text));
            if (!m.find()) {
                return null;
            }
            String digits = m.group(3).replace(".", "");
            return m.group(1) + m.group(2) + "-" + (digits.length() == 4 ? digits
                    : digits.substring(0, 3) + "." + digits.substring(3));
        }
        // A VIN has no I, O or Q: OCR's reading of 1 and 0 as those letters is undone.
        String code = format == VIN ? text.replace('O', '0').replace('Q', '0').replace('I', '1') : text;
        if (format == VIN) {
            // What is left of a garbled label stands apart from the VIN by a mark OCR made of its colon.
            for (String part : code.split("[^A-Z0-9]+")) {
                if (VIN.matcher(part).matches()) {
                    return part;
                }
            }
            return null;
        }
        Matcher m = format.matcher(code);
        return m.matches() ? code : null;
    }

    /**
     * A plate whose series letter (third character, after the two digits of the province) OCR read
     * as the digit it resembles: the letter. Series letters never include O, so a 0 there is a D.
     */
    static String seriesLetter(String text) {
        Matcher m = Pattern.compile("(\\d{2})([08562])([A-Z0-9]?[-. ]*(?:\\d{4}|\\d{3}\\.?\\d{2}))").matcher(text);
        if (!m.find() || PLATE.matcher(text).find()) {
            return text;
        }
        char letter = "DBSGZ".charAt("08562".indexOf(m.group(2).charAt(0)));
        return text.substring(0, m.start(2)) + letter + text.substring(m.end(2));
    }

    /** "Đăng ký lần đầu ngày: 16/01/2007", the date read again as digits and slashes. */
    private CardField firstRegistration(RgbImage page, CccdFrontReader.TextLine line) {
        Value first = value(line.ocr().words(), line, MrcReader::lastNumber, "ngay", "registration");
        int[] box = {Math.max(line.x0(), first.left()), line.y0(), line.x1(), line.y1()};
        List<Value> readings = new ArrayList<>(List.of(first));
        if (wide(box)) {
            CccdFrontReader.TextLine again = lines.read(page, box, "0123456789/");
            readings.add(0, new Value(again.text(), again.ocr().confidence(), 0));
        }
        for (Value v : readings) {
            Matcher m = DATE.matcher(v.text());
            if (m.find()) {
                CardField date = date(m);
                return new CardField(date.value(), v.confidence(), date.toBeReviewed() || v.confidence() < UNSURE,
                        date.source());
            }
        }
        return CardField.printed("", 0.0, true);
    }

    /** A last registration date is not before the first one read (any date when none was). */
    private static Predicate<LocalDate> notBeforeFirstRegistration(Map<String, CardField> fields) {
        CardField first = fields.get("first_registration_date");
        LocalDate from = first == null ? null : PrintedDate.parse(first.value());
        return date -> from == null || !date.isBefore(from);
    }

    /** A registration date: from 1980 (the oldest motorcycles still registered), not after today. */
    private boolean possibleRegistration(LocalDate date) {
        return date.getYear() >= 1980 && !date.isAfter(LocalDate.now(clock));
    }

    /**
     * Registration dates blur hid from Tesseract (their lines not told, or no date read on them), read
     * by PP-OCR on every line of the block, to be reviewed. Blur garbles the words around them, not the
     * digits: the first registration's is the one dd/MM/yyyy of the block ("g g n my/fin 17/07/2023");
     * the last registration's, the lowest line's day, month and year in words' places ("meimy a my 17
     * hiy 7 mm 2023" for "Hoàng Mai, ngày 17 tháng 7 năm 2023"), when not before the first.
     */
    private void datesByPpOcr(RgbImage photographed, List<CccdFrontReader.TextLine> read, Map<String, CardField> fields) {
        List<String> slashed = new ArrayList<>();
        String closing = null;
        for (CccdFrontReader.TextLine line : read.reversed()) {
            String text = latin.text(photographed, CccdFrontReader.box(line));
            String date = LatinRecognizer.dateIn(text);
            if (date != null) {
                slashed.add(date);
                continue;
            }
            if (closing == null) {
                closing = wordedDate(text);
            }
        }
        if (!fields.containsKey("first_registration_date") && slashed.size() == 1) {
            fields.put("first_registration_date", CardField.printed(slashed.getFirst(), null, true));
        }
        LocalDate last = closing == null ? null : PrintedDate.parse(closing);
        if (!fields.containsKey("last_registration_date") && last != null && !last.isAfter(LocalDate.now(clock))
                && notBeforeFirstRegistration(fields).test(last)) {
            fields.put("last_registration_date", CardField.printed(closing, null, true));
        }
    }

    /** The first day, month and four-digit year with words between them in a line's text, as dd/MM/yyyy; null if none or no real date. */
    static String wordedDate(String text) {
        Matcher words = WORDED_DATE.matcher(text);
        if (!words.find()) {
            return null;
        }
        CardField date = date(words);
        return date.toBeReviewed() ? null : date.value();
    }

    /** Day, month and four-digit year with a few other characters between (the closing's words, as blur leaves them). */
    private static final Pattern WORDED_DATE = Pattern.compile("(?<!\\d)(\\d{1,2})[^\\d/]{1,12}(\\d{1,2})[^\\d/]{1,12}(\\d{4})(?!\\d)");

    /** "Thuận Châu, ngày 20 tháng 8 năm 2025": the place and date of the last registration. */
    private static void closing(CccdFrontReader.TextLine line, Map<String, CardField> fields) {
        String text = line.text();
        String folded = CardText.fold(text);
        Matcher m = CLOSING.matcher(folded);
        if (!m.find()) {
            return;
        }
        double confidence = line.ocr().confidence();
        CardField date = date(m);
        fields.putIfAbsent("last_registration_date", new CardField(date.value(), confidence,
                date.toBeReviewed() || confidence < UNSURE, date.source()));
        String place = text.substring(0, m.start()).replaceAll("[,.\\s]+$", "").replaceAll("^[^\\p{L}]+", "");
        fields.putIfAbsent("place_of_registration", field(place, confidence, s -> s.length() >= 2));
    }

    private static CardField date(Matcher m) {
        return CardText.date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    private static CardField field(String value, double confidence, Predicate<String> wellFormed) {
        String v = value.strip();
        return CardField.printed(v, confidence, v.isEmpty() || !wellFormed.test(v) || confidence < UNSURE);
    }

    private static CardField card(CccdFrontReader.Field f) {
        return CardField.printed(f.value(), Double.isNaN(f.confidence()) ? null : f.confidence(), f.toBeReviewed());
    }
}
