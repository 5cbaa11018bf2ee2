package io.openekyc.vision.document.vn;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Syllables of Vietnamese given and middle names, with their tone marks (drawn from some 2,400
 * common male and female given names: the Vietnamese person-name lists of the Faker locale data, MIT,
 * {@code shared/data/names/vi_person_names.json}; its 34 "generic" given names, from which the card
 * generator draws, were left out; THỊ, the commonest women's middle name, which those lists of given
 * names lack, was added). OCR slips on the marks of bold capitals (LÁM for LÂM, XUÂM
 * for XUÂN); a name word that is no such syllable is spelled as the one syllable whose every letter
 * Tesseract also considered at its position, the best by summed confidence. Nothing is invented:
 * a word already a name syllable (HIẾU and HIỂU both are) is left as read, and so is one no
 * syllable fits or two fit equally.
 */
public final class GivenNames {

    static final Set<String> SYLLABLES = Set.of((
            "AN ANH BAN BÀO BÁ BÁCH BÌNH BÍCH BĂNG BẠCH BẢO BẮC BẰNG BỔNG BỘI BỬU BỮU CA CAM CANH CAO CHI CHINH "
            + "CHIÊU CHIẾN CHIỂU CHUNG CHUYÊN CHUẨN CHÁNH CHÂU CHÍ CHÍNH CHƯƠNG CHƯỞNG CHẤN CHẾ CUNG CÁT CÔNG CÚC "
            + "CƠ CƯƠNG CƯỜNG CẢNH CẦM CẦN CẨM CẨN DANH DAO DI DINH DIÊN DIỄM DIỆP DIỆU DOANH DU DUNG DUY DUYÊN "
            + "DUYỆT DUỆ DÂN DÃ DŨNG DƯƠNG DẠ DỤNG GIA GIANG GIAO GIÁC GIÁNG GIÁP HIÊN HIẾU HIỀN HIỂN HIỂU HIỆP HOA "
            + "HOAN HOÀI HOÀN HOÀNG HOÁN HOẠ HOẠT HUY HUYNH HUYỀN HUÂN HUẤN HUỆ HUỲNH HÀ HÀM HÀNH HÀO HÁN HÂN HÃN "
            + "HÒA HÙNG HƯNG HƯƠNG HƯỚNG HƯỜNG HƯỞNG HẠ HẠC HẠNH HẠO HẢI HẢO HẬU HẰNG HỌA HỌC HỒ HỒNG HỘI HỢP HỮU "
            + "HỶ KHA KHAI KHANG KHANH KHIÊM KHIẾT KHIẾU KHOA KHOAN KHOÁT KHUYÊN KHUYẾN KHUÊ KHÁNH KHÊ KHÔI KHÚC "
            + "KHƯƠNG KHẢ KHẢI KHẮC KHỞI KIM KIÊN KIẾM KIẾN KIẾT KIỀU KIỆN KIỆT KÊ KÍNH KỲ KỶ LAI LAM LAN LINH LIÊM "
            + "LIÊN LIỄU LIỆT LOAN LONG LUÂN LUẬN LUẬT LY LÂM LÂN LÊ LÝ LĂNG LĨNH LƯU LƯƠNG LẠC LẬP LỄ LỆ LỘ LỘC "
            + "LỢI LỤC LỰC MAI MI MINH MIÊN MY MẠNH MẪN MẬU MỘC MỘNG MỸ NAM NGA NGHI NGHIÊM NGHIỆP NGHĨA NGHỊ "
            + "NGUYÊN NGUYẾT NGUYỄN NGUYỆT NGÀ NGÂN NGÔN NGẠN NGỌC NHAN NHI NHIÊN NHIỆM NHU NHUNG NHUẬN NHÀN NHÂN "
            + "NHÃ NHƠN NHƯ NHƯỢNG NHẠN NHẤT NHẬT NINH NIỆM NĂNG NƯƠNG NỮ OANH PHI PHONG PHU PHÁP PHÁT PHÚ PHÚC "
            + "PHƯƠNG PHƯỚC PHƯỢNG PHỤC PHỤNG QUANG QUYÊN QUYẾT QUYỀN QUÂN QUÝ QUẢNG QUẾ QUỐC QUỲNH SA SAN SANG SAO "
            + "SINH SIÊU SONG SÁNG SÂM SÔNG SĨ SƠN SƯƠNG SỬ SỸ THANH THI THIÊN THIẾU THIỀU THIỆN THIỆU THOA THOẠI "
            + "THU THUYẾT THUẦN THUẬN THUẬT THY THÀNH THÁI THÊU THÔNG THÙY THÚC THÚY THĂNG THƠ THƯ THƯƠNG THƯỜNG "
            + "THƯỢNG THẠC THẠCH THẢO THẤT THẮM THẮNG THẾ THỂ THỊ THỊNH THỌ THỐNG THỜI THỤ THỤC THỤY THỦY THỰC TINH "
            + "TIÊN TIẾN TIẾP TIỀN TIỂN TIỂU TOÀN TOẠI TOẢN TRANG TRANH TRINH TRIẾT TRIỀU TRIỂN TRIỆU TRUNG TRÀ "
            + "TRÁC TRÁNG TRÂM TRÂN TRÌNH TRÍ TRÚC TRƯƠNG TRƯỜNG TRƯỞNG TRẠCH TRẦM TRỌNG TRỤ TRỰC TUYẾN TUYẾT TUYỀN "
            + "TUYỂN TUẤN TUỆ TY TÀI TÂM TÂN TÍCH TÍN TÍNH TÔN TÙNG TÙY TÚ TÚY TƯỜNG TẠ TẤN TẤT TỊNH TỐ TỔ TỤ TỪ UY "
            + "UYÊN UYỂN VI VINH VIÊN VIẾT VIỄN VIỆT VU VY VÀNG VÀNH VÂN VÕ VĂN VĨ VĨNH VŨ VƯƠNG VƯỢNG VẠN VỊNH "
            + "VỌNG VỸ XANH XUYẾN XUÂN YÊN YẾN ÁI ÁN ÁNH ÂN Ý ĐAN ĐINH ĐIỀN ĐIỆP ĐOAN ĐOÀN ĐÀI ĐÀN ĐÀO ĐÌNH ĐÔN "
            + "ĐÔNG ĐĂNG ĐƠN ĐƯỜNG ĐẠI ĐẠO ĐẠT ĐẮC ĐỆ ĐỊNH ĐỒNG ĐỘ ĐỨC ẤU ẨN ").strip().split(" "));

    private GivenNames() {
    }

    /** Whether the word (any case) is a given- or middle-name syllable with these tone marks. */
    public static boolean known(String word) {
        return SYLLABLES.contains(Normalizer.normalize(word.toUpperCase(Locale.ROOT), Normalizer.Form.NFC));
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
