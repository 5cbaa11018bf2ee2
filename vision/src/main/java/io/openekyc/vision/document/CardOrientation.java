package io.openekyc.vision.document;

import io.openekyc.vision.image.RgbImage;

/**
 * Tells a straightened chip-CCCD card that is upside down (a photo of a card turned 180 degrees, or
 * turned 90 degrees where the long side only says "landscape") from one that reads upright, by where
 * its fixed features are: on the front the QR code in the top-right corner and the portrait on the
 * left, on the back the machine-readable zone's full-width lines at the bottom. Neither needs OCR.
 * Ink is judged against the local paper white, so glare or shade over part of the card does not
 * erase it.
 */
public final class CardOrientation {

    static final int WIDTH = 400;
    static final int HEIGHT = 252;

    private CardOrientation() {
    }

    /** The corners (top-left, top-right, bottom-right, bottom-left) turned half a turn when the card they enclose is upside down. */
    public static double[][] upright(RgbImage photo, double[][] corners) {
        RgbImage card = CardLocator.rectify(photo, corners, WIDTH, HEIGHT);
        return upsideDown(card) ? new double[][] {corners[2], corners[3], corners[0], corners[1]} : corners;
    }

    /** Whether a straightened card (any size of ID-1 proportions) is upside down. */
    public static boolean upsideDown(RgbImage card) {
        return evidence(card) < 0;
    }

    /** Positive when the card reads upright, negative when upside down; near zero when unsure. */
    static double evidence(RgbImage card) {
        double[] darkness = darkness(card.resize(WIDTH, HEIGHT));
        double qr = qrLikeness(darkness, 0.81, 0.04, 0.96, 0.28) - qrLikeness(darkness, 0.04, 0.72, 0.19, 0.96);
        double portrait = mean(darkness, 0.05, 0.34, 0.24, 0.77) - mean(darkness, 0.76, 0.23, 0.95, 0.66);
        double mrz = fullWidthRows(darkness, 0.70, 0.97) - fullWidthRows(darkness, 0.03, 0.30);
        return qr + portrait + mrz;
    }

    /**
     * Whether a straightened card shows rows of ink across nearly its whole width near its top or
     * bottom edge, as an MRZ prints them: without such rows there is no MRZ to look for.
     */
    public static boolean mayHoldMrz(RgbImage card) {
        double[] darkness = darkness(card.resize(WIDTH, HEIGHT));
        return Math.max(fullWidthRows(darkness, 0.70, 0.97), fullWidthRows(darkness, 0.03, 0.30)) >= 0.75;
    }

    /** 0 (paper) .. 1 (black) for each pixel, against the brightest paper in its neighbourhood. */
    private static double[] darkness(RgbImage card) {
        double[] grey = card.luma();
        int cell = 20;
        int cols = (WIDTH + cell - 1) / cell;
        int rows = (HEIGHT + cell - 1) / cell;
        double[] cellWhite = new double[cols * rows];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int c = (y / cell) * cols + x / cell;
                cellWhite[c] = Math.max(cellWhite[c], grey[y * WIDTH + x]);
            }
        }
        double[] out = new double[grey.length];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                // The paper white around a pixel: the brightest of the 3 x 3 cells around it.
                double white = 1;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int cy = y / cell + dy;
                        int cx = x / cell + dx;
                        if (cy >= 0 && cx >= 0 && cy < rows && cx < cols) {
                            white = Math.max(white, cellWhite[cy * cols + cx]);
                        }
                    }
                }
                out[y * WIDTH + x] = Math.max(0, 1 - grey[y * WIDTH + x] / white);
            }
        }
        return out;
    }

    /** 1 when about half the box is ink (as in a QR code), 0 when under a quarter (text) or over three quarters. */
    private static double qrLikeness(double[] darkness, double x0, double y0, double x1, double y1) {
        int dark = 0;
        int total = 0;
        for (int y = (int) (y0 * HEIGHT); y < (int) (y1 * HEIGHT); y++) {
            for (int x = (int) (x0 * WIDTH); x < (int) (x1 * WIDTH); x++) {
                total++;
                if (darkness[y * WIDTH + x] > 0.5) {
                    dark++;
                }
            }
        }
        return Math.max(0, 1 - 4 * Math.abs((double) dark / total - 0.5));
    }

    private static double mean(double[] darkness, double x0, double y0, double x1, double y1) {
        double sum = 0;
        int total = 0;
        for (int y = (int) (y0 * HEIGHT); y < (int) (y1 * HEIGHT); y++) {
            for (int x = (int) (x0 * WIDTH); x < (int) (x1 * WIDTH); x++) {
                sum += darkness[y * WIDTH + x];
                total++;
            }
        }
        return sum / total;
    }

    /** The largest share of 24 column bins with ink, over strips of 2% of the height between y0 and y1. */
    private static double fullWidthRows(double[] darkness, double y0, double y1) {
        int bins = 24;
        int left = (int) (0.04 * WIDTH);
        int right = (int) (0.96 * WIDTH);
        int strip = Math.max(1, (int) (0.02 * HEIGHT));
        double best = 0;
        for (int top = (int) (y0 * HEIGHT); top + strip <= (int) (y1 * HEIGHT); top++) {
            boolean[] inked = new boolean[bins];
            for (int y = top; y < top + strip; y++) {
                for (int x = left; x < right; x++) {
                    if (darkness[y * WIDTH + x] > 0.5) {
                        inked[(x - left) * bins / (right - left)] = true;
                    }
                }
            }
            int count = 0;
            for (boolean b : inked) {
                count += b ? 1 : 0;
            }
            best = Math.max(best, (double) count / bins);
        }
        return best;
    }
}
