package io.openekyc.vision.document.generator;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.List;

/**
 * Draws specimen motorcycle registrations ("Giấy chứng nhận đăng ký xe mô tô, xe máy"), the side
 * with the owner and the vehicle, 1000 x 630 px: the old laminated paper certificate (cream, framed,
 * Vietnamese labels only) and the plastic card of 2020 (ID-1, bilingual labels, the issuing police
 * unit). Each label stands with its value on one line; the place and date of the last registration
 * close the card ("Hà Nội, ngày 10 tháng 3 năm 2007"). Every card says SPECIMEN.
 */
public final class MrcRenderer {

    public static final String TITLE = "GIẤY CHỨNG NHẬN ĐĂNG KÝ XE MÔ TÔ, XE MÁY";
    private static final Color RED = new Color(0xB22222);
    private static final int RIGHT = 950;

    private final CardRenderer base;

    public MrcRenderer(CardRenderer base) {
        this.base = base;
    }

    public BufferedImage render(VnRegistration r) {
        return r.newCard() ? card(r) : paper(r);
    }

    /** The old paper certificate: state header, red title, Vietnamese labels in a double frame. */
    private BufferedImage paper(VnRegistration r) {
        BufferedImage card = CardRenderer.blank(new Color(0xF6EFD9), new Color(0xEFE4C8));
        Graphics2D g = CardRenderer.graphics(card);
        g.setColor(new Color(0x8B3A3A));
        g.setStroke(new BasicStroke(3));
        g.drawRect(14, 14, CardRenderer.WIDTH - 28, CardRenderer.HEIGHT - 28);
        g.setStroke(new BasicStroke(1));
        g.drawRect(22, 22, CardRenderer.WIDTH - 44, CardRenderer.HEIGHT - 44);
        CardRenderer.text(g, base.bold(), 17, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 330, 52, Color.BLACK);
        CardRenderer.text(g, base.bold(), 27, TITLE, 190, 98, RED, 760);
        int x = 50;
        int y = rows(g, r, x, 160, List.of("Tên chủ xe:", "Địa chỉ:", "Nhãn hiệu:", "Số loại:", "Màu sơn:", "Số máy:",
                "Số khung:", "Biển số đăng ký:", "Đăng ký lần đầu ngày:"));
        closing(g, r, Math.max(y + 10, 560));
        base.specimen(g);
        g.dispose();
        return card;
    }

    /** The plastic card of 2020: emblem, title with its English line, bilingual labels, issuing unit. */
    private BufferedImage card(VnRegistration r) {
        BufferedImage card = CardRenderer.blank(new Color(0xE6EEF7), new Color(0xF4ECF2));
        Graphics2D g = CardRenderer.graphics(card);
        CardRenderer.emblem(g, 30, 20, 90);
        CardRenderer.text(g, base.bold(), 27, TITLE, 150, 62, RED, 820);
        CardRenderer.text(g, base.regular(), 16, "MOTORCYCLE REGISTRATION CERTIFICATE", 390, 92, Color.DARK_GRAY);
        int x = 40;
        int y = rows(g, r, x, 140, List.of("Tên chủ xe/Owner's name:", "Địa chỉ/Address:", "Nhãn hiệu/Brand:",
                "Số loại/Model:", "Màu sơn/Color:", "Số máy/Engine No:", "Số khung/Chassis No:",
                "Biển số đăng ký/Plate No:", "Đăng ký lần đầu ngày/First registration:"));
        base.labelled(g, "Nơi cấp/Place of issue:", 15, r.placeOfIssue(), 19, x, y, RIGHT, Color.BLACK);
        closing(g, r, y + 46);
        base.specimen(g);
        g.dispose();
        return card;
    }

    /** The labelled rows, brand and model side by side; returns the y of the next row. */
    private int rows(Graphics2D g, VnRegistration r, int x, int y, List<String> labels) {
        int step = 38;
        float label = r.newCard() ? 15 : 17;
        base.labelled(g, labels.get(0), label, r.ownerName(), 21, x, y, RIGHT, Color.BLACK);
        y += step;
        String rest = base.labelled(g, labels.get(1), label, r.address(), 19, x, y, RIGHT, Color.BLACK);
        for (String line : rest.isEmpty() ? List.<String>of()
                : CardRenderer.wrap(g, base.bold().deriveFont(19f), rest, RIGHT - x)) {
            y += step - 6;
            CardRenderer.text(g, base.bold(), 19, line, x, y, Color.BLACK);
        }
        y += step;
        base.labelled(g, labels.get(2), label, r.brand(), 19, x, y, 500, Color.BLACK);
        base.labelled(g, labels.get(3), label, r.model(), 19, 520, y, RIGHT, Color.BLACK);
        y += step;
        String[] values = {r.color(), r.engineNumber(), r.chassisNumber(), r.numberPlate(),
                CardRenderer.printed(r.firstRegistration())};
        for (int i = 0; i < values.length; i++) {
            boolean plate = i == 3;
            base.labelled(g, labels.get(4 + i), label, values[i], plate ? 22 : 19, x, y, RIGHT,
                    plate ? RED : Color.BLACK);
            y += step;
        }
        return y;
    }

    /** "Place, ngày d tháng M năm yyyy": where and when the vehicle was last registered, right of the middle. */
    private void closing(Graphics2D g, VnRegistration r, int y) {
        LocalDate d = r.lastRegistration();
        CardRenderer.text(g, base.regular(), 17, r.placeOfRegistration() + ", ngày " + d.getDayOfMonth() + " tháng "
                + d.getMonthValue() + " năm " + d.getYear(), 480, y, Color.BLACK);
    }
}
