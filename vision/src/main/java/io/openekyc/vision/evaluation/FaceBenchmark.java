package io.openekyc.vision.evaluation;

import io.openekyc.vision.face.Detection;
import io.openekyc.vision.face.Face;
import io.openekyc.vision.face.FaceAligner;
import io.openekyc.vision.face.FaceEngine;
import io.openekyc.vision.image.ImageDecoder;
import io.openekyc.vision.image.RgbImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        List<String> order = new ArrayList<>(List.of("decode", "detect", "landmarks", "align", "embed"));
        order.addAll(extra.keySet());
        order.add("compare (end to end)");
        return StageTimes.measure(times -> once(first, second, times, extra), 3, threads, iterations, order);
    }

    private void once(byte[] first, byte[] second, StageTimes times, Map<String, ExtraStage> extra) throws Exception {
        RgbImage a = times.time("decode", () -> decode(first));
        List<Detection> detections = times.time("detect", () -> engine.detections(a));
        List<Face> faces = times.time("landmarks", () -> engine.landmarked(a, detections));
        if (faces.isEmpty()) {
            throw new IllegalStateException("benchmark image has no face");
        }
        Face face = faces.getFirst();
        RgbImage aligned = times.time("align", () -> FaceAligner.align(a, face.fivePoints()));
        float[] embeddingA = times.time("embed", () -> engine.embedder().embed(aligned));
        if (embeddingA.length == 0) {
            throw new IllegalStateException("no embedding");
        }
        long endToEnd = System.nanoTime();
        engine.compare(() -> decode(first), () -> decode(second), io.openekyc.vision.face.FaceMatch.DEFAULT_THRESHOLD);
        times.record("compare (end to end)", endToEnd);
        for (Map.Entry<String, ExtraStage> stage : extra.entrySet()) {
            times.time(stage.getKey(), () -> {
                stage.getValue().run(a, face);
                return null;
            });
        }
    }

    private RgbImage decode(byte[] bytes) {
        return StageTimes.decode(decoder, bytes);
    }
}
