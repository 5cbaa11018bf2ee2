package io.openekyc.vision.document.generator;

import io.openekyc.vision.document.CardLocator;
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
 * Edits card photos the way a forger with an image editor does, for evaluating {@code photo_tampered}:
 * a rectangle of the card (portrait- or field-sized) is replaced by a copy that went through its own
 * JPEG compression, as a portrait or digits taken from another JPEG would have, and the photo is saved
 * again. The pasted pixels show the same content, so only the compression history tells them apart.
 * Each photo is also written re-saved without the edit, so both sets share one final compression.
 */
public final class PhotoEditor {

    /** An edited photo and the pasted rectangle (x, y, width, height) in photo pixels. */
    public record Edited(RgbImage image, int[] region) {
    }

    /**
     * For every generated photo in {@code in}: {@code edited-NAME} (degradation {@code edited}, the
     * region in {@code edit_region}) and {@code resaved-NAME} (degradation {@code resaved}), both saved
     * at one random quality 85-95. Returns how many pairs were written.
     */
    @SuppressWarnings("unchecked")
    public int editDirectory(Path in, Path out, long seed) throws IOException, ImageRejected {
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
            String name = (String) truth.get("image");
            Path image = in.resolve(name);
            if (!Files.exists(image)) {
                continue;
            }
            RgbImage photo = new ImageDecoder().decode(Files.readAllBytes(image));
            List<List<Number>> corners = (List<List<Number>>) truth.get("corners");
            double[][] card = corners.stream()
                    .map(c -> new double[] {c.get(0).doubleValue(), c.get(1).doubleValue()}).toArray(double[][]::new);
            Edited edited = edit(photo, card, random);
            int quality = 85 + random.nextInt(11);
            truth.put("shown_degradation", truth.get("degradation"));
            truth.put("jpeg_quality", quality);
            write(json, out, "resaved-" + name, truth, "resaved", photo, quality, null);
            write(json, out, "edited-" + name, truth, "edited", edited.image(), quality, edited.region());
            written++;
        }
        return written;
    }

    private static void write(JsonMapper json, Path out, String name, Map<String, Object> truth, String degradation,
                              RgbImage image, int quality, int[] region) throws IOException {
        truth.put("image", name);
        truth.put("degradation", degradation);
        if (region == null) {
            truth.remove("edit_region");
        } else {
            truth.put("edit_region", region);
        }
        CardGenerator.writeJpeg(image.toBufferedImage(), out.resolve(name), quality);
        Files.writeString(out.resolve(name.replaceAll("\\.[a-z]+$", ".json")),
                json.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(truth));
    }

    /**
     * Replaces a rectangle inside the card (15-30% of its width, 20-40% of its height, anywhere in
     * its inner part) by the same pixels compressed alone at JPEG quality 50-80.
     */
    public Edited edit(RgbImage photo, double[][] corners, Random random) throws IOException, ImageRejected {
        double[] bounds = CardLocator.bounds(corners);
        double minX = bounds[0];
        double minY = bounds[1];
        double maxX = bounds[2];
        double maxY = bounds[3];
        // The inner part of the card's bounding box, so the region stays on the card at any angle.
        double insetX = (maxX - minX) * 0.2;
        double insetY = (maxY - minY) * 0.2;
        int w = (int) ((maxX - minX) * (0.15 + 0.15 * random.nextDouble()));
        int h = (int) ((maxY - minY) * (0.2 + 0.2 * random.nextDouble()));
        int x = (int) (minX + insetX + random.nextDouble() * Math.max(1, maxX - minX - 2 * insetX - w));
        int y = (int) (minY + insetY + random.nextDouble() * Math.max(1, maxY - minY - 2 * insetY - h));
        x = Math.max(0, Math.min(photo.width() - w, x));
        y = Math.max(0, Math.min(photo.height() - h, y));
        return new Edited(paste(photo, x, y, w, h, 50 + random.nextInt(31)), new int[] {x, y, w, h});
    }

    /**
     * The photo with the rectangle (x, y, w, h) replaced by the same pixels compressed alone at JPEG
     * {@code quality}: their own 8x8 grid starts at (x, y).
     */
    public static RgbImage paste(RgbImage photo, int x, int y, int w, int h, int quality) throws IOException, ImageRejected {
        int[] patch = new int[w * h];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                patch[j * w + i] = photo.rgb(x + i, y + j);
            }
        }
        RgbImage compressed = new ImageDecoder().decode(CardGenerator.jpeg(new RgbImage(w, h, patch).toBufferedImage(),
                quality));
        int[] px = new int[photo.width() * photo.height()];
        for (int j = 0; j < photo.height(); j++) {
            for (int i = 0; i < photo.width(); i++) {
                boolean pasted = i >= x && j >= y && i < x + w && j < y + h;
                px[j * photo.width() + i] = pasted ? compressed.rgb(i - x, j - y) : photo.rgb(i, j);
            }
        }
        return new RgbImage(photo.width(), photo.height(), px);
    }
}
