package io.openekyc.vision.document.vn;

import io.openekyc.vision.document.ocr.CardText;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Syllables of Vietnamese given and middle names, with their tone marks (drawn from some 2,400
 * common male and female given names: the Vietnamese person-name lists of the Faker locale data, MIT,
 * {@code shared/data/names/vi_person_names.json}; its 34 "generic" given names, from which the card
 * generator draws, were left out; THỊ, the commonest women's middle name, which those lists of given
 * names lack, was added). OCR slips on the marks of bold capitals (LÁM for LÂM, XUÂM
 * for XUÂN); a name word that is no such syllable is spelled as the one syllable whose every letter
 * Tesseract also considered at its position, the best by summed confidence. Nothing is invented:
 * a word already a name syllable (HIẾU and HIỂU both are) is left as read unless OCR saw another
 * syllable of its letters nearly as well, which then weighs by how many names hold each
 * ({@link #likelier}); one no syllable fits or two fit equally is left as read.
 */
public final class GivenNames {

    /**
     * Each syllable with the number of names in those lists that hold it (TUYỀN 10, TUYỂN 1): how
     * often a name is spelled so, the prior of {@link #likelier}.
     */
    static final Map<String, Integer> NAMES_HOLDING = namesHolding((
            "AN:32 ANH:77 BAN:1 BÀO:1 BÁ:11 BÁCH:2 BÌNH:32 BÍCH:38 BĂNG:7 BẠCH:13 BẢO:56 BẮC:2 BẰNG:5 BỔNG:1 BỘI:1 "
            + "BỬU:4 BỮU:1 CA:1 CAM:1 CANH:1 CAO:12 CHI:21 CHINH:2 CHIÊU:5 CHIẾN:2 CHIỂU:2 CHUNG:2 CHUYÊN:1 CHUẨN:1 "
            + "CHÁNH:1 CHÂU:18 CHÍ:13 CHÍNH:7 CHƯƠNG:2 CHƯỞNG:1 CHẤN:4 CHẾ:1 CUNG:1 CÁT:7 CÔNG:23 CÚC:3 CƠ:1 CƯƠNG:8 "
            + "CƯỜNG:17 CẢNH:7 CẦM:3 CẦN:1 CẨM:12 CẨN:2 DANH:8 DAO:2 DI:4 DINH:2 DIÊN:1 DIỄM:27 DIỆP:5 DIỆU:22 DOANH:2 "
            + "DU:2 DUNG:11 DUY:42 DUYÊN:14 DUYỆT:1 DUỆ:1 DÂN:6 DÃ:3 DŨNG:26 DƯƠNG:15 DẠ:7 DỤNG:1 GIA:37 GIANG:34 "
            + "GIAO:5 GIÁC:1 GIÁNG:3 GIÁP:1 HIÊN:1 HIẾU:19 HIỀN:23 HIỂN:3 HIỂU:1 HIỆP:15 HOA:22 HOAN:1 HOÀI:15 HOÀN:8 "
            + "HOÀNG:47 HOÁN:1 HOẠ:1 HOẠT:1 HUY:29 HUYNH:1 HUYỀN:20 HUÂN:1 HUẤN:3 HUỆ:17 HUỲNH:2 HÀ:38 HÀM:5 HÀNH:1 "
            + "HÀO:6 HÁN:1 HÂN:5 HÃN:1 HÒA:25 HÙNG:24 HƯNG:11 HƯƠNG:40 HƯỚNG:3 HƯỜNG:4 HƯỞNG:1 HẠ:10 HẠC:1 HẠNH:32 "
            + "HẠO:1 HẢI:54 HẢO:5 HẬU:5 HẰNG:15 HỌA:1 HỌC:2 HỒ:3 HỒNG:74 HỘI:1 HỢP:3 HỮU:44 HỶ:1 KHA:1 KHAI:2 KHANG:15 "
            + "KHANH:21 KHIÊM:7 KHIẾT:2 KHIẾU:1 KHOA:6 KHOAN:1 KHOÁT:1 KHUYÊN:3 KHUYẾN:1 KHUÊ:8 KHÁNH:47 KHÊ:2 KHÔI:11 "
            + "KHÚC:1 KHƯƠNG:4 KHẢ:3 KHẢI:9 KHẮC:13 KHỞI:1 KIM:47 KIÊN:12 KIẾM:1 KIẾN:3 KIẾT:2 KIỀU:22 KIỆN:1 KIỆT:6 "
            + "KÊ:1 KÍNH:1 KỲ:8 KỶ:1 LAI:2 LAM:13 LAN:37 LINH:46 LIÊM:3 LIÊN:26 LIỄU:4 LIỆT:1 LOAN:22 LONG:23 LUÂN:2 "
            + "LUẬN:3 LUẬT:1 LY:13 LÂM:36 LÂN:4 LÊ:1 LÝ:7 LĂNG:1 LĨNH:3 LƯU:1 LƯƠNG:7 LẠC:5 LẬP:4 LỄ:3 LỆ:18 LỘ:1 "
            + "LỘC:12 LỢI:4 LỤC:1 LỰC:5 MAI:53 MI:6 MINH:128 MIÊN:3 MY:15 MẠNH:18 MẪN:4 MẬU:1 MỘC:1 MỘNG:19 MỸ:41 "
            + "NAM:29 NGA:19 NGHI:9 NGHIÊM:1 NGHIỆP:3 NGHĨA:7 NGHỊ:6 NGUYÊN:34 NGUYẾT:1 NGUYỄN:1 NGUYỆT:21 NGÀ:5 "
            + "NGÂN:14 NGÔN:4 NGẠN:1 NGỌC:105 NHAN:1 NHI:38 NHIÊN:6 NHIỆM:1 NHU:1 NHUNG:7 NHUẬN:1 NHÀN:2 NHÂN:23 "
            + "NHÃ:16 NHƠN:1 NHƯ:26 NHƯỢNG:1 NHẠN:1 NHẤT:3 NHẬT:30 NINH:5 NIỆM:1 NĂNG:2 NƯƠNG:8 NỮ:1 OANH:16 PHI:16 "
            + "PHONG:23 PHU:1 PHÁP:1 PHÁT:5 PHÚ:14 PHÚC:19 PHƯƠNG:81 PHƯỚC:14 PHƯỢNG:23 PHỤC:1 PHỤNG:5 QUANG:53 "
            + "QUYÊN:15 QUYẾT:3 QUYỀN:5 QUÂN:19 QUÝ:5 QUẢNG:5 QUẾ:11 QUỐC:45 QUỲNH:43 SA:4 SAN:6 SANG:3 SAO:2 SINH:10 "
            + "SIÊU:2 SONG:3 SÁNG:1 SÂM:1 SÔNG:2 SĨ:3 SƠN:38 SƯƠNG:7 SỬ:1 SỸ:6 THANH:99 THI:14 THIÊN:32 THIẾU:3 "
            + "THIỀU:1 THIỆN:33 THIỆU:1 THOA:3 THOẠI:1 THU:48 THUYẾT:1 THUẦN:3 THUẬN:14 THUẬT:1 THY:10 THÀNH:39 "
            + "THÁI:31 THÊU:1 THÔNG:13 THÙY:13 THÚC:1 THÚY:33 THĂNG:1 THƠ:9 THƯ:13 THƯƠNG:10 THƯỜNG:2 THƯỢNG:6 THẠC:1 "
            + "THẠCH:7 THẢO:39 THẤT:3 THẮM:1 THẮNG:16 THẾ:21 THỂ:1 THỊNH:12 THỌ:7 THỐNG:3 THỜI:2 THỤ:1 THỤC:14 THỤY:13 "
            + "THỦY:21 THỰC:3 TINH:1 TIÊN:14 TIẾN:11 TIẾP:1 TIỀN:2 TIỂN:1 TIỂU:4 TOÀN:10 TOẠI:1 TOẢN:3 TRANG:34 "
            + "TRANH:1 TRINH:13 TRIẾT:1 TRIỀU:6 TRIỂN:1 TRIỆU:6 TRUNG:28 TRÀ:6 TRÁC:1 TRÁNG:1 TRÂM:12 TRÂN:6 TRÌNH:2 "
            + "TRÍ:14 TRÚC:25 TRƯƠNG:1 TRƯỜNG:23 TRƯỞNG:1 TRẠCH:1 TRẦM:2 TRỌNG:18 TRỤ:2 TRỰC:1 TUYẾN:1 TUYẾT:29 "
            + "TUYỀN:10 TUYỂN:1 TUẤN:37 TUỆ:6 TY:1 TÀI:9 TÂM:40 TÂN:10 TÍCH:2 TÍN:3 TÍNH:1 TÔN:1 TÙNG:10 TÙY:2 TÚ:19 "
            + "TÚY:1 TƯỜNG:23 TẠ:1 TẤN:13 TẤT:3 TỊNH:7 TỐ:6 TỔ:1 TỤ:1 TỪ:5 UY:4 UYÊN:31 UYỂN:9 VI:8 VINH:11 VIÊN:1 "
            + "VIẾT:3 VIỄN:4 VIỆT:59 VU:1 VY:20 VÀNG:1 VÀNH:1 VÂN:48 VÕ:5 VĂN:8 VĨ:1 VĨNH:10 VŨ:18 VƯƠNG:5 VƯỢNG:2 "
            + "VẠN:4 VỊNH:1 VỌNG:1 VỸ:1 XANH:1 XUYẾN:2 XUÂN:69 YÊN:6 YẾN:32 ÁI:11 ÁN:1 ÁNH:17 ÂN:15 Ý:7 ĐAN:15 ĐINH:2 "
            + "ĐIỀN:2 ĐIỆP:5 ĐOAN:4 ĐOÀN:3 ĐÀI:2 ĐÀN:1 ĐÀO:8 ĐÌNH:26 ĐÔN:1 ĐÔNG:15 ĐĂNG:8 ĐƠN:1 ĐƯỜNG:1 ĐẠI:6 ĐẠO:3 "
            + "ĐẠT:10 ĐẮC:7 ĐỆ:1 ĐỊNH:6 ĐỒNG:4 ĐỘ:1 ĐỨC:53 ẤU:1 ẨN:1 ").strip());

    /** The syllables: those of the lists, and THỊ (its frequency unknown, so it takes no part in {@link #likelier}). */
    static final Set<String> SYLLABLES = syllables();

    /**
     * A spelling OCR saw at least this well (its least sure letter) competes with the one it put first;
     * runners-up below it are the model's noise, not a second reading of the marks.
     */
    static final double SEEN = 0.5;

    private GivenNames() {
    }

    private static Map<String, Integer> namesHolding(String table) {
        Map<String, Integer> holding = new HashMap<>();
        for (String entry : table.split(" ")) {
            int colon = entry.indexOf(':');
            holding.put(entry.substring(0, colon), Integer.parseInt(entry.substring(colon + 1)));
        }
        return Map.copyOf(holding);
    }

    private static Set<String> syllables() {
        Set<String> syllables = new HashSet<>(NAMES_HOLDING.keySet());
        syllables.add("THỊ");
        return Set.copyOf(syllables);
    }

    /** Whether the word (any case) is a given- or middle-name syllable with these tone marks. */
    public static boolean known(String word) {
        return SYLLABLES.contains(Normalizer.normalize(word.toUpperCase(Locale.ROOT), Normalizer.Form.NFC));
    }

    /** The syllables by their letters, tone marks aside ("lam": LAM and LÂM), folded once. */
    private static final Map<String, List<String>> BY_LETTERS =
            SYLLABLES.stream().collect(Collectors.groupingBy(CardText::fold));

    /** The name syllables the word's letters spell, tone marks aside (LAM and LÂM for "LAM"); empty when none does. */
    public static List<String> spelledBy(String word) {
        return BY_LETTERS.getOrDefault(CardText.fold(word), List.of());
    }

    /** How many names in the lists hold the syllable (0 for one they lack, and for THỊ, whose count is unknown). */
    public static int holding(String syllable) {
        return NAMES_HOLDING.getOrDefault(Normalizer.normalize(syllable, Normalizer.Form.NFC), 0);
    }

    /** The one name syllable the word's letters spell, tone marks aside (TÂM for TÁM); null when none or several do. */
    static String onlySyllableOf(String word) {
        List<String> syllables = BY_LETTERS.get(CardText.fold(word));
        return syllables == null || syllables.size() != 1 ? null : syllables.getFirst();
    }

    /** Whether the word's letters, tone marks aside, spell a given- or middle-name syllable (LAM for LÂM too). */
    static boolean spellsSyllable(String word) {
        return BY_LETTERS.containsKey(CardText.fold(word));
    }

    /** Whether every word after the family name ({@code words[0]}) is a given-name syllable. */
    static boolean allKnown(String[] words) {
        for (int i = 1; i < words.length; i++) {
            if (!known(words[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Respells in place the given and middle names of {@code words} (all but the family name) that
     * are no name syllable, each from the letters OCR considered at its positions
     * ({@code alternatives}, one list per word as read, aligned with {@code words}); a word whose
     * letters do not line up, or that no single syllable fits, is left as read.
     *
     * @return {@code confidence}, lowered to that of the least sure letter chosen
     */
    static double respell(String[] words, List<List<Map<String, Double>>> alternatives, double confidence) {
        for (int i = 1; i < words.length; i++) {
            if (known(words[i]) || alternatives.get(i).size() != words[i].length()) {
                continue;
            }
            Map.Entry<String, Double> syllable = spelled(alternatives.get(i));
            if (syllable != null) {
                words[i] = syllable.getKey();
                confidence = Math.min(confidence, syllable.getValue());
            }
        }
        return confidence;
    }

    /**
     * The spelling of {@code word}'s letters most likely printed, where OCR saw more than one: each
     * syllable with those letters that OCR saw at least {@link #SEEN} well at every position
     * ({@code positions}, the letters it considered there with their confidence) weighs as how well it
     * was seen times how many names hold it. The marks of bold capitals are a few pixels: Tesseract's
     * Vietnamese models see the grave of TUYỀN nearly as well as the hook of TUYỂN (0.85 against 0.93)
     * and put the hook first, while 10 names in the lists hold TUYỀN and 1 holds TUYỂN. The word's own
     * spelling must be among those seen (else the letters are another reading's); a word whose marks
     * OCR saw one way only stays, however rare (HIỂU, read with no runner-up, is not made HIẾU).
     *
     * @return the likelier spelling, or null when the word stays
     */
    static String likelier(String word, List<Map<String, Double>> positions) {
        String spelled = Normalizer.normalize(word.toUpperCase(Locale.ROOT), Normalizer.Form.NFC);
        Integer holding = NAMES_HOLDING.get(spelled);
        if (holding == null || positions.size() != spelled.length()) {
            return null;
        }
        double own = seen(spelled, positions);
        if (own < SEEN) {
            return null;
        }
        String best = spelled;
        double bestWeight = own * holding;
        for (String syllable : BY_LETTERS.get(CardText.fold(spelled))) {
            Integer holds = NAMES_HOLDING.get(syllable);
            if (holds == null || syllable.length() != spelled.length()) {
                continue; // THỊ: no count to weigh
            }
            double seen = seen(syllable, positions);
            if (seen >= SEEN && seen * holds > bestWeight) {
                best = syllable;
                bestWeight = seen * holds;
            }
        }
        return best.equals(spelled) ? null : best;
    }

    /** How well OCR saw {@code syllable}: the confidence of its least sure letter, 0 where a letter was not considered. */
    private static double seen(String syllable, List<Map<String, Double>> positions) {
        double least = 1;
        for (int i = 0; i < syllable.length(); i++) {
            least = Math.min(least, positions.get(i).getOrDefault(String.valueOf(syllable.charAt(i)), 0.0));
        }
        return least;
    }

    /**
     * The syllable spelled by the letters Tesseract considered, one map of letter to confidence per
     * position of the word as read; null when no syllable fits, or two fit equally well.
     *
     * @return the syllable and its least letter confidence
     */
    static Map.Entry<String, Double> spelled(List<Map<String, Double>> positions) {
        String best = null;
        double bestSum = -1;
        double bestLeast = 0;
        boolean tie = false;
        for (String syllable : SYLLABLES) {
            if (syllable.length() != positions.size()) {
                continue;
            }
            double sum = 0;
            double least = 1;
            for (int i = 0; i < syllable.length() && sum >= 0; i++) {
                Double confidence = positions.get(i).get(String.valueOf(syllable.charAt(i)));
                if (confidence == null) {
                    sum = -1;
                } else {
                    sum += confidence;
                    least = Math.min(least, confidence);
                }
            }
            if (sum > bestSum + 1e-9) {
                best = syllable;
                bestSum = sum;
                bestLeast = least;
                tie = false;
            } else if (sum >= 0 && Math.abs(sum - bestSum) <= 1e-9) {
                tie = true;
            }
        }
        return best == null || tie ? null : Map.entry(best, bestLeast);
    }
}
