package io.openekyc.vision.document.generator;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
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
