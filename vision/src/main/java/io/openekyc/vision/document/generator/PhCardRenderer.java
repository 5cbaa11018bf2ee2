package io.openekyc.vision.document.generator;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Draws specimen fronts of the PhilHealth ID and the UMID (1000 x 630 px) with their English labels:
 * the portrait on the left, the labelled fields right of it. Every card says SPECIMEN.
 */
public final class PhCardRenderer {

    /** PhilHealth prints the birth date with the month's name. */
    static final DateTimeFormatter PHILHEALTH_DATE = DateTimeFormatter.ofPattern("MMMM dd, uuuu", Locale.ENGLISH);
    static final DateTimeFormatter UMID_DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd");
    private static final Color GREEN = new Color(0x0B7A3E);
    private static final Color NAVY = new Color(0x14306B);

    private final CardRenderer base;
    private final Font regular;
    private final Font bold;

    public PhCardRenderer(CardRenderer base) {
        this.base = base;
        this.regular = base.regular();
        this.bold = base.bold();
    }

    public BufferedImage philHealth(PhIdentity id, BufferedImage portrait) {
        BufferedImage card = CardRenderer.blank(new Color(0xEEF6EE), new Color(0xF8F6EC));
        Graphics2D g = header(card, GREEN);
        CardRenderer.text(g, bold, 20, "PHILIPPINE HEALTH INSURANCE CORPORATION", 180, 84, Color.BLACK);
        CardRenderer.text(g, bold, 36, "PhilHealth", 180, 132, GREEN);
        CardRenderer.text(g, regular, 15, "Your Partner in Health", 400, 130, Color.DARK_GRAY);
        CardRenderer.drawPortrait(g, portrait, 40, 200, 210, 280);
        int x = 280;
        base.label(g, "PhilHealth Identification Number", x, 205);
        CardRenderer.text(g, bold, 30, id.printedPin(), x, 243, Color.BLACK);
        base.label(g, "Name", x, 283);
        CardRenderer.text(g, bold, 23, id.printedName(), x, 313, Color.BLACK, 700);
        base.label(g, "Date of Birth:", x, 352);
        CardRenderer.text(g, bold, 19, PHILHEALTH_DATE.format(id.birthDate()).toUpperCase(Locale.ROOT), x + 120, 352,
                Color.BLACK);
        base.label(g, "Sex:", x, 386);
        CardRenderer.text(g, bold, 19, id.sex().equals("M") ? "MALE" : "FEMALE", x + 120, 386, Color.BLACK);
        finish(g, "Address", id.address(), x, 424);
        return card;
    }

    public BufferedImage umid(PhIdentity id, BufferedImage portrait) {
        BufferedImage card = CardRenderer.blank(new Color(0xEDF1F8), new Color(0xF7F3EA));
        Graphics2D g = header(card, NAVY);
        CardRenderer.text(g, bold, 30, "UNIFIED MULTI-PURPOSE ID", 180, 98, NAVY);
        CardRenderer.text(g, regular, 14, "SSS  GSIS  PhilHealth  Pag-IBIG", 180, 126, Color.DARK_GRAY);
        CardRenderer.drawPortrait(g, portrait, 40, 200, 210, 280);
        int x = 280;
        CardRenderer.text(g, bold, 28, "CRN-" + id.printedCrn(), x, 190, Color.BLACK);
        base.label(g, "SURNAME", x, 230);
        CardRenderer.text(g, bold, 22, id.lastName(), x, 257, Color.BLACK, 700);
        base.label(g, "GIVEN NAME", x, 290);
        CardRenderer.text(g, bold, 22, id.firstName(), x, 317, Color.BLACK, 700);
        base.label(g, "MIDDLE NAME", x, 350);
        CardRenderer.text(g, bold, 22, id.middleName(), x, 377, Color.BLACK, 700);
        base.label(g, "SEX", x, 410);
        base.label(g, "DATE OF BIRTH", x + 120, 410);
        CardRenderer.text(g, bold, 20, id.sex(), x, 437, Color.BLACK);
        CardRenderer.text(g, bold, 20, UMID_DATE.format(id.birthDate()), x + 120, 437, Color.BLACK);
        finish(g, "ADDRESS", id.address(), x, 472);
        return card;
    }

    /** The seal and the issuing state's line every Philippine card opens with. */
    private Graphics2D header(BufferedImage card, Color color) {
        Graphics2D g = CardRenderer.graphics(card);
        seal(g, color);
        CardRenderer.text(g, regular, 15, "REPUBLIC OF THE PHILIPPINES", 180, 55, Color.DARK_GRAY);
        return g;
    }

    /** The labelled address (wrapped under its label) and the SPECIMEN mark that close both cards. */
    private void finish(Graphics2D g, String label, String address, int x, int labelY) {
        base.label(g, label, x, labelY);
        int y = labelY + 28;
        for (String line : CardRenderer.wrap(g, bold.deriveFont(18f), address, 690)) {
            CardRenderer.text(g, bold, 18, line, x, y, Color.BLACK);
            y += 26;
        }
        base.specimen(g);
        g.dispose();
    }

    /** The issuer's round seal in the top-left corner. */
    static void seal(Graphics2D g, Color color) {
        g.setColor(color);
        g.fillOval(40, 40, 110, 110);
        g.setColor(new Color(0xF2C200));
        g.fillOval(70, 70, 50, 50);
    }
}
