package io.openekyc.vision.evaluation;

import io.openekyc.vision.face.Detection;
import io.openekyc.vision.face.Face;
import io.openekyc.vision.face.FaceAligner;
import io.openekyc.vision.face.FaceEngine;
import io.openekyc.vision.image.ImageDecoder;
import io.openekyc.vision.image.ImageRejected;
import io.openekyc.vision.image.RgbImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Latency of each stage of the face pipeline and of a whole compare, with 1..N threads running at
 * once (each thread repeats the work; latencies are per operation, wall-clock).
 */
public final class FaceBenchmark {

    /** Median and 95th percentile of one stage, in milliseconds. */
    public record Stage(String name, int threads, int samples, double medianMs, double p95Ms) {
    }

    /** Extra stages a caller adds (e.g. liveness), each timed on the decoded first image and its face. */
    public interface ExtraStage {
        void run(RgbImage image, Face face);
    }

    private final FaceEngine engine;
    private final ImageDecoder decoder = new ImageDecoder();

    public FaceBenchmark(FaceEngine engine) {
        this.engine = engine;
    }

    public List<Stage> run(byte[] first, byte[] second, int threads, int iterations, Map<String, ExtraStage> extra)
            throws Exception {
        Map<String, List<Double>> samples = new ConcurrentHashMap<>();
        // Warm-up: first runs pay for session initialisation and JIT.
        for (int i = 0; i < 3; i++) {
            once(first, second, new ConcurrentHashMap<>(), extra);
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < iterations; i++) {
                        once(first, second, samples, extra);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        List<Stage> stages = new ArrayList<>();
        for (Map.Entry<String, List<Double>> entry : samples.entrySet()) {
            List<Double> values = new ArrayList<>(entry.getValue());
            Collections.sort(values);
            stages.add(new Stage(entry.getKey(), threads, values.size(), percentile(values, 0.5),
                    percentile(values, 0.95)));
        }
        List<String> order = new ArrayList<>(List.of("decode", "detect", "landmarks", "align", "embed"));
        order.addAll(extra.keySet());
        order.add("compare (end to end)");
        stages.sort((a, b) -> Integer.compare(order.indexOf(a.name()), order.indexOf(b.name())));
        return stages;
    }

    private void once(byte[] first, byte[] second, Map<String, List<Double>> samples, Map<String, ExtraStage> extra)
            throws ImageRejected {
        RgbImage a = time(samples, "decode", () -> decode(first));
        List<Detection> detections = time(samples, "detect", () -> engine.detections(a));
        List<Face> faces = time(samples, "landmarks", () -> engine.landmarked(a, detections));
        if (faces.isEmpty()) {
            throw new IllegalStateException("benchmark image has no face");
        }
        Face face = faces.getFirst();
        RgbImage aligned = time(samples, "align", () -> FaceAligner.align(a, face.fivePoints()));
        float[] embeddingA = time(samples, "embed", () -> engine.embedder().embed(aligned));
        if (embeddingA.length == 0) {
            throw new IllegalStateException("no embedding");
        }
        long endToEnd = System.nanoTime();
        engine.compare(() -> decode(first), () -> decode(second), io.openekyc.vision.face.FaceMatch.DEFAULT_THRESHOLD);
        record(samples, "compare (end to end)", endToEnd);
        for (Map.Entry<String, ExtraStage> stage : extra.entrySet()) {
            time(samples, stage.getKey(), () -> {
                stage.getValue().run(a, face);
                return null;
            });
        }
    }

    private RgbImage decode(byte[] bytes) {
        try {
            return decoder.decode(bytes);
        } catch (ImageRejected e) {
            throw new IllegalArgumentException("benchmark image rejected: " + e.getMessage());
        }
    }

    private interface Work<T> {
        T get();
    }

    private static <T> T time(Map<String, List<Double>> samples, String stage, Work<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        record(samples, stage, start);
        return result;
    }

    private static void record(Map<String, List<Double>> samples, String stage, long start) {
        samples.computeIfAbsent(stage, k -> new CopyOnWriteArrayList<>()).add((System.nanoTime() - start) / 1e6);
    }

    private static double percentile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
