package io.openekyc.vision.document.generator;

import io.openekyc.vision.document.Homography;
import io.openekyc.vision.image.ImageDecoder;
import io.openekyc.vision.image.ImageRejected;
import io.openekyc.vision.image.RgbImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Re-photographs a card photo shown on an LCD, the way a fraudster replays someone else's card: the
 * photo fills a screen made of red, green and blue sub-pixel stripes behind a black matrix; a
 * camera at a slight angle samples that grid (each camera pixel averages 4 x 4 points of its
 * footprint, like a lens and sensor would), which is what produces moiré and colour fringes. The
 * screen adds its own backlight (black never reaches 0) and a colour-temperature cast, the camera
 * a little defocus and sensor noise. The card's corners are carried into the new photo.
 */
public final class ScreenRecapture {

    /** A recaptured photo and the card's corners in it. */
    public record Recaptured(RgbImage image, double[][] corners, double screenPixelsPerCameraPixel) {
    }

    /**
     * Recaptures every generated photo in {@code in} (those with a ground-truth JSON beside them)
     * into {@code out}: same names, degradation {@code screen}, the shown photo's own degradation
     * kept as {@code shown_degradation}. Returns how many photos were written.
     */
    @SuppressWarnings("unchecked")
    public int recaptureDirectory(Path in, Path out, long seed) throws IOException, ImageRejected {
        JsonMapper json = JsonMapper.builder().build();
        Random random = new Random(seed);
        Files.createDirectories(out);
        List<Path> truths;
        try (Stream<Path> files = Files.list(in)) {
            truths = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        int written = 0;
        for (Path truthFile : truths) {
            Map<String, Object> truth = json.readValue(truthFile.toFile(), Map.class);
            Path image = in.resolve((String) truth.get("image"));
            if (!Files.exists(image)) {
                continue;
            }
            RgbImage shown = new ImageDecoder().decode(Files.readAllBytes(image));
            List<List<Number>> corners = (List<List<Number>>) truth.get("corners");
            double[][] cardCorners = corners.stream()
                    .map(c -> new double[] {c.get(0).doubleValue(), c.get(1).doubleValue()}).toArray(double[][]::new);
            Recaptured recaptured = shoot(shown, cardCorners, random);
            truth.put("shown_degradation", truth.get("degradation"));
            truth.put("degradation", "screen");
            truth.put("corners", recaptured.corners());
            int quality = 85 + random.nextInt(10);
            truth.put("jpeg_quality", quality);
            CardGenerator.writeJpeg(recaptured.image().toBufferedImage(), out.resolve((String) truth.get("image")), quality);
            Files.writeString(out.resolve(truthFile.getFileName()),
                    json.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(truth));
            written++;
        }
        return written;
    }

    public Recaptured shoot(RgbImage shown, double[][] cardCorners, Random random) {
        int w = shown.width();
        int h = shown.height();
        // How many screen pixels one camera pixel spans: from a close shot (0.55, the grid itself
        // resolved) to a distant one (1.6, the grid far below the camera's resolution).
        double scale = 0.55 + 1.05 * random.nextDouble();
        double[][] screen = {{0, 0}, {w, 0}, {w, h}, {0, h}};
        double[][] inPhoto = new double[4][];
        double cx = w / 2.0;
        double cy = h / 2.0;
        double angle = Math.toRadians((random.nextDouble() - 0.5) * 8);
        for (int i = 0; i < 4; i++) {
            double x = (screen[i][0] - cx) / scale + (random.nextDouble() - 0.5) * 0.06 * w / scale;
            double y = (screen[i][1] - cy) / scale + (random.nextDouble() - 0.5) * 0.06 * w / scale;
            inPhoto[i] = new double[] {cx + x * Math.cos(angle) - y * Math.sin(angle),
                    cy + x * Math.sin(angle) + y * Math.cos(angle)};
        }
        double[] toScreen = Homography.between(inPhoto, screen);
        double[] toPhoto = Homography.between(screen, inPhoto);
        double blackLevel = 12 + 22 * random.nextDouble();
        double[] tint = {0.93 + 0.05 * random.nextDouble(), 1.0, 1.02 + 0.06 * random.nextDouble()};
        double noise = 2 + 3 * random.nextDouble();
        int[] px = new int[w * h];
        int[] bezel = {18, 18, 20};
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double[] sum = new double[3];
                int inside = 0;
                for (int sy = 0; sy < 4; sy++) {
                    for (int sx = 0; sx < 4; sx++) {
                        double[] p = Homography.apply(toScreen, x + (sx + 0.5) / 4, y + (sy + 0.5) / 4);
                        if (p[0] < 0 || p[1] < 0 || p[0] >= w || p[1] >= h) {
                            continue;
                        }
                        inside++;
                        int sxPixel = (int) p[0];
                        int syPixel = (int) p[1];
                        double fx = p[0] - sxPixel;
                        double fy = p[1] - syPixel;
                        // Each screen pixel: three vertical stripes; the black matrix takes the
                        // bottom 20% of the row and the right 25% of each stripe.
                        int channel = Math.min(2, (int) (fx * 3));
                        double inStripe = fx * 3 - channel;
                        if (fy > 0.8 || inStripe > 0.75) {
                            continue;
                        }
                        int rgb = shown.rgb(sxPixel, syPixel);
                        sum[channel] += (rgb >> (16 - 8 * channel)) & 0xFF;
                    }
                }
                int r;
                int g;
                int b;
                if (inside == 0) {
                    r = bezel[0];
                    g = bezel[1];
                    b = bezel[2];
                } else {
                    // Lit area is 1/3 x 0.75 x 0.8 of a pixel per channel: scale back to full brightness.
                    double gain = 3 / (0.75 * 0.8) / inside;
                    double edge = inside / 16.0;
                    r = pixel(sum[0] * gain * tint[0], blackLevel, edge, bezel[0], noise, random);
                    g = pixel(sum[1] * gain * tint[1], blackLevel, edge, bezel[1], noise, random);
                    b = pixel(sum[2] * gain * tint[2], blackLevel, edge, bezel[2], noise, random);
                }
                px[y * w + x] = r << 16 | g << 8 | b;
            }
        }
        // Focus is never perfect on a screen: the defocus decides how much moiré survives.
        RgbImage photo = Photographer.blur(new RgbImage(w, h, px), 1 + random.nextInt(2));
        double[][] corners = new double[4][];
        for (int i = 0; i < 4; i++) {
            corners[i] = Homography.apply(toPhoto, cardCorners[i][0], cardCorners[i][1]);
        }
        return new Recaptured(photo, corners, scale);
    }

    private static int pixel(double emitted, double blackLevel, double inside, int bezel, double noise, Random random) {
        // Backlight leaks through black: the screen maps 0..255 to blackLevel..255.
        double lit = blackLevel + emitted * (255 - blackLevel) / 255;
        double value = inside * lit + (1 - inside) * bezel + random.nextGaussian() * noise;
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
