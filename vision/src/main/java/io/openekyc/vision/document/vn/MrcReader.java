package io.openekyc.vision.document.vn;

import io.openekyc.vision.document.CardField;
import io.openekyc.vision.document.ocr.CardText;
import io.openekyc.vision.document.ocr.TextRecognizer;
import io.openekyc.vision.image.RgbImage;
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

    private final CccdFrontReader lines;

    /** @param ocr a Vietnamese recogniser (English OCR takes the plate's series letter for a digit: 24L9 as 2419) */
    public MrcReader(TextRecognizer ocr) {
        this.lines = new CccdFrontReader(ocr);
    }

    public Read read(RgbImage card) {
        RgbImage page = CccdFrontReader.page(card);
        List<CccdFrontReader.TextLine> read = new ArrayList<>();
        for (int[] band : CccdFrontReader.lines(page, BLOCK)) {
            read.add(lines.read(page, band, null));
        }
        Map<String, CardField> fields = new LinkedHashMap<>();
        boolean english = false;
        for (int i = 0; i < read.size(); i++) {
            CccdFrontReader.TextLine line = read.get(i);
            String t = CardText.fold(line.text());
            // Labels are matched without spaces: OCR often joins their words ("Sốkhung", "chủxe").
            String k = t.replace(" ", "");
            english |= k.contains("owner") || k.contains("brand") || k.contains("engine") || k.contains("chassis")
                    || k.contains("plate") || k.contains("address") || k.contains("registration");
            if (k.contains("chuxe") || k.contains("owner")) {
                Value v = value(line.ocr().words(), line, "chuxe", "name");
                fields.putIfAbsent("full_name", card(CccdFrontReader.nameField(CccdFrontReader.name(v.text()), v.confidence())));
            } else if (k.contains("diach") || k.contains("address")) {
                Value v = value(line.ocr().words(), line, "chi", "address");
                StringBuilder address = new StringBuilder(v.text());
                double confidence = v.confidence();
                // The address runs on until the next label.
                for (int j = i + 1; j < read.size() && !labelled(read.get(j)); j++) {
                    address.append(' ').append(read.get(j).text().strip());
                    confidence = Math.min(confidence, read.get(j).ocr().confidence());
                    i = j;
                }
                String text = CardText.place(address.toString().replaceAll("\\s+", " ").strip());
                fields.putIfAbsent("address", field(text, confidence, s -> s.length() >= 6 && s.contains(",")));
            } else if (k.contains("nhanhieu") || k.contains("brand")) {
                brandAndModel(line, fields);
            } else if (k.contains("mauson") || k.contains("color")) {
                Value v = value(line.ocr().words(), line, "son", "color");
                String color = MotorVehicles.color(v.text());
                fields.putIfAbsent("color", field(color, v.confidence(), MotorVehicles::known));
            } else if (k.contains("somay") || k.contains("engine")) {
                fields.putIfAbsent("engine_number", code(page, line, ENGINE, "may", "no"));
            } else if (k.contains("sokhung") || k.contains("chassis")) {
                fields.putIfAbsent("chassis_number", code(page, line, english ? VIN : ENGINE, "khung", "no"));
            } else if (k.contains("bienso") || k.contains("plate")) {
                fields.putIfAbsent("number_plate", code(page, line, PLATE, "ky", "no"));
            } else if (k.contains("landau") || k.contains("firstreg")) {
                fields.putIfAbsent("first_registration_date", firstRegistration(page, line));
            } else if (k.contains("noicap") || k.contains("placeof")) {
                Value v = value(line.ocr().words(), line, "cap", "issue", "lssue");
                fields.putIfAbsent("place_of_issue", field(v.text(), v.confidence(), s -> s.length() >= 4));
            } else if (CLOSING.matcher(t).find()) {
                closing(line, fields);
            }
        }
        return new Read(english, fields);
    }

    /** Whether a line carries one of the labels (so it ends the address above it). */
    private static boolean labelled(CccdFrontReader.TextLine line) {
        String k = CardText.fold(line.text()).replace(" ", "");
        return k.contains(":") || k.contains("nhanhieu") || k.contains("brand") || k.contains("mauson")
                || k.contains("ngay");
    }

    /** A value, the OCR's lowest word confidence over it, and where it starts on the page. */
    private record Value(String text, double confidence, int left) {
    }

    /**
     * The words after the label: after the last word holding a colon; when OCR lost the colon, after
     * the word that completes one of the label's closing words ({@code ends}, folded, without spaces).
     */
    private static Value value(List<TextRecognizer.Word> words, CccdFrontReader.TextLine line, String... ends) {
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
        Value brand = value(brandWords, line, "hieu", "brand");
        fields.putIfAbsent("brand", field(MotorVehicles.brand(brand.text()), brand.confidence(), MotorVehicles::known));
        if (split >= 0) {
            Value model = value(words.subList(split, words.size()), line, "loai", "loa", "model", "mode");
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
        Value first = value(line.ocr().words(), line, ends);
        int[] box = {Math.max(line.x0(), first.left()), line.y0(), line.x1(), line.y1()};
        CccdFrontReader.TextLine usual = lines.read(page, box, CODE);
        CccdFrontReader.TextLine large = lines.read(page, box, CODE, LARGE);
        List<Value> readings = List.of(new Value(usual.text(), usual.ocr().confidence(), 0),
                new Value(large.text(), large.ocr().confidence(), 0), first);
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
        return CardField.printed(best, confidence, votes < 2 && confidence < UNSURE);
    }

    /** The value in its printed form when it has the format (plates as 29X7-123.45); null when not. */
    private static String normalised(String text, Pattern format) {
        if (format == PLATE) {
            Matcher m = PLATE.matcher(text);
            if (!m.find()) {
                return null;
            }
            String digits = m.group(3).replace(".", "");
            return m.group(1) + m.group(2) + "-" + (digits.length() == 4 ? digits
                    : digits.substring(0, 3) + "." + digits.substring(3));
        }
        // A VIN has no I, O or Q: OCR's reading of 1 and 0 as those letters is undone.
        String code = format == VIN ? text.replace('O', '0').replace('Q', '0').replace('I', '1') : text;
        Matcher m = format.matcher(code);
        return m.matches() ? code : null;
    }

    /** "Đăng ký lần đầu ngày: 16/01/2007", the date read again as digits and slashes. */
    private CardField firstRegistration(RgbImage page, CccdFrontReader.TextLine line) {
        Value first = value(line.ocr().words(), line, "ngay", "registration");
        CccdFrontReader.TextLine again = lines.read(page, new int[] {Math.max(line.x0(), first.left()), line.y0(),
                line.x1(), line.y1()}, "0123456789/");
        for (Value v : List.of(new Value(again.text(), again.ocr().confidence(), 0), first)) {
            Matcher m = DATE.matcher(v.text());
            if (m.find()) {
                CardField date = date(m);
                return new CardField(date.value(), v.confidence(), date.toBeReviewed() || v.confidence() < UNSURE,
                        date.source());
            }
        }
        return CardField.printed("", 0.0, true);
    }

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
