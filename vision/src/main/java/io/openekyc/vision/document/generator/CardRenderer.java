package io.openekyc.vision.document.generator;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import io.openekyc.vision.document.mrz.MrzParser;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.GradientPaint;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws specimen chip CCCD cards (front and back, 1000 x 630 px, the card's 85.6 x 54 mm) with the
 * printed bilingual labels, a QR payload on the front and an OCR-B TD1 MRZ with correct check
 * digits on the back. Every card says SPECIMEN; none is a real person's.
 */
public final class CardRenderer {

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 630;
    static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    static final Path DEJAVU_BOLD = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");
    static final Path OCR_B = Path.of("/usr/share/fonts/opentype/ocr-b/OCRB.otf");
    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final DateTimeFormatter QR_DATE = DateTimeFormatter.ofPattern("ddMMuuuu");
    static final DateTimeFormatter MRZ_DATE = DateTimeFormatter.ofPattern("uuMMdd");

    private final Font regular;
    private final Font bold;
    private final Font ocrB;

    public CardRenderer() {
        this.regular = font(DEJAVU, "fonts-dejavu-core");
        this.bold = font(DEJAVU_BOLD, "fonts-dejavu-core");
        this.ocrB = font(OCR_B, "fonts-ocr-b");
    }

    Font regular() {
        return regular;
    }

    Font bold() {
        return bold;
    }

    Font ocrB() {
        return ocrB;
    }

    /** The printed card front with its QR. */
    public BufferedImage front(VnIdentity id, BufferedImage portrait) {
        return front(id, portrait, true);
    }

    /** The 2016 CCCD front (no chip): the chip card's layout on a blue-green ground, without the QR. */
    public BufferedImage front2016(VnIdentity id, BufferedImage portrait) {
        return front(id, portrait, false);
    }

    private BufferedImage front(VnIdentity id, BufferedImage portrait, boolean chip) {
        BufferedImage card = chip ? blank(new Color(0xE9F1F7), new Color(0xF7EFE4))
                : blank(new Color(0xD6ECE6), new Color(0xE4F0DA));
        Graphics2D g = graphics(card);
        stateHeader(g);
        text(g, regular, 14, "SOCIALIST REPUBLIC OF VIET NAM   Independence - Freedom - Happiness", 200, 110, Color.DARK_GRAY);
        text(g, bold, 30, "CĂN CƯỚC CÔNG DÂN", 310, 156, new Color(0xB22222));
        text(g, regular, 16, "Citizen Identity Card", 380, 180, Color.DARK_GRAY);
        drawPortrait(g, portrait, 40, 210, 210, 280);
        text(g, regular, 14, "Có giá trị đến:", 40, 530, Color.BLACK);
        text(g, regular, 13, "Date of expiry", 40, 550, Color.DARK_GRAY);
        text(g, bold, 17, id.expiryDate() == null ? "Không thời hạn" : PRINTED.format(id.expiryDate()), 40, 575, Color.BLACK);

        int x = 280;
        label(g, "Số / No.:", x, 225);
        text(g, bold, 30, id.number(), x + 120, 228, new Color(0xB22222));
        label(g, "Họ và tên / Full name:", x, 272);
        text(g, bold, 24, id.fullName(), x, 304, Color.BLACK);
        label(g, "Ngày sinh / Date of birth:", x, 342);
        text(g, bold, 19, PRINTED.format(id.birthDate()), x + 230, 342, Color.BLACK);
        label(g, "Giới tính / Sex:", x, 374);
        text(g, bold, 19, id.sexLabel(), x + 145, 374, Color.BLACK);
        label(g, "Quốc tịch / Nationality:", x + 260, 374);
        text(g, bold, 19, id.nationality(), x + 470, 374, Color.BLACK);
        label(g, "Quê quán / Place of origin:", x, 410);
        text(g, bold, 18, id.placeOfOrigin(), x, 436, Color.BLACK, 690);
        label(g, "Nơi thường trú / Place of residence:", x, 478);
        int y = 504;
        for (String line : wrap(g, bold.deriveFont(18f), id.placeOfResidence(), 690)) {
            text(g, bold, 18, line, x, y, Color.BLACK);
            y += 26;
        }
        if (chip) {
            drawQr(g, qrPayload(id), WIDTH - 190, 25, 150);
        }
        specimen(g);
        g.dispose();
        return card;
    }

    /** The back with issue data, the signer block and the MRZ. */
    public BufferedImage back(VnIdentity id) {
        return back(id, true);
    }

    /**
     * The 2016 CCCD back: the chip back's labels, signed by the director of the police department
     * for residence registration and the national population database, and no MRZ.
     */
    public BufferedImage back2016(VnIdentity id) {
        return back(id, false);
    }

    private BufferedImage back(VnIdentity id, boolean chip) {
        BufferedImage card = chip ? blank(new Color(0xEEF3F6), new Color(0xF5F0E6))
                : blank(new Color(0xDCEEE8), new Color(0xEAF2E2));
        Graphics2D g = graphics(card);
        label(g, "Đặc điểm nhân dạng / Personal identification:", 40, 60);
        text(g, regular, 17, id.features(), 40, 88, Color.BLACK);
        label(g, "Ngày, tháng, năm / Date, month, year:", 40, 130);
        text(g, bold, 18, PRINTED.format(id.issueDate()), 380, 130, Color.BLACK);
        text(g, bold, 15, "CỤC TRƯỞNG CỤC CẢNH SÁT", 40, 170, Color.BLACK);
        text(g, bold, 15, chip ? "QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI" : "ĐKQL CƯ TRÚ VÀ DLQG VỀ DÂN CƯ", 40, 192,
                Color.BLACK);
        signature(g, 120, 210);
        fingerprints(g, "Ngón trỏ trái", "Ngón trỏ phải");
        if (!chip) {
            specimen(g);
            g.dispose();
            return card;
        }
        g.setColor(Color.WHITE);
        g.fillRect(0, 430, WIDTH, 200);
        int y = 480;
        for (String line : mrz(id)) {
            text(g, ocrB, 36, line, 45, y, Color.BLACK);
            y += 52;
        }
        specimen(g);
        g.dispose();
        return card;
    }

    /** The emblem top left and the state's name and motto across the top of a front. */
    void stateHeader(Graphics2D g) {
        emblem(g, 40, 40, 110);
        stateMotto(g);
    }

    /** The state's name and motto across the top of a front. */
    void stateMotto(Graphics2D g) {
        text(g, bold, 21, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 200, 58, Color.BLACK);
        text(g, bold, 18, "Độc lập - Tự do - Hạnh phúc", 300, 86, Color.BLACK);
    }

    /** A signer's stroke with the specimen note under it. */
    void signature(Graphics2D g, int x, int y) {
        g.setColor(new Color(0x1F3A93));
        g.setStroke(new BasicStroke(3));
        g.drawArc(x, y, 160, 50, 10, 160);
        text(g, regular, 15, "SPECIMEN SIGNATURE", x - 10, y + 80, Color.DARK_GRAY);
    }

    /** The two index-finger boxes at the top right of a back, captioned. */
    void fingerprints(Graphics2D g, String left, String right) {
        g.setColor(new Color(0xC8C8C8));
        g.fillRoundRect(600, 40, 150, 180, 20, 20);
        g.fillRoundRect(790, 40, 150, 180, 20, 20);
        text(g, regular, 12, left, 630, 240, Color.DARK_GRAY);
        text(g, regular, 12, right, 820, 240, Color.DARK_GRAY);
    }

    /** TD1 MRZ as printed on the back of a chip CCCD: document number = last 9 digits, full number in optional data. */
    public static List<String> mrz(VnIdentity id) {
        String documentNumber = id.number().substring(3);
        String line1 = pad("IDVNM" + documentNumber + MrzParser.checkDigit(documentNumber) + id.number(), 30);
        String birth = MRZ_DATE.format(id.birthDate());
        String expiry = id.expiryDate() == null ? "<<<<<<" : MRZ_DATE.format(id.expiryDate());
        String expiryCheck = id.expiryDate() == null ? "<" : String.valueOf(MrzParser.checkDigit(expiry));
        String line2 = birth + MrzParser.checkDigit(birth) + id.sex() + expiry + expiryCheck + "VNM";
        line2 = pad(line2, 29);
        String composite = line1.substring(5, 30) + line2.substring(0, 7) + line2.substring(8, 15) + line2.substring(18, 29);
        line2 = line2 + MrzParser.checkDigit(composite);
        String[] words = ascii(id.fullName()).split(" ");
        String given = String.join("<", java.util.Arrays.copyOfRange(words, 1, words.length));
        String line3 = pad(words[0] + "<<" + given, 30).substring(0, 30);
        return List.of(line1, line2, line3);
    }

    public static String qrPayload(VnIdentity id) {
        return String.join("|", id.number(), "", id.fullName(), QR_DATE.format(id.birthDate()), id.sexLabel(),
                id.placeOfResidence(), QR_DATE.format(id.issueDate()));
    }

    static String ascii(String text) {
        String plain = Normalizer.normalize(text.replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.toUpperCase(Locale.ROOT);
    }

    static String pad(String value, int length) {
        return value.length() >= length ? value : value + "<".repeat(length - value.length());
    }

    /** The national emblem's place: a red disc with a yellow star area. */
    static void emblem(Graphics2D g, int x, int y, int size) {
        g.setColor(new Color(0xB22222));
        g.fillOval(x, y, size, size);
        g.setColor(new Color(0xF2C200));
        g.fillOval(x + size * 3 / 11, y + size * 3 / 11, size * 5 / 11, size * 5 / 11);
    }

    static BufferedImage blank(Color top, Color bottom) {
        BufferedImage card = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = card.createGraphics();
        g.setPaint(new GradientPaint(0, 0, top, WIDTH, HEIGHT, bottom));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        // Guilloche-like background lines, as security printing has.
        g.setColor(new Color(0, 80, 160, 18));
        for (int i = 0; i < 60; i++) {
            g.drawArc(-200 + i * 25, -100, 900, 800, 0, 180);
        }
        g.dispose();
        return card;
    }

    static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        return g;
    }

    void label(Graphics2D g, String text, int x, int y) {
        text(g, regular, 15, text, x, y, new Color(0x303030));
    }

    /**
     * A regular label and its bold value on the same line, the value wrapped at {@code right};
     * returns what did not fit (empty when all did), for the lines below.
     */
    String labelled(Graphics2D g, String label, float labelSize, String value, float size, int x, int y, int right,
                    Color color) {
        text(g, regular, labelSize, label, x, y, Color.BLACK);
        int start = x + g.getFontMetrics(regular.deriveFont(labelSize)).stringWidth(label) + 14;
        List<String> first = wrap(g, bold.deriveFont(size), value, right - start);
        text(g, bold, size, first.getFirst(), start, y, color);
        return value.substring(first.getFirst().length()).strip();
    }

    static void text(Graphics2D g, Font font, float size, String text, int x, int y, Color color) {
        g.setFont(font.deriveFont(size));
        g.setColor(color);
        g.drawString(text, x, y);
    }

    static void text(Graphics2D g, Font font, float size, String text, int x, int y, Color color, int maxWidth) {
        Font sized = font.deriveFont(size);
        while (g.getFontMetrics(sized).stringWidth(text) > maxWidth && sized.getSize2D() > 10) {
            sized = sized.deriveFont(sized.getSize2D() - 1);
        }
        g.setFont(sized);
        g.setColor(color);
        g.drawString(text, x, y);
    }

    static List<String> wrap(Graphics2D g, Font font, String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (g.getFontMetrics(font).stringWidth(candidate) > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    static void drawPortrait(Graphics2D g, BufferedImage portrait, int x, int y, int w, int h) {
        if (portrait != null) {
            double scale = Math.max((double) w / portrait.getWidth(), (double) h / portrait.getHeight());
            int pw = (int) (portrait.getWidth() * scale);
            int ph = (int) (portrait.getHeight() * scale);
            Graphics2D clip = (Graphics2D) g.create(x, y, w, h);
            clip.drawImage(portrait, (w - pw) / 2, (h - ph) / 2, pw, ph, null);
            clip.dispose();
        } else {
            // Blank silhouette where no portrait was given.
            g.setColor(new Color(0xD8DEE4));
            g.fillRect(x, y, w, h);
            g.setColor(new Color(0x9AA4AE));
            g.fillOval(x + w / 2 - 50, y + 40, 100, 120);
            g.fillRoundRect(x + 25, y + 170, w - 50, h - 150, 80, 80);
        }
        g.setColor(Color.GRAY);
        g.drawRect(x, y, w, h);
    }

    static void drawQr(Graphics2D g, String payload, int x, int y, int size) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 2));
            double module = (double) size / matrix.getWidth();
            g.setColor(Color.WHITE);
            g.fillRect(x, y, size, size);
            g.setColor(Color.BLACK);
            for (int my = 0; my < matrix.getHeight(); my++) {
                for (int mx = 0; mx < matrix.getWidth(); mx++) {
                    if (matrix.get(mx, my)) {
                        g.fillRect(x + (int) Math.floor(mx * module), y + (int) Math.floor(my * module),
                                (int) Math.ceil(module), (int) Math.ceil(module));
                    }
                }
            }
        } catch (WriterException e) {
            throw new IllegalStateException("QR payload too long", e);
        }
    }

    void specimen(Graphics2D g) {
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-0.35, WIDTH / 2.0, HEIGHT / 2.0);
        text(rotated, bold, 70, "SPECIMEN", 300, 360, new Color(200, 0, 0, 38));
        rotated.dispose();
    }

    static Font font(Path file, String debianPackage) {
        if (!Files.exists(file)) {
            throw new IllegalStateException("font " + file + " is missing: install the Debian package " + debianPackage);
        }
        try {
            return Font.createFont(Font.TRUETYPE_FONT, file.toFile());
        } catch (FontFormatException | IOException e) {
            throw new UncheckedIOException(new IOException("cannot load font " + file, e));
        }
    }

    static String printed(LocalDate date) {
        return PRINTED.format(date);
    }
}
