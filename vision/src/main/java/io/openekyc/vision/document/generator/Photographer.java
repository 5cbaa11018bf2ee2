package io.openekyc.vision.document.generator;

import io.openekyc.vision.document.Homography;
import io.openekyc.vision.image.RgbImage;
import java.util.List;
import java.util.Random;

/**
 * "Photographs" a flat card the way customers do: on a cluttered table, at an angle (perspective),
 * rotated, then one degradation (blur, noise, heavy JPEG, glare, low light, a quarter or half turn
 * of the whole photo) or none. The card's four corners in the photo (those of the upright card, so a
 * turned card's top-left corner may be anywhere) are part of the ground truth.
 */
public final class Photographer {

    public static final List<String> DEGRADATIONS = List.of("none", "blur", "noise", "jpeg", "glare", "low_light",
            "rotated");
    static final int PHOTO_WIDTH = 1600;
    static final int PHOTO_HEIGHT = 1200;

    /** A photo, the card corners in it (top-left, top-right, bottom-right, bottom-left) and its degradation. */
    public record Photo(RgbImage image, double[][] corners, String degradation, int jpegQuality) {
    }

    public Photo shoot(RgbImage card, String degradation, Random random) {
        int[] px = background(random);
        double cardWidth = PHOTO_WIDTH * (0.55 + 0.3 * random.nextDouble());
        double cardHeight = cardWidth * card.height() / card.width();
        double cx = PHOTO_WIDTH / 2.0 + (random.nextDouble() - 0.5) * (PHOTO_WIDTH - cardWidth) * 0.5;
        double cy = PHOTO_HEIGHT / 2.0 + (random.nextDouble() - 0.5) * (PHOTO_HEIGHT - cardHeight) * 0.4;
        double angle = Math.toRadians((random.nextDouble() - 0.5) * 20);
        double[][] corners = new double[4][];
        double[][] unit = {{-0.5, -0.5}, {0.5, -0.5}, {0.5, 0.5}, {-0.5, 0.5}};
        for (int i = 0; i < 4; i++) {
            double x = unit[i][0] * cardWidth;
            double y = unit[i][1] * cardHeight;
            // Perspective: each corner moves by up to 5% of the card width.
            x += (random.nextDouble() - 0.5) * 0.1 * cardWidth;
            y += (random.nextDouble() - 0.5) * 0.1 * cardWidth;
            corners[i] = new double[] {cx + x * Math.cos(angle) - y * Math.sin(angle),
                    cy + x * Math.sin(angle) + y * Math.cos(angle)};
        }
        double[] toCard = Homography.between(corners, new double[][] {{0, 0}, {card.width(), 0},
                {card.width(), card.height()}, {0, card.height()}});
        double shade = 0.85 + 0.25 * random.nextDouble();
        for (int y = 0; y < PHOTO_HEIGHT; y++) {
            for (int x = 0; x < PHOTO_WIDTH; x++) {
                double[] p = Homography.apply(toCard, x + 0.5, y + 0.5);
                if (p[0] >= 0 && p[1] >= 0 && p[0] < card.width() - 1 && p[1] < card.height() - 1) {
                    int r = clamp(card.sample((float) p[0] - 0.5f, (float) p[1] - 0.5f, 0) * shade);
                    int g = clamp(card.sample((float) p[0] - 0.5f, (float) p[1] - 0.5f, 1) * shade);
                    int b = clamp(card.sample((float) p[0] - 0.5f, (float) p[1] - 0.5f, 2) * shade);
                    px[y * PHOTO_WIDTH + x] = r << 16 | g << 8 | b;
                }
            }
        }
        RgbImage photo = new RgbImage(PHOTO_WIDTH, PHOTO_HEIGHT, px);
        int quality = 88 + random.nextInt(8);
        switch (degradation) {
            case "blur" -> photo = blur(photo, 2 + random.nextInt(2));
            case "noise" -> photo = noise(photo, 8 + random.nextInt(8), random);
            case "jpeg" -> quality = 25 + random.nextInt(20);
            case "glare" -> photo = glare(photo, corners, random);
            case "low_light" -> photo = lowLight(photo, 0.3 + 0.15 * random.nextDouble(), random);
            case "rotated" -> {
                // The card held sideways or upside down: 90, 180 or 270 degrees clockwise.
                int turns = 1 + random.nextInt(3);
                corners = turnedCorners(corners, turns, photo.width(), photo.height());
                photo = turned(photo, turns);
            }
            case "none" -> { }
            default -> throw new IllegalArgumentException("unknown degradation " + degradation);
        }
        return new Photo(photo, corners, degradation, quality);
    }

    /** The photo turned {@code turns} quarter turns clockwise. */
    static RgbImage turned(RgbImage image, int turns) {
        int w = image.width();
        int h = image.height();
        boolean sideways = turns % 2 == 1;
        int outW = sideways ? h : w;
        int outH = sideways ? w : h;
        int[] out = new int[outW * outH];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int tx;
                int ty;
                switch (turns % 4) {
                    case 1 -> { tx = h - 1 - y; ty = x; }
                    case 2 -> { tx = w - 1 - x; ty = h - 1 - y; }
                    case 3 -> { tx = y; ty = w - 1 - x; }
                    default -> { tx = x; ty = y; }
                }
                out[ty * outW + tx] = image.rgb(x, y);
            }
        }
        return new RgbImage(outW, outH, out);
    }

    /** Continuous photo coordinates (pixel edges at integers) after the same quarter turns. */
    static double[][] turnedCorners(double[][] corners, int turns, int w, int h) {
        double[][] out = new double[corners.length][];
        for (int i = 0; i < corners.length; i++) {
            double x = corners[i][0];
            double y = corners[i][1];
            out[i] = switch (turns % 4) {
                case 1 -> new double[] {h - y, x};
                case 2 -> new double[] {w - x, h - y};
                case 3 -> new double[] {y, w - x};
                default -> new double[] {x, y};
            };
        }
        return out;
    }

    private static int[] background(Random random) {
        int[] px = new int[PHOTO_WIDTH * PHOTO_HEIGHT];
        int base = 60 + random.nextInt(120);
        int tint = random.nextInt(3);
        for (int y = 0; y < PHOTO_HEIGHT; y++) {
            for (int x = 0; x < PHOTO_WIDTH; x++) {
                int wood = base + (int) (18 * Math.sin(x / 37.0 + Math.sin(y / 90.0) * 3)) + random.nextInt(9);
                int r = clamp(wood + (tint == 0 ? 30 : 0));
                int g = clamp(wood + (tint == 1 ? 25 : 5));
                int b = clamp(wood - 20 + (tint == 2 ? 30 : 0));
                px[y * PHOTO_WIDTH + x] = r << 16 | g << 8 | b;
            }
        }
        // Clutter: a few objects on the table.
        for (int i = 0; i < 6; i++) {
            int w = 80 + random.nextInt(300);
            int h = 60 + random.nextInt(250);
            int x0 = random.nextInt(PHOTO_WIDTH - w);
            int y0 = random.nextInt(PHOTO_HEIGHT - h);
            int color = random.nextInt(0xFFFFFF);
            for (int y = y0; y < y0 + h; y++) {
                for (int x = x0; x < x0 + w; x++) {
                    px[y * PHOTO_WIDTH + x] = color;
                }
            }
        }
        return px;
    }

    /** A box blur of {@code radius} pixels (an out-of-focus phone photo). */
    public static RgbImage blur(RgbImage image, int radius) {
        int w = image.width();
        int h = image.height();
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 0;
                int g = 0;
                int b = 0;
                int n = 0;
                for (int dy = -radius; dy <= radius; dy++) {
                    int yy = Math.max(0, Math.min(h - 1, y + dy));
                    for (int dx = -radius; dx <= radius; dx++) {
                        int p = image.rgb(Math.max(0, Math.min(w - 1, x + dx)), yy);
                        r += (p >> 16) & 0xFF;
                        g += (p >> 8) & 0xFF;
                        b += p & 0xFF;
                        n++;
                    }
                }
                out[y * w + x] = (r / n) << 16 | (g / n) << 8 | (b / n);
            }
        }
        return new RgbImage(w, h, out);
    }

    private static RgbImage noise(RgbImage image, double sigma, Random random) {
        int[] out = new int[image.width() * image.height()];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int p = image.rgb(x, y);
                int n = (int) Math.round(random.nextGaussian() * sigma);
                out[y * image.width() + x] = clamp(((p >> 16) & 0xFF) + n) << 16 | clamp(((p >> 8) & 0xFF) + n) << 8
                        | clamp((p & 0xFF) + n);
            }
        }
        return new RgbImage(image.width(), image.height(), out);
    }

    private static RgbImage glare(RgbImage image, double[][] corners, Random random) {
        double gx = corners[0][0] + (corners[2][0] - corners[0][0]) * random.nextDouble();
        double gy = corners[0][1] + (corners[2][1] - corners[0][1]) * random.nextDouble();
        double radius = 120 + random.nextInt(160);
        int[] out = new int[image.width() * image.height()];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                double d = Math.hypot(x - gx, (y - gy) * 1.6) / radius;
                double add = d < 1 ? 200 * (1 - d * d) : 0;
                int p = image.rgb(x, y);
                out[y * image.width() + x] = clamp(((p >> 16) & 0xFF) + add) << 16 | clamp(((p >> 8) & 0xFF) + add) << 8
                        | clamp((p & 0xFF) + add);
            }
        }
        return new RgbImage(image.width(), image.height(), out);
    }

    private static RgbImage lowLight(RgbImage image, double gain, Random random) {
        int[] out = new int[image.width() * image.height()];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int p = image.rgb(x, y);
                double n = random.nextGaussian() * 4;
                out[y * image.width() + x] = clamp(((p >> 16) & 0xFF) * gain + n) << 16
                        | clamp(((p >> 8) & 0xFF) * gain + n) << 8 | clamp((p & 0xFF) * gain * 0.9 + n);
            }
        }
        return new RgbImage(image.width(), image.height(), out);
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
