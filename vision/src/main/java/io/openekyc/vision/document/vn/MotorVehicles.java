package io.openekyc.vision.document.vn;

import io.openekyc.vision.document.ocr.CardText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words a Vietnamese motorcycle registration prints from short closed lists: brands ("Nhãn
 * hiệu"), their model names ("Số loại") and paint colours ("Màu sơn"). The generator draws from
 * them; the reader writes a value OCR read as one of them (without tone marks) as the list spells it.
 */
public final class MotorVehicles {

    /** Brand -> model names sold in Viet Nam. */
    public static final Map<String, List<String>> MODELS = models();
    public static final List<String> COLORS = List.of("Đỏ", "Đen", "Xám Đen", "Trắng", "Xanh", "Vàng", "Bạc",
            "Đỏ Đen", "Trắng Đen", "Xanh Đen", "Nâu", "Xám");

    private MotorVehicles() {
    }

    private static Map<String, List<String>> models() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("HONDA", List.of("WAVE", "WAVE ALPHA", "FUTURE", "VISION", "AIR BLADE", "LEAD", "SH MODE", "WINNER X",
                "DREAM", "BLADE"));
        m.put("YAMAHA", List.of("SIRIUS", "EXCITER", "JUPITER", "NOUVO", "GRANDE", "JANUS", "NVX", "LATTE"));
        m.put("SUZUKI", List.of("RAIDER", "SATRIA", "AXELO", "VIVA", "IMPULSE"));
        m.put("PIAGGIO", List.of("LIBERTY", "VESPA SPRINT", "VESPA PRIMAVERA", "MEDLEY"));
        m.put("SYM", List.of("ELEGANT", "ATTILA", "GALAXY", "ANGELA"));
        m.put("VINFAST", List.of("KLARA", "FELIZ", "EVO200", "VENTO"));
        return m;
    }

    /** The brand a read value names, as the list spells it; the value as read when it names none. */
    public static String brand(String read) {
        return closed(read, List.copyOf(MODELS.keySet()));
    }

    /** The model name a read value names (of any brand). */
    public static String model(String read) {
        return closed(read, MODELS.values().stream().flatMap(List::stream).toList());
    }

    /** The colour a read value names, with its tone marks. */
    public static String color(String read) {
        return closed(read, COLORS);
    }

    /** Whether {@code value} is spelled exactly as one of the list's words. */
    public static boolean known(String value) {
        return MODELS.containsKey(value) || COLORS.contains(value)
                || MODELS.values().stream().anyMatch(models -> models.contains(value));
    }

    /** The list's word the read value spells, or its first words spell (OCR adds specks after a value: "PIAGGIO %6"). */
    private static String closed(String read, List<String> words) {
        String[] parts = read.strip().split("\\s+");
        for (int n = parts.length; n >= 1; n--) {
            String key = letters(String.join(" ", java.util.Arrays.copyOfRange(parts, 0, n)));
            for (String word : words) {
                if (!key.isEmpty() && letters(word).equals(key)) {
                    return word;
                }
            }
        }
        return read;
    }

    private static String letters(String text) {
        return CardText.fold(text).replaceAll("[^a-z0-9]", "");
    }
}
