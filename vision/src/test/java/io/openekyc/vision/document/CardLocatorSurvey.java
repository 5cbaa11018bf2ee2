package io.openekyc.vision.document;

import io.openekyc.vision.image.ImageDecoder;
import io.openekyc.vision.image.RgbImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A locate-only survey of generated photos (ten times faster than {@code eval docs}): runs {@link CardLocator}
 * on every photo of the folders given and counts, per type and side (and per degradation), the photos whose
 * located corners lie within 3% of the card's width of the true ones, as {@code eval docs} counts "card found",
 * but either way up: a registration or a card CardOrientation turns wrongly is turned back by DocumentReader
 * once its labels read upside down. Misses are listed with their worst corner's error (share of the width).
 * Run from the worktree after {@code ./openekyc} has built, with the CLI jar's libraries unpacked to LIB:
 * {@code java -cp "vision/target/classes:LIB/BOOT-INF/lib/*" vision/src/test/java/io/openekyc/vision/document/CardLocatorSurvey.java DIR...}
 */
public final class CardLocatorSurvey {

    private CardLocatorSurvey() {
    }

    public static void main(String[] args) throws Exception {
        CardLocator locator = new CardLocator();
        ImageDecoder decoder = new ImageDecoder();
        JsonMapper json = JsonMapper.builder().build();
        Map<String, int[]> bySide = new TreeMap<>();
        Map<String, int[]> byDegradation = new TreeMap<>();
        long start = System.nanoTime();
        for (String folder : args) {
            Path dir = Path.of(folder);
            List<Path> truths;
            try (Stream<Path> files = Files.list(dir)) {
                truths = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            }
            for (Path file : truths) {
                JsonNode truth = json.readTree(Files.readString(file));
                String image = truth.get("image").asString();
                RgbImage photo = decoder.decode(Files.readAllBytes(dir.resolve(image)));
                CardLocator.Located located = locator.locate(photo);
                double error = located == null ? Double.POSITIVE_INFINITY : Math.min(
                        worstCorner(located.corners(), truth.get("corners")),
                        worstCorner(halfTurned(located.corners()), truth.get("corners")));
                boolean found = error <= 0.03;
                String key = truth.get("type").asString() + " " + truth.get("side").asString();
                count(bySide, key, found);
                count(byDegradation, key + " " + truth.get("degradation").asString(), found);
                if (!found) {
                    System.out.printf("miss %s (%s): worst corner %.3f of the width%n", dir.resolve(image),
                            truth.get("degradation").asString(), error);
                }
            }
        }
        bySide.forEach((key, n) -> System.out.printf("%-34s %3d of %3d found%n", key, n[0], n[1]));
        byDegradation.forEach((key, n) -> System.out.printf("  %-44s %3d of %3d%n", key, n[0], n[1]));
        System.out.printf("%.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static void count(Map<String, int[]> counts, String key, boolean found) {
        int[] n = counts.computeIfAbsent(key, k -> new int[2]);
        n[0] += found ? 1 : 0;
        n[1]++;
    }

    private static double[][] halfTurned(double[][] c) {
        return new double[][] {c[2], c[3], c[0], c[1]};
    }

    /** The largest distance of a located corner from its true one, as a share of the true top side's length. */
    private static double worstCorner(double[][] found, JsonNode truth) {
        double width = Math.hypot(truth.get(1).get(0).asDouble() - truth.get(0).get(0).asDouble(),
                truth.get(1).get(1).asDouble() - truth.get(0).get(1).asDouble());
        double worst = 0;
        for (int i = 0; i < 4; i++) {
            worst = Math.max(worst, Math.hypot(found[i][0] - truth.get(i).get(0).asDouble(),
                    found[i][1] - truth.get(i).get(1).asDouble()));
        }
        return worst / width;
    }
}
