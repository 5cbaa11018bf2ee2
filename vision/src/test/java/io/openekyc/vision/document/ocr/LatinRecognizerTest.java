package io.openekyc.vision.document.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.document.generator.Photographer;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.model.Models;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LatinRecognizerTest {

    private static Models models;
    private static LatinRecognizer recognizer;

    @BeforeAll
    static void load() {
        models = new Models();
        recognizer = new LatinRecognizer(models);
    }

    @AfterAll
    static void close() {
        models.close();
    }

    @Test
    void readsPrintedDigitsAndCapitals() {
        assertThat(recognizer.read(line("16/04/2015", 0), "0123456789/").text()).isEqualTo("16/04/2015");
        assertThat(recognizer.read(line("GIAM DOC CA HAI PHONG", 0), null).text().replace(" ", ""))
                .isEqualTo("GIAMDOCCAHAIPHONG");
    }

    @Test
    void readsDigitsUnderABoxBlurOfThreePixels() {
        RgbImage blurred = line("28/11/2012", 3);
        LatinRecognizer.Reading reading = recognizer.read(blurred, "0123456789/");
        assertThat(reading.text()).isEqualTo("28/11/2012");
        assertThat(reading.confidences()).hasSize(10);
        assertThat(reading.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void keepsToTheAllowedCharacters() {
        String read = recognizer.read(line("Ngay 16 thang 04", 0), "0123456789").text();
        assertThat(read).matches("[0-9]*").contains("16").contains("04");
    }

    @Test
    void aDateIsTakenFromItsLabelledLineOnlyWhenItIsARealDate() {
        RgbImage card = line("Sinh ngay: 07-08-1961", 2);
        int[] whole = {0, 0, card.width(), card.height()};
        assertThat(recognizer.date(card, whole)).isEqualTo("07/08/1961");
        RgbImage noDay = line("Ngay sinh: 31/02/1990", 0);
        assertThat(recognizer.date(noDay, new int[] {0, 0, noDay.width(), noDay.height()})).isNull();
        RgbImage words = line("Que quan: Ha Noi", 0);
        assertThat(recognizer.date(words, new int[] {0, 0, words.width(), words.height()})).isNull();
    }

    @Test
    void aBlankLineReadsAsNothing() {
        assertThat(recognizer.read(line("", 0), null).text()).isEmpty();
    }

    /** Black text in a bold sans at about 28 px on white, box-blurred with {@code radius} (0: sharp). */
    private static RgbImage line(String text, int radius) {
        BufferedImage image = new BufferedImage(Math.max(60, 20 * text.length() + 40), 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 26));
        g.drawString(text, 12, 34);
        g.dispose();
        RgbImage sharp = RgbImage.of(image);
        return radius == 0 ? sharp : Photographer.blur(sharp, radius);
    }
}
