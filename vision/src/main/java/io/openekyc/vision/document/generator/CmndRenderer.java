package io.openekyc.vision.document.generator;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Draws specimen fronts of the old 9-digit "Giấy chứng minh nhân dân" (CMND, issued until 2016),
 * 1000 x 630 px: emblem and portrait left, the red title and number, then "Họ tên", "Sinh ngày",
 * "Nguyên quán" and "Nơi ĐKHK thường trú" with their values on the label's line (long places run on
 * to the next lines). No QR, no English. Every card says SPECIMEN.
 */
public final class CmndRenderer {

    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("dd-MM-uuuu");
    private static final Color RED = new Color(0xB22222);
    private static final int X = 270;
    private static final int RIGHT = 960;

    private final CardRenderer base;

    public CmndRenderer(CardRenderer base) {
        this.base = base;
    }

    public BufferedImage front(VnIdentity id, BufferedImage portrait) {
        BufferedImage card = CardRenderer.blank(new Color(0xE4F0EC), new Color(0xEEF2E0));
        Graphics2D g = CardRenderer.graphics(card);
        Font bold = base.bold();
        CardRenderer.emblem(g, 30, 40, 115);
        CardRenderer.drawPortrait(g, portrait, 50, 230, 180, 240);
        CardRenderer.text(g, bold, 34, "GIẤY CHỨNG MINH NHÂN DÂN", X, 90, RED);
        CardRenderer.text(g, bold, 26, "SỐ", X + 120, 160, RED);
        CardRenderer.text(g, bold, 32, id.number(), X + 180, 162, RED);
        int y = lined(g, "Họ tên", id.fullName(), 240, 24f);
        y = lined(g, "Sinh ngày", PRINTED.format(id.birthDate()), y, 21f);
        y = lined(g, "Nguyên quán", id.placeOfOrigin(), y, 19f);
        lined(g, "Nơi ĐKHK thường trú", id.placeOfResidence(), y, 19f);
        base.specimen(g);
        g.dispose();
        return card;
    }

    /**
     * A CMND's back. The 9-digit card's: ethnicity and religion, "DẤU VẾT RIÊNG VÀ DỊ HÌNH" with the
     * marks; the 12-digit card's: "Đặc điểm nhận dạng" with the marks. Both: the two index-finger
     * boxes, then "Ngày .. tháng .. năm .." of issue over the signing police director.
     */
    public BufferedImage back(VnCmnd cmnd) {
        boolean twelve = cmnd.holder().number().length() == 12;
        BufferedImage card = twelve ? CardRenderer.blank(new Color(0xE2EEF4), new Color(0xEEF0E4))
                : CardRenderer.blank(new Color(0xE4F0EC), new Color(0xEEF2E0));
        Graphics2D g = CardRenderer.graphics(card);
        if (twelve) {
            base.label(g, "Đặc điểm nhận dạng:", 40, 60);
            CardRenderer.text(g, base.regular(), 17, cmnd.holder().features(), 40, 90, Color.BLACK, 540);
            base.fingerprints(g, "Ngón trỏ trái", "Ngón trỏ phải");
        } else {
            CardRenderer.text(g, base.regular(), 19, "Dân tộc: " + cmnd.ethnicity(), 40, 70, Color.BLACK);
            CardRenderer.text(g, base.regular(), 19, "Tôn giáo: " + cmnd.religion(), 320, 70, Color.BLACK);
            CardRenderer.text(g, base.bold(), 17, "DẤU VẾT RIÊNG VÀ DỊ HÌNH", 40, 130, Color.BLACK);
            CardRenderer.text(g, base.regular(), 17, cmnd.holder().features(), 40, 165, Color.BLACK, 540);
            base.fingerprints(g, "NGÓN TRỎ TRÁI", "NGÓN TRỎ PHẢI");
        }
        LocalDate issue = cmnd.holder().issueDate();
        CardRenderer.text(g, base.regular(), 19, String.format("Ngày %02d tháng %02d năm %d", issue.getDayOfMonth(),
                issue.getMonthValue(), issue.getYear()), 470, 330, Color.BLACK);
        CardRenderer.text(g, base.bold(), 19, "GIÁM ĐỐC " + cmnd.placeOfIssue(), 470, 372, Color.BLACK, 500);
        base.signature(g, 560, 390);
        base.specimen(g);
        g.dispose();
        return card;
    }

    /**
     * The 12-digit CMND's front: the chip CCCD's arrangement (labels on their own lines over the name
     * and places, expiry under the portrait) with Vietnamese labels only, ethnicity beside sex.
     */
    public BufferedImage front12(VnCmnd cmnd, BufferedImage portrait) {
        VnIdentity id = cmnd.holder();
        BufferedImage card = CardRenderer.blank(new Color(0xDDEBF4), new Color(0xEEF0E2));
        Graphics2D g = CardRenderer.graphics(card);
        Font regular = base.regular();
        Font bold = base.bold();
        base.stateHeader(g);
        CardRenderer.text(g, bold, 32, "CHỨNG MINH NHÂN DÂN", 300, 150, RED);
        CardRenderer.drawPortrait(g, portrait, 40, 210, 210, 280);
        CardRenderer.text(g, regular, 15, "Có giá trị đến:", 40, 540, Color.BLACK);
        CardRenderer.text(g, bold, 17, CardRenderer.printed(id.expiryDate()), 40, 575, Color.BLACK);
        int x = 280;
        base.label(g, "Số:", x, 225);
        CardRenderer.text(g, bold, 30, id.number(), x + 120, 228, RED);
        base.label(g, "Họ và tên:", x, 272);
        CardRenderer.text(g, bold, 24, id.fullName(), x, 304, Color.BLACK);
        base.label(g, "Ngày sinh:", x, 342);
        CardRenderer.text(g, bold, 19, CardRenderer.printed(id.birthDate()), x + 230, 342, Color.BLACK);
        base.label(g, "Giới tính:", x, 374);
        CardRenderer.text(g, bold, 19, id.sexLabel(), x + 145, 374, Color.BLACK);
        base.label(g, "Dân tộc:", x + 260, 374);
        CardRenderer.text(g, bold, 19, cmnd.ethnicity(), x + 400, 374, Color.BLACK);
        base.label(g, "Quê quán:", x, 410);
        CardRenderer.text(g, bold, 18, id.placeOfOrigin(), x, 436, Color.BLACK, 690);
        base.label(g, "Nơi thường trú:", x, 478);
        int y = 504;
        for (String line : CardRenderer.wrap(g, bold.deriveFont(18f), id.placeOfResidence(), 690)) {
            CardRenderer.text(g, bold, 18, line, x, y, Color.BLACK);
            y += 26;
        }
        base.specimen(g);
        g.dispose();
        return card;
    }

    /** A label and its value on the same line, the value's overflow on the lines below; returns the next line's y. */
    private int lined(Graphics2D g, String label, String value, int y, float size) {
        String rest = base.labelled(g, label, 19, value, size, X, y, RIGHT, Color.BLACK);
        Font font = base.bold().deriveFont(size);
        y += 40;
        for (String line : rest.isEmpty() ? List.<String>of() : CardRenderer.wrap(g, font, rest, RIGHT - X)) {
            CardRenderer.text(g, base.bold(), size, line, X, y, Color.BLACK);
            y += 36;
        }
        return y + 6;
    }
}
