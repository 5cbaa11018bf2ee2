package io.openekyc.vision.document.generator;

import io.openekyc.vision.document.mrz.MrzParser;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws the data page of a specimen Vietnamese passport (1250 x 880 px, the page's 125 x 88 mm,
 * ICAO TD3): portrait on the left, bilingual labels with the value under each in two columns, and a
 * two-line OCR-B MRZ with correct check digits at the bottom. Every page says SPECIMEN.
 */
public final class PassportRenderer {

    public static final int WIDTH = 1250;
    public static final int HEIGHT = 880;
    /** Left edges of the two label columns (the reader crops the page at the same places). */
    public static final int COLUMN_A = 390;
    public static final int COLUMN_B = 830;
    private static final Color LABEL = new Color(0x303030);
    private static final Color VALUE = Color.BLACK;

    private final Font regular;
    private final Font bold;
    private final Font ocrB;

    public PassportRenderer() {
        this.regular = CardRenderer.font(CardRenderer.DEJAVU, "fonts-dejavu-core");
        this.bold = CardRenderer.font(CardRenderer.DEJAVU_BOLD, "fonts-dejavu-core");
        this.ocrB = CardRenderer.font(CardRenderer.OCR_B, "fonts-ocr-b");
    }

    public BufferedImage page(VnPassport passport, BufferedImage portrait) {
        VnIdentity holder = passport.holder();
        BufferedImage page = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = CardRenderer.graphics(page);
        g.setPaint(new GradientPaint(0, 0, new Color(0xF3EEDD), WIDTH, HEIGHT, new Color(0xE4EEE6)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        // Fine wavy security lines, lighter than any text.
        g.setColor(new Color(0, 110, 90, 16));
        for (int i = 0; i < 70; i++) {
            g.drawArc(-300 + i * 28, -200, 1100, 1000, 0, 180);
        }
        g.setColor(new Color(0xB22222));
        g.fillOval(45, 28, 100, 100);
        g.setColor(new Color(0xF2C200));
        g.fillOval(75, 58, 40, 40);
        CardRenderer.text(g, bold, 24, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 240, 58, VALUE);
        CardRenderer.text(g, regular, 17, "SOCIALIST REPUBLIC OF VIET NAM", 400, 88, LABEL);
        CardRenderer.text(g, bold, 28, "HỘ CHIẾU / PASSPORT", 420, 132, new Color(0x8B1A1A));
        CardRenderer.drawPortrait(g, portrait, 45, 185, 300, 400);

        int a = COLUMN_A;
        int b = COLUMN_B;
        field(g, "Loại/Type", "P", a, 190);
        field(g, "Mã số/Code", "VNM", a + 200, 190);
        field(g, "Số hộ chiếu/Passport No.", passport.number(), b, 190);
        field(g, "Họ và tên/Full name", holder.fullName(), a, 266);
        field(g, "Quốc tịch/Nationality", "VIỆT NAM/VIETNAMESE", a, 342);
        field(g, "Ngày sinh/Date of birth", CardRenderer.printed(holder.birthDate()), a, 418);
        field(g, "Nơi sinh/Place of birth", passport.placeOfBirth(), b, 418);
        field(g, "Giới tính/Sex", "M".equals(holder.sex()) ? "NAM/M" : "NỮ/F", a, 494);
        field(g, "Số GCMND/ID card No.", holder.number(), b, 494);
        field(g, "Ngày cấp/Date of issue", CardRenderer.printed(passport.issueDate()), a, 570);
        field(g, "Có giá trị đến/Date of expiry", CardRenderer.printed(passport.expiryDate()), b, 570);
        field(g, "Nơi cấp/Place of issue", passport.placeOfIssue(), a, 646);
        CardRenderer.text(g, regular, 15, "SPECIMEN SIGNATURE", 70, 640, LABEL);

        g.setColor(Color.WHITE);
        g.fillRect(0, 715, WIDTH, HEIGHT - 715);
        Font mrzFont = ocrB.deriveFont(40f);
        // The 44 characters fill the page width less the ICAO margins.
        float size = 40f * 1160 / g.getFontMetrics(mrzFont).stringWidth("<".repeat(44));
        int y = 780;
        for (String line : mrz(passport)) {
            CardRenderer.text(g, ocrB, size, line, 45, y, VALUE);
            y += 60;
        }
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-0.3, WIDTH / 2.0, HEIGHT / 2.0);
        CardRenderer.text(rotated, bold, 80, "SPECIMEN", 420, 470, new Color(200, 0, 0, 34));
        rotated.dispose();
        g.dispose();
        return page;
    }

    /** A label and its value on the line under it; long values shrink to the column. */
    private void field(Graphics2D g, String label, String value, int x, int y) {
        CardRenderer.text(g, regular, 16, label, x, y, LABEL);
        CardRenderer.text(g, bold, 24, value, x, y + 34, VALUE, (x < COLUMN_B ? COLUMN_B - 20 : WIDTH - 30) - x);
    }

    /** TD3 MRZ: names without diacritics, the passport number, and the CCCD number as personal number. */
    public static List<String> mrz(VnPassport passport) {
        VnIdentity holder = passport.holder();
        String[] words = CardRenderer.ascii(holder.fullName()).split(" ");
        String given = String.join("<", java.util.Arrays.copyOfRange(words, 1, words.length));
        String line1 = CardRenderer.pad("P<VNM" + words[0] + "<<" + given, 44).substring(0, 44);
        String number = CardRenderer.pad(passport.number(), 9);
        String birth = CardRenderer.MRZ_DATE.format(holder.birthDate());
        String expiry = CardRenderer.MRZ_DATE.format(passport.expiryDate());
        String personal = CardRenderer.pad(holder.number(), 14);
        String line2 = number + MrzParser.checkDigit(number) + "VNM" + birth + MrzParser.checkDigit(birth) + holder.sex()
                + expiry + MrzParser.checkDigit(expiry) + personal + MrzParser.checkDigit(personal);
        String composite = line2.substring(0, 10) + line2.substring(13, 20) + line2.substring(21, 43);
        return List.of(line1, line2 + MrzParser.checkDigit(composite));
    }
}
