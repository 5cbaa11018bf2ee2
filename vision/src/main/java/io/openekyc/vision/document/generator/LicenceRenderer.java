package io.openekyc.vision.document.generator;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.format.DateTimeFormatter;

/**
 * Draws specimen fronts of the Vietnamese PET driving licence (2013 and later, 1000 x 630 px) with
 * its bilingual labels: portrait left, personal fields right of it, class and expiry under the
 * portrait, the issuing place and date bottom right. Every card says SPECIMEN.
 */
public final class LicenceRenderer {

    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final Color RED = new Color(0xB22222);

    private final CardRenderer base;

    public LicenceRenderer(CardRenderer base) {
        this.base = base;
    }

    public BufferedImage front(VnLicence licence, BufferedImage portrait) {
        BufferedImage card = CardRenderer.blank(new Color(0xF8EFE6), new Color(0xEAF0F6));
        Graphics2D g = CardRenderer.graphics(card);
        PhCardRenderer.seal(g, RED);
        Font regular = base.regular();
        Font bold = base.bold();
        VnIdentity holder = licence.holder();
        base.stateMotto(g);
        CardRenderer.text(g, bold, 30, "GIẤY PHÉP LÁI XE", 330, 140, RED);
        CardRenderer.text(g, bold, 17, "DRIVER'S LICENSE", 400, 168, Color.DARK_GRAY);
        CardRenderer.drawPortrait(g, portrait, 40, 200, 210, 280);
        int x = 280;
        base.label(g, "Số/No:", x, 222);
        CardRenderer.text(g, bold, 28, licence.number(), x + 80, 225, RED);
        base.label(g, "Họ tên/Full name:", x, 264);
        CardRenderer.text(g, bold, 24, holder.fullName(), x, 296, Color.BLACK, 690);
        base.label(g, "Ngày sinh/Date of Birth:", x, 334);
        CardRenderer.text(g, bold, 19, PRINTED.format(holder.birthDate()), x + 215, 334, Color.BLACK);
        base.label(g, "Quốc tịch/Nationality:", x, 368);
        CardRenderer.text(g, bold, 19, holder.nationality().toUpperCase(java.util.Locale.ROOT), x + 200, 368,
                Color.BLACK);
        base.label(g, "Nơi cư trú/Address:", x, 402);
        int y = 428;
        for (String line : CardRenderer.wrap(g, bold.deriveFont(18f), holder.placeOfResidence(), 690)) {
            CardRenderer.text(g, bold, 18, line, x, y, Color.BLACK);
            y += 26;
        }
        base.label(g, "Hạng/Class:", 40, 528);
        CardRenderer.text(g, bold, 24, licence.licenceClass(), 150, 530, Color.BLACK);
        base.label(g, "Có giá trị đến/Expires:", 40, 574);
        CardRenderer.text(g, bold, 19, licence.expiryDate() == null ? VnLicence.NO_EXPIRY
                : PRINTED.format(licence.expiryDate()), 245, 574, Color.BLACK);
        String place = licence.issuingProvince().replaceFirst("^(Thành phố|Tỉnh) ", "");
        CardRenderer.text(g, regular, 14, place + ", ngày " + licence.issueDate().getDayOfMonth() + " tháng "
                + licence.issueDate().getMonthValue() + " năm " + licence.issueDate().getYear(), 560, 528, Color.DARK_GRAY);
        CardRenderer.text(g, bold, 14, "GIÁM ĐỐC SỞ GIAO THÔNG VẬN TẢI", 580, 552, Color.BLACK);
        base.specimen(g);
        g.dispose();
        return card;
    }
}
