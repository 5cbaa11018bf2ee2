package io.openekyc.vision.document.generator;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * Draws specimen 2024 "Căn cước" cards (issued since 1 July 2024 under the 2023 Law on
 * Identification), 1000 x 630 px. The front keeps the chip CCCD's portrait-left, QR-top-right
 * layout but prints only the number, name, birth date, sex and nationality, under the new labels;
 * the back prints residence, place of birth registration, issue and expiry dates above the same TD1
 * MRZ. Every card says SPECIMEN.
 */
public final class CanCuocRenderer {

    private static final Color RED = new Color(0xB22222);

    private final CardRenderer base;

    public CanCuocRenderer(CardRenderer base) {
        this.base = base;
    }

    public BufferedImage front(VnIdentity id, BufferedImage portrait) {
        BufferedImage card = CardRenderer.blank(new Color(0xEAF2F8), new Color(0xF6EEE2));
        Graphics2D g = CardRenderer.graphics(card);
        Font regular = base.regular();
        Font bold = base.bold();
        CardRenderer.emblem(g, 40, 40, 110);
        CardRenderer.text(g, bold, 21, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", 200, 58, Color.BLACK);
        CardRenderer.text(g, bold, 18, "Độc lập - Tự do - Hạnh phúc", 300, 86, Color.BLACK);
        CardRenderer.text(g, regular, 14, "SOCIALIST REPUBLIC OF VIET NAM   Independence - Freedom - Happiness", 200, 110,
                Color.DARK_GRAY);
        CardRenderer.text(g, bold, 32, "CĂN CƯỚC", 390, 156, RED);
        CardRenderer.text(g, regular, 16, "IDENTITY CARD", 420, 180, Color.DARK_GRAY);
        CardRenderer.drawPortrait(g, portrait, 40, 210, 210, 280);
        int x = 280;
        base.label(g, "Số định danh cá nhân / Personal identification number:", x, 228);
        CardRenderer.text(g, bold, 30, id.number(), x, 268, RED);
        base.label(g, "Họ, chữ đệm và tên khai sinh / Surname, middle name and given name:", x, 308);
        CardRenderer.text(g, bold, 24, id.fullName(), x, 342, Color.BLACK, 690);
        base.label(g, "Ngày, tháng, năm sinh / Date of birth:", x, 384);
        CardRenderer.text(g, bold, 19, CardRenderer.printed(id.birthDate()), x + 300, 384, Color.BLACK);
        base.label(g, "Giới tính / Sex:", x, 422);
        CardRenderer.text(g, bold, 19, id.sexLabel(), x + 145, 422, Color.BLACK);
        base.label(g, "Quốc tịch / Nationality:", x + 260, 422);
        CardRenderer.text(g, bold, 19, id.nationality(), x + 470, 422, Color.BLACK);
        CardRenderer.drawQr(g, CardRenderer.qrPayload(id), CardRenderer.WIDTH - 190, 25, 150);
        base.specimen(g);
        g.dispose();
        return card;
    }

    /** The back; {@link VnIdentity#placeOfOrigin()} holds the place of birth registration on this card. */
    public BufferedImage back(VnIdentity id) {
        BufferedImage card = CardRenderer.blank(new Color(0xEEF3F6), new Color(0xF5F0E6));
        Graphics2D g = CardRenderer.graphics(card);
        Font regular = base.regular();
        Font bold = base.bold();
        base.label(g, "Nơi cư trú / Place of residence:", 40, 52);
        int y = 80;
        for (String line : CardRenderer.wrap(g, bold.deriveFont(18f), id.placeOfResidence(), 540)) {
            CardRenderer.text(g, bold, 18, line, 40, y, Color.BLACK);
            y += 27;
        }
        base.label(g, "Nơi đăng ký khai sinh / Place of birth:", 40, y + 10);
        CardRenderer.text(g, bold, 18, id.placeOfOrigin(), 40, y + 38, Color.BLACK, 540);
        y += 82;
        base.label(g, "Ngày, tháng, năm cấp / Date of issue:", 40, y);
        CardRenderer.text(g, bold, 18, CardRenderer.printed(id.issueDate()), 380, y, Color.BLACK);
        base.label(g, "Ngày, tháng, năm hết hạn / Date of expiry:", 40, y + 36);
        CardRenderer.text(g, bold, 18, id.expiryDate() == null ? "Không thời hạn" : CardRenderer.printed(id.expiryDate()),
                380, y + 36, Color.BLACK);
        CardRenderer.text(g, bold, 15, "BỘ CÔNG AN", 660, 300, Color.BLACK);
        CardRenderer.text(g, regular, 13, "MINISTRY OF PUBLIC SECURITY", 640, 320, Color.DARK_GRAY);
        g.setColor(new Color(0x1F3A93));
        g.setStroke(new BasicStroke(3));
        g.drawArc(660, 330, 160, 50, 10, 160);
        g.setColor(new Color(0xD4AF37)); // the chip
        g.fillRoundRect(800, 60, 130, 100, 18, 18);
        g.setColor(new Color(0x9C7C1E));
        g.drawRoundRect(800, 60, 130, 100, 18, 18);
        g.setColor(Color.WHITE);
        g.fillRect(0, 430, CardRenderer.WIDTH, 200);
        y = 480;
        for (String line : CardRenderer.mrz(id)) {
            CardRenderer.text(g, base.ocrB(), 36, line, 45, y, Color.BLACK);
            y += 52;
        }
        base.specimen(g);
        g.dispose();
        return card;
    }
}
