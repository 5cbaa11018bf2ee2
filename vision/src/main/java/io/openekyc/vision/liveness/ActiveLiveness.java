package io.openekyc.vision.liveness;

import io.openekyc.vision.face.Box;
import io.openekyc.vision.face.Face;
import io.openekyc.vision.face.FaceEmbedder;
import io.openekyc.vision.face.FaceEngine;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.quality.EyeState;
import java.util.ArrayList;
import java.util.List;

/**
 * Active liveness from several frames: a blink (eye-state model) or a head movement (pose model),
 * by one continuous face that is the same person as the reference selfie. A replayed still photo
 * neither blinks nor turns; a swapped-in face fails the identity check.
 */
public final class ActiveLiveness {

    /** Minimum yaw or pitch spread, in degrees, that counts as a deliberate head movement. */
    public static final double MIN_HEAD_MOVEMENT = 15;
    static final int MIN_FRAMES = 3;

    private final FaceEngine engine;
    private final EyeState eyes;
    private final HeadPose pose;

    public ActiveLiveness(FaceEngine engine, EyeState eyes, HeadPose pose) {
        this.engine = engine;
        this.eyes = eyes;
        this.pose = pose;
    }

    public ActiveLivenessResult check(RgbImage reference, List<RgbImage> frames, float matchThreshold) {
        List<Face> referenceFaces = engine.faces(reference);
        float[] referenceEmbedding = referenceFaces.isEmpty() ? null
                : engine.embedding(reference, referenceFaces.getFirst());
        List<ActiveLivenessResult.Frame> observed = new ArrayList<>();
        List<Box> boxes = new ArrayList<>();
        List<Double> openness = new ArrayList<>();
        double minYaw = Double.MAX_VALUE;
        double maxYaw = -Double.MAX_VALUE;
        double minPitch = Double.MAX_VALUE;
        double maxPitch = -Double.MAX_VALUE;
        boolean sameIdentity = referenceEmbedding != null;
        for (int i = 0; i < frames.size(); i++) {
            RgbImage frame = frames.get(i);
            List<Face> faces = engine.faces(frame);
            if (faces.isEmpty()) {
                observed.add(new ActiveLivenessResult.Frame(i, false, null, null, null, null));
                continue;
            }
            Face face = faces.getFirst();
            Float similarity = referenceEmbedding == null ? null
                    : FaceEmbedder.cosine(referenceEmbedding, engine.embedding(frame, face));
            if (similarity == null || similarity <= matchThreshold) {
                sameIdentity = false;
            }
            double[] open = eyes.openProbabilities(frame, face);
            Double eyesOpen = open == null ? null : Math.max(open[0], open[1]);
            if (eyesOpen != null) {
                openness.add(eyesOpen);
            }
            HeadPose.Angles angles = pose.estimate(frame, face);
            minYaw = Math.min(minYaw, angles.yaw());
            maxYaw = Math.max(maxYaw, angles.yaw());
            minPitch = Math.min(minPitch, angles.pitch());
            maxPitch = Math.max(maxPitch, angles.pitch());
            boxes.add(face.box());
            observed.add(new ActiveLivenessResult.Frame(i, true, similarity, eyesOpen, angles.yaw(), angles.pitch()));
        }
        if (boxes.size() < MIN_FRAMES) {
            return new ActiveLivenessResult("insufficient_frames", false, 0, 0, sameIdentity && !boxes.isEmpty(),
                    false, false, observed);
        }
        boolean blink = blink(openness);
        double yawRange = maxYaw - minYaw;
        double pitchRange = maxPitch - minPitch;
        boolean continuous = continuous(boxes);
        boolean moved = yawRange >= MIN_HEAD_MOVEMENT || pitchRange >= MIN_HEAD_MOVEMENT;
        boolean live = sameIdentity && continuous && (blink || moved);
        return new ActiveLivenessResult("success", blink, round(yawRange), round(pitchRange), sameIdentity, continuous,
                live, observed);
    }

    /** Open (> 0.5), later closed (< 0.5), later open again. */
    static boolean blink(List<Double> openness) {
        int phase = 0;
        for (double open : openness) {
            if (phase == 0 && open > 0.5) {
                phase = 1;
            } else if (phase == 1 && open < 0.5) {
                phase = 2;
            } else if (phase == 2 && open > 0.5) {
                return true;
            }
        }
        return false;
    }

    static boolean continuous(List<Box> boxes) {
        for (int i = 1; i < boxes.size(); i++) {
            Box a = boxes.get(i - 1);
            Box b = boxes.get(i);
            double shift = Math.hypot(a.centerX() - b.centerX(), a.centerY() - b.centerY());
            double size = b.height() / Math.max(1e-3, a.height());
            if (shift > Math.max(a.width(), b.width()) || size > 1.5 || size < 1 / 1.5) {
                return false;
            }
        }
        return true;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
