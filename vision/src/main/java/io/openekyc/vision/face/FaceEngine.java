package io.openekyc.vision.face;

import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.model.Models;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Detect, landmark, align and embed. A tight crop (the face fills the picture, as on a portrait
 * crop or an ID photo cut-out) gives the detector no context and it boxes parts of the face, so
 * every image is also detected centred on a grey canvas twice its size, and the two passes are
 * merged. (Measured on the face-api-js crops:
 * ROC AUC 0.958 without the canvas, 1.0 with it; see docs/EVALUATION.md.)
 */
public final class FaceEngine {

    public static final float MIN_DETECTION_SCORE = 0.6f;
    /** Smallest face, in pixels, worth reporting (ID-card portraits of 282x179 scans are about 50). */
    public static final float MIN_FACE_PIXELS = 16;
    private static final ExecutorService SIDES = Executors.newVirtualThreadPerTaskExecutor();

    private final FaceDetector detector;
    private final Landmarker landmarker;
    private final FaceEmbedder embedder;

    public FaceEngine(Models models) {
        this(new UltraLightDetector(models), new Landmarker(models), new FaceEmbedder(models));
    }

    public FaceEngine(FaceDetector detector, Landmarker landmarker, FaceEmbedder embedder) {
        this.detector = detector;
        this.landmarker = landmarker;
        this.embedder = embedder;
    }

    /** All faces, largest first. */
    public List<Face> faces(RgbImage image) {
        return landmarked(image, detections(image));
    }

    /** Face boxes from both detection passes, merged. */
    public List<Detection> detections(RgbImage image) {
        List<Detection> candidates = new ArrayList<>(detector.detect(image, MIN_DETECTION_SCORE));
        candidates.addAll(detectInCanvas(image));
        if (candidates.isEmpty()) {
            // A small portrait on an ID card or passport page: look again in overlapping tiles, where
            // it covers more of the detector's input.
            candidates.addAll(detectInTiles(image));
        }
        // Boxes a few pixels high are texture (guilloche, print patterns), not faces anyone can use.
        candidates.removeIf(d -> d.box().height() < MIN_FACE_PIXELS || d.box().width() < MIN_FACE_PIXELS);
        return distinctFaces(candidates);
    }

    private List<Detection> detectInTiles(RgbImage image) {
        List<Detection> found = new ArrayList<>();
        float w = image.width() * 0.6f;
        float h = image.height() * 0.6f;
        for (float y : new float[] {0, image.height() - h}) {
            for (float x : new float[] {0, image.width() - w}) {
                // Grow each tile into the detector's 4:3 shape so faces keep their proportions.
                float tileW = Math.max(w, h * 4 / 3);
                float tileH = Math.max(h, w * 3 / 4);
                Box tile = new Box(x + w / 2 - tileW / 2, y + h / 2 - tileH / 2, x + w / 2 + tileW / 2,
                        y + h / 2 + tileH / 2);
                found.addAll(detector.detectInRegion(image, tile, MIN_DETECTION_SCORE));
            }
        }
        return found;
    }

    /** Adds landmarks to detections; largest face first. */
    public List<Face> landmarked(RgbImage image, List<Detection> detections) {
        List<Face> faces = new ArrayList<>();
        for (Detection detection : detections) {
            Point[] landmarks = landmarker.landmarks(image, square(detection.box(), image));
            faces.add(new Face(detection, landmarks, Landmarker.fivePoints(landmarks)));
        }
        faces.sort(Comparator.comparingDouble((Face face) -> face.box().area()).reversed());
        return faces;
    }

    /** The L2-normalised embedding of one face of the image. */
    public float[] embedding(RgbImage image, Face face) {
        return embedder.embed(FaceAligner.align(image, face.fivePoints()));
    }

    /** Compares the largest faces of two images at a threshold on the cosine score. */
    public FaceMatch compare(RgbImage first, RgbImage second, float threshold) {
        return compare(() -> first, () -> second, threshold);
    }

    /**
     * Compares two images produced by the given suppliers (typically decoders). The two sides are
     * independent, so they run at the same time: on a 2-core machine one compare uses both cores.
     */
    public FaceMatch compare(Supplier<RgbImage> first, Supplier<RgbImage> second, float threshold) {
        CompletableFuture<Side> other = CompletableFuture.supplyAsync(() -> side(second.get()), SIDES);
        Side a = side(first.get());
        Side b;
        try {
            b = other.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
        if (a.embedding() == null || b.embedding() == null) {
            return new FaceMatch(null, false, threshold, a.faces(), b.faces(), embedder.model().label());
        }
        float score = FaceEmbedder.cosine(a.embedding(), b.embedding());
        return new FaceMatch(score, score > threshold, threshold, a.faces(), b.faces(), embedder.model().label());
    }

    private record Side(List<Face> faces, float[] embedding) {
    }

    private Side side(RgbImage image) {
        List<Face> faces = faces(image);
        return new Side(faces, faces.isEmpty() ? null : embedding(image, faces.getFirst()));
    }

    public FaceDetector detector() {
        return detector;
    }

    public Landmarker landmarker() {
        return landmarker;
    }

    public FaceEmbedder embedder() {
        return embedder;
    }

    /**
     * Non-maximum suppression over both passes: a box is dropped when it overlaps a stronger one
     * (IoU above 0.4) or lies mostly inside it (a detector on a tight crop boxes an eye or the
     * lower face on its own; that is part of the face, not a second face).
     */
    static List<Detection> distinctFaces(List<Detection> candidates) {
        return Detection.suppress(candidates, 0.4f, 0.6f);
    }

    /** The square box (side = box height, same centre) that the landmark model was trained on. */
    static Box square(Box box, RgbImage image) {
        float side = Math.min(box.height(), Math.min(image.width(), image.height()));
        float x1 = box.centerX() - side / 2;
        float y1 = box.centerY() - side / 2;
        x1 = Math.max(0, Math.min(image.width() - side, x1));
        y1 = Math.max(0, Math.min(image.height() - side, y1));
        return new Box(x1, y1, x1 + side, y1 + side);
    }

    private List<Detection> detectInCanvas(RgbImage image) {
        float padX = image.width() / 2f;
        float padY = image.height() / 2f;
        Box canvas = new Box(-padX, -padY, image.width() + padX, image.height() + padY);
        List<Detection> mapped = new ArrayList<>();
        for (Detection detection : detector.detectInRegion(image, canvas, MIN_DETECTION_SCORE)) {
            Box box = detection.box();
            // Keep faces that lie mostly on the real picture, not on the grey surround.
            Box clipped = new Box(Math.max(0, box.x1()), Math.max(0, box.y1()),
                    Math.min(image.width(), box.x2()), Math.min(image.height(), box.y2()));
            if (clipped.area() >= 0.6f * box.area()) {
                mapped.add(detection);
            }
        }
        return mapped;
    }
}
