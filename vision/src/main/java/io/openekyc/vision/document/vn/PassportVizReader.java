package io.openekyc.vision.document.vn;

import io.openekyc.vision.document.ocr.Deblur;
import io.openekyc.vision.document.ocr.TextRecognizer;
import io.openekyc.vision.image.RgbImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the visual inspection zone of a straightened Vietnamese passport data page (1250 x 880, the
 * page's 125 x 88 mm) with Vietnamese OCR, by its bilingual labels: each value stands on the line
 * under its label ("Nơi sinh/Place of birth" then "TỈNH NAM ĐỊNH"). The two label columns right of
 * the portrait are read block by block (a label and its value), so a row's two fields do not run
 * together and a value is named by the label read above it.
 */
public final class PassportVizReader {

    public static final int WIDTH = 1250;
    public static final int HEIGHT = 880;
    /** Where passports issued in Vietnam name their issuer: the Immigration Department. */
    static final String IMMIGRATION_DEPARTMENT = "Cục Quản lý xuất nhập cảnh";
    /** Folded label text -> field; "place of birth" before "date of birth" ("noi sinh" contains no "ngay"). */
    private static final String[][] LABELS = {
            {"so ho chieu", "passport_number"}, {"passport no", "passport_number"},
            {"ho va ten", "full_name"}, {"full name", "full_name"},
            {"quoc tich", "nationality"}, {"nationality", "nationality"},
            {"noi sinh", "place_of_birth"}, {"place of birth", "place_of_birth"},
            {"ngay sinh", "date_of_birth"}, {"date of birth", "date_of_birth"},
            {"gioi tinh", "sex"}, {"sex", "sex"},
            {"gcmnd", "id_number"}, {"id card", "id_number"},
            {"ngay cap", "date_of_issue"}, {"date of issue", "date_of_issue"},
            {"gia tri den", "date_of_expiry"}, {"date of expiry", "date_of_expiry"},
            {"noi cap", "place_of_issue"}, {"place of issue", "place_of_issue"}};

    /** Where a field's label and the value under it are printed (page pixels), left to right, top to bottom. */
    private record Slot(String name, int x, int y, int width) {
    }

    private static final int BLOCK = 70;
    private static final List<Slot> SLOTS = List.of(
            new Slot("passport_number", 820, 168, 420), new Slot("full_name", 380, 244, 440),
            new Slot("nationality", 380, 320, 440), new Slot("date_of_birth", 380, 396, 440),
            new Slot("place_of_birth", 820, 396, 420), new Slot("sex", 380, 472, 440),
            new Slot("id_number", 820, 472, 420), new Slot("date_of_issue", 380, 548, 440),
            new Slot("date_of_expiry", 820, 548, 420), new Slot("place_of_issue", 380, 624, 440));

    private final TextRecognizer ocr;

    /** @param ocr a Vietnamese recogniser */
    public PassportVizReader(TextRecognizer ocr) {
        this.ocr = ocr;
    }

    public Map<String, CccdFrontReader.Field> read(RgbImage page) {
        double sx = page.width() / (double) WIDTH;
        double sy = page.height() / (double) HEIGHT;
        Map<String, CccdFrontReader.Field> fields = new LinkedHashMap<>();
        for (Slot slot : SLOTS) {
            // One label-and-value block at a time, enlarged 2x: over a whole column Tesseract drops
            // some of the small labels, and a value whose label is lost cannot be named.
            List<String> lines = ocr.lines(page.bilinear((float) (slot.x() * sx), (float) (slot.y() * sy),
                    (float) (slot.width() * sx), (float) (BLOCK * sy), slot.width() * 2, BLOCK * 2), null);
            String value = valueUnder(lines);
            if (value != null) {
                fields.put(slot.name(), parse(slot.name(), value));
            }
        }
        return fields;
    }

    /** A value line starts this far below its slot's top (under the label) and is this high (page pixels). */
    private static final int VALUE_TOP = 26;
    private static final int VALUE_HEIGHT = 42;

    /**
     * Further readings of one field: its value line alone, in single-line mode at 1x and 1.5x (dates
     * restricted to digits and slashes). Tone marks on bold capitals and blurred digits are misread
     * differently at different sizes, and a blurred label can hide the value from the block reading.
     */
    public List<String> valueReadings(RgbImage page, String name) {
        return readings(ocr, page, name, false);
    }

    /**
     * The value line read as {@link #valueReadings} does, after Richardson-Lucy deconvolution: an
     * out-of-focus or glared line whose tone marks or digits the plain readings lost. Costs two more
     * OCR passes and a deconvolution, so it is asked for only when the plain readings do not settle.
     */
    public List<String> deblurredReadings(RgbImage page, String name) {
        return readings(ocr, page, name, true);
    }

    /**
     * The value line read as {@link #valueReadings} does by the second OCR model
     * ({@link TextRecognizer#secondOpinion}), which slips on other letters and marks; empty when
     * there is none.
     */
    public List<String> secondModelReadings(RgbImage page, String name) {
        return ocr.secondOpinion() == null ? List.of() : readings(ocr.secondOpinion(), page, name, false);
    }

    private static List<String> readings(TextRecognizer ocr, RgbImage page, String name, boolean deblurred) {
        boolean date = name.startsWith("date_of_");
        List<String> readings = new ArrayList<>();
        for (double scale : SCALES) {
            RgbImage line = valueLine(page, name, scale);
            if (deblurred) {
                line = Deblur.richardsonLucy(line, DEBLUR_SIGMA * scale, DEBLUR_STEPS);
            }
            String text = ocr.line(line, date ? DATE_CHARACTERS : null).text().strip();
            readings.add(date ? text : CccdFrontReader.mergeSplitVowels(CccdFrontReader.tilde(text)));
        }
        return readings;
    }

    /**
     * The eight digit positions (ddMMyyyy) of a printed date with the digits OCR considered at each,
     * over its value line at 1x and 1.5x, plain and deconvolved (null when no view shows eight digits).
     */
    public List<Map<Character, Double>> dateDigitChoices(RgbImage page, String name) {
        List<RgbImage> views = new ArrayList<>();
        for (double scale : SCALES) {
            RgbImage line = valueLine(page, name, scale);
            views.add(line);
            views.add(Deblur.richardsonLucy(line, DEBLUR_SIGMA * scale, DEBLUR_STEPS));
        }
        return DigitChoices.of(ocr, views);
    }

    /**
     * The name as the other OCR models spell it on its value line with other tone marks, or as the
     * likelier spelling of marks the first model saw two ways on the line at its printed size (where
     * the grave of TUYỀN shows as a runner-up; enlarged, the first model sees the hook only); null if
     * neither changes it ({@link NameMarks}).
     */
    public String nameDisputed(RgbImage page, String name) {
        return NameMarks.settle(ocr, valueLine(page, "full_name", 1.5), valueLine(page, "full_name", 1.0), name);
    }

    private static final double[] SCALES = {1.0, 1.5};
    private static final String DATE_CHARACTERS = "0123456789/";
    /**
     * Richardson-Lucy on a value line: a Gaussian of 2.5 page pixels (1250 x 880), what the blurred
     * photos' bold capitals measure, over a few steps (the CCCD reader's dates use the same steps).
     */
    private static final double DEBLUR_SIGMA = 2.5;
    private static final int DEBLUR_STEPS = 10;

    /** A field's value line alone (under its label), enlarged {@code scale} times. */
    private static RgbImage valueLine(RgbImage page, String name, double scale) {
        Slot slot = SLOTS.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        double sx = page.width() / (double) WIDTH;
        double sy = page.height() / (double) HEIGHT;
        return page.bilinear((float) (slot.x() * sx), (float) ((slot.y() + VALUE_TOP) * sy),
                (float) (slot.width() * sx), (float) (VALUE_HEIGHT * sy),
                (int) Math.round(slot.width() * scale), (int) Math.round(VALUE_HEIGHT * scale));
    }

    /** The last line (the value is printed under its label, which may be read garbled); null if it is a label itself. */
    private static String valueUnder(List<String> lines) {
        if (lines.isEmpty() || field(lines.get(lines.size() - 1)) != null) {
            return null;
        }
        return lines.get(lines.size() - 1).strip();
    }

    private static CccdFrontReader.Field parse(String name, String value) {
        return switch (name) {
            case "date_of_birth", "date_of_issue", "date_of_expiry" -> CccdFrontReader.date(value);
            case "passport_number" -> checked(value.replace(" ", ""), "[A-Z]\\d{7,8}");
            case "id_number" -> checked(value.replace(" ", ""), "\\d{12}");
            case "full_name" -> checked(CccdFrontReader.mergeSplitVowels(CccdFrontReader.tilde(value)), "[\\p{Lu} ]{3,}");
            case "sex" -> sex(value);
            case "place_of_birth" -> checked(province(value), ".*\\p{L}{2,}.*");
            case "place_of_issue" -> issuer(value);
            default -> checked(value, ".*\\p{L}{2,}.*");
        };
    }

    /**
     * A place of issue whose letters, marks aside, are at most three edits from the Immigration
     * Department's name is that name: OCR slips on its hooks and dots ("Cục Quán tý xuất nhập cánh").
     * To be reviewed when more than marks differ. Any other issuer (an embassy) is kept as read.
     */
    static CccdFrontReader.Field issuer(String value) {
        String folded = CccdFrontReader.fold(value.strip());
        String known = CccdFrontReader.fold(IMMIGRATION_DEPARTMENT);
        int edits = AddressSplit.distance(folded, known, 4);
        if (edits <= 3) {
            return new CccdFrontReader.Field(IMMIGRATION_DEPARTMENT, edits > 0);
        }
        return checked(value, ".*\\p{L}{2,}.*");
    }

    /** Provinces print as "TỈNH ..." or "THÀNH PHỐ ...": OCR's usual slip on the hook above the I is undone. */
    static String province(String value) {
        return value.replaceFirst("^T[ÍÌĨỊI]NH ", "TỈNH ");
    }

    private static String field(String line) {
        String folded = CccdFrontReader.fold(line);
        for (String[] label : LABELS) {
            if (folded.contains(label[0])) {
                return label[1];
            }
        }
        return null;
    }

    private static CccdFrontReader.Field checked(String value, String format) {
        return new CccdFrontReader.Field(value, !value.matches(format));
    }

    /** "NAM/M" or "NỮ/F" as the canonical Nam / Nữ. */
    private static CccdFrontReader.Field sex(String value) {
        String folded = CccdFrontReader.fold(value);
        String sex = folded.startsWith("nam") || folded.endsWith("/m") ? "Nam"
                : folded.startsWith("nu") || folded.endsWith("/f") ? "Nữ" : "";
        return new CccdFrontReader.Field(sex, sex.isEmpty());
    }
}
