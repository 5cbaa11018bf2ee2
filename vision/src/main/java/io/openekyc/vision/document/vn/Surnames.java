package io.openekyc.vision.document.vn;

import io.openekyc.vision.document.ocr.CardText;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The common Vietnamese family names, which open a printed full name. OCR slips tone marks on bold
 * capitals (ĐĂNG for ĐẶNG, NGUYÊN for NGUYỄN); a first word whose letters spell exactly one of these
 * names without marks is written as that name, as place names are restored against the
 * administrative units. A first word spelling none of them is left as read.
 */
public final class Surnames {

    /** The family names of most Vietnamese, each with a spelling of its own once the marks are dropped. */
    private static final Map<String, String> BY_LETTERS = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh",
                    "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Đoàn", "Trịnh",
                    "Trương", "Vương", "Phùng", "Đào", "Tăng", "Lương", "Lưu", "Huỳnh", "Quách", "Thái", "Kiều",
                    "Mạc", "Đàm", "Châu", "Cao", "Tô", "Hà", "Mai", "Lâm")
            .stream().distinct().collect(Collectors.toMap(CardText::fold, Function.identity()));

    private Surnames() {
    }

    /** {@code fullName} (capitals) with its first word written as the family name it spells, when it spells one. */
    public static String restore(String fullName) {
        int space = fullName.indexOf(' ');
        if (space < 0) {
            return fullName;
        }
        String surname = BY_LETTERS.get(CardText.fold(fullName.substring(0, space)));
        return surname == null ? fullName : surname.toUpperCase(Locale.ROOT) + fullName.substring(space);
    }
}
