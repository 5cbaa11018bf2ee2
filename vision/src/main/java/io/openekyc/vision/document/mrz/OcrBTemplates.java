package io.openekyc.vision.document.mrz;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The 37 MRZ characters as OCR-B templates, rendered from the font of Debian's {@code fonts-ocr-b}
 * (ICAO 9303 prints every MRZ in OCR-B at a fixed pitch), and matched by normalised
 * cross-correlation. A template covers one character cell: one pitch wide and 1.5 cap heights tall,
 * centred on the middle of the capitals, so a cell cut from a photo along the MRZ line compares
 * directly. Each character is kept sharp and blurred, since photos come both ways.
 */
final class OcrBTemplates {

    static final String ALPHABET = MrzScanner.ALPHABET;
    /** Cell size in template pixels: the pitch maps to W, 1.5 cap heights to H. */
    static final int W = 16;
    static final int H = 24;
    /** Cell height in cap heights. */
    static final double CELL_HEIGHT = 1.5;
    /** How far (template pixels) a cell may sit off its predicted place; patches carry this margin. */
    static final int SHIFT = 2;
    static final Path FONT = Path.of("/usr/share/fonts/opentype/ocr-b/OCRB.otf");
    /** Standard deviation (grey levels) below which a cell counts as blank. */
    private static final double MIN_CONTRAST = 4;
    private static final double[] BLURS = {0.6, 1.4, 2.4};

    /** [character][blur] zero-mean, unit-norm W x H templates. */
    private final float[][][] templates;
    private final double capToPitch;

    private OcrBTemplates(float[][][] templates, double capToPitch) {
        this.templates = templates;
        this.capToPitch = capToPitch;
    }

    /**
     * Cap height over pitch in OCR-B. Cells are scaled by the pitch, which the grid fit measures
     * well, rather than by blob heights, which differ between letters, digits and fillers.
     */
    double capToPitch() {
        return capToPitch;
    }

    /** Templates from the installed OCR-B font, or null when it is not installed. */
    static OcrBTemplates load() {
        if (!Files.isRegularFile(FONT)) {
            return null;
        }
        try {
            return render(Font.createFont(Font.TRUETYPE_FONT, FONT.toFile()));
        } catch (FontFormatException | IOException e) {
            return null;
        }
    }

    static OcrBTemplates render(Font font) {
        float size = 96;
        Font sized = font.deriveFont(size);
        FontRenderContext context = new FontRenderContext(null, true, true);
        double pitch = sized.getStringBounds("H", context).getWidth();
        Rectangle2D cap = sized.createGlyphVector(context, "H").getVisualBounds();
        double capHeight = cap.getHeight();
        int margin = (int) Math.ceil(pitch);
        int width = (int) Math.ceil(pitch) + 2 * margin;
        int height = (int) Math.ceil(capHeight * 3);
        double baseline = height / 2.0 + capHeight / 2;
        float[][][] templates = new float[ALPHABET.length()][BLURS.length][];
        for (int c = 0; c < ALPHABET.length(); c++) {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.BLACK);
            g.setFont(sized);
            g.drawString(String.valueOf(ALPHABET.charAt(c)), (float) margin, (float) baseline);
            g.dispose();
            float[] grey = new float[width * height];
            image.getRaster().getSamples(0, 0, width, height, 0, grey);
            GreyPlane plane = new GreyPlane(width, height, grey);
            float[] cell = plane.cell(margin + pitch / 2, baseline - capHeight / 2, 1, 0, pitch, capHeight, 0);
            for (int b = 0; b < BLURS.length; b++) {
                templates[c][b] = normalised(blur(cell, W, H, BLURS[b]));
            }
        }
        return new OcrBTemplates(templates, capHeight / pitch);
    }

    /**
     * The correlation of every character with a patch of (W + 2 SHIFT) x (H + 2 SHIFT) pixels, in
     * ALPHABET order, all at the one shift and blur level where some character matches best: how
     * far the cell sits off its predicted place and how blurred the photo is do not depend on which
     * character is printed, and letting each character find its own shift and blur erases the fine
     * differences (O and 0, B and 8) the decision rests on. The shift is found at the middle blur
     * level, then the blur level at that shift (three times faster than trying every pair).
     */
    float[] scores(float[] patch) {
        int middle = BLURS.length / 2;
        float[] window = null;
        float top = Float.NEGATIVE_INFINITY;
        for (int dy = 0; dy <= 2 * SHIFT; dy++) {
            for (int dx = 0; dx <= 2 * SHIFT; dx++) {
                float[] shifted = window(patch, dx, dy);
                float max = max(correlations(shifted, middle));
                if (max > top) {
                    top = max;
                    window = shifted;
                }
            }
        }
        float[] best = null;
        top = Float.NEGATIVE_INFINITY;
        for (int b = 0; b < BLURS.length; b++) {
            float[] scores = correlations(window, b);
            if (max(scores) > top) {
                top = max(scores);
                best = scores;
            }
        }
        return best;
    }

    /** The W x H window at (dx, dy) of a patch, divided by its spread. */
    private static float[] window(float[] patch, int dx, int dy) {
        int pw = W + 2 * SHIFT;
        float[] window = new float[W * H];
        for (int y = 0; y < H; y++) {
            System.arraycopy(patch, (y + dy) * pw + dx, window, y * W, W);
        }
        // Templates have zero mean, so only the window's spread needs dividing out; a nearly blank
        // window (spread under MIN_CONTRAST grey levels) must not score as a glyph.
        double sum = 0;
        double squares = 0;
        for (float v : window) {
            sum += v;
            squares += (double) v * v;
        }
        double spread = Math.sqrt(Math.max(squares - sum * sum / window.length, MIN_CONTRAST * MIN_CONTRAST * window.length));
        for (int i = 0; i < window.length; i++) {
            window[i] /= (float) spread;
        }
        return window;
    }

    private float[] correlations(float[] window, int blur) {
        float[] scores = new float[templates.length];
        for (int c = 0; c < templates.length; c++) {
            float[] template = templates[c][blur];
            float dot = 0;
            for (int i = 0; i < window.length; i++) {
                dot += template[i] * window[i];
            }
            scores[c] = dot;
        }
        return scores;
    }

    private static float max(float[] values) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static float[] blur(float[] image, int w, int h, double sigma) {
        int radius = (int) Math.ceil(sigma * 2.5);
        float[] kernel = new float[2 * radius + 1];
        float total = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            total += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= total;
        }
        float[] across = new float[w * h];
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = 0;
                for (int k = -radius; k <= radius; k++) {
                    v += kernel[k + radius] * image[y * w + Math.clamp(x + k, 0, w - 1)];
                }
                across[y * w + x] = v;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = 0;
                for (int k = -radius; k <= radius; k++) {
                    v += kernel[k + radius] * across[Math.clamp(y + k, 0, h - 1) * w + x];
                }
                out[y * w + x] = v;
            }
        }
        return out;
    }

    private static float[] normalised(float[] values) {
        double mean = 0;
        for (float v : values) {
            mean += v;
        }
        mean /= values.length;
        double norm = 0;
        for (float v : values) {
            norm += (v - mean) * (v - mean);
        }
        norm = Math.sqrt(Math.max(norm, 1e-6));
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) ((values[i] - mean) / norm);
        }
        return out;
    }
}
