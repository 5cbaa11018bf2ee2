package io.openekyc.vision.document.vn;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Common Vietnamese family names (together borne by the great majority of the population), each
 * the only surname its letters spell once tone marks are removed. OCR slips on tone marks of bold
 * capitals (NGUYÊN for NGUYỄN, ĐĂNG for ĐẶNG, ĐÔ for ĐỖ); a surname read with the right letters
 * but other marks is written as the family name spells it. Letters that spell two common family
 * names (LA: La and Lã) are left out; the rare ones (Đăng beside Đặng) are not counted.
 */
public final class Surnames {

    private static final Map<String, String> BY_LETTERS = List.of(
            "NGUYỄN", "TRẦN", "LÊ", "PHẠM", "HOÀNG", "HUỲNH", "PHAN", "VŨ", "VÕ", "ĐẶNG", "BÙI", "ĐỖ", "HỒ",
            "NGÔ", "DƯƠNG", "LÝ", "ĐÀO", "ĐINH", "ĐOÀN", "LÂM", "MAI", "TRỊNH", "TRƯƠNG", "PHÙNG", "TÔ", "HÀ",
            "TĂNG", "VƯƠNG", "CAO", "LƯƠNG", "LƯU", "TẠ", "CHÂU", "QUÁCH", "THÁI", "KIỀU", "TRIỆU", "TÔN",
            "HỨA", "TỪ", "MẠC", "TỐNG", "NGHIÊM", "DIỆP", "KHÚC", "THÂN").stream()
            .collect(Collectors.toUnmodifiableMap(PrintedVsQr::fold, Function.identity()));

    private Surnames() {
    }

    /** Whether the word's letters (tone marks aside) spell one of these family names. */
    static boolean spells(String word) {
        return spelledBy(word) != null;
    }

    /** The family name the word's letters spell (NGUYỄN for NGUYEN), or null when they spell none of these. */
    public static String spelledBy(String word) {
        return BY_LETTERS.get(PrintedVsQr.fold(word));
    }

    /** The name with its first word (the family name) spelled as the surname its letters spell; otherwise as read. */
    public static String restore(String fullName) {
        int space = fullName.indexOf(' ');
        if (space < 0) {
            return fullName; // a lone word is no full name
        }
        String surname = BY_LETTERS.get(PrintedVsQr.fold(fullName.substring(0, space)));
        return surname == null ? fullName : surname + fullName.substring(space);
    }
}
