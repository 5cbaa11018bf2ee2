package io.openekyc.vision.face;

import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.liveness.ActiveLiveness;
import io.openekyc.vision.liveness.HeadPose;
import io.openekyc.vision.liveness.LivenessResult;
import io.openekyc.vision.liveness.PassiveLiveness;
import io.openekyc.vision.liveness.SilentFaceLiveness;
import io.openekyc.vision.model.Models;
import io.openekyc.vision.quality.EyeState;
import io.openekyc.vision.quality.SelfieQuality;
import java.util.List;

/** The face engine with its liveness and quality checks, built once from the bundled models. */
public final class FaceKit implements AutoCloseable {

    private final Models models;
    private final FaceEngine engine;
    private final PassiveLiveness liveness;
    private final SelfieQuality quality;
    private final ActiveLiveness active;

    public FaceKit(Models models) {
        this.models = models;
        this.engine = new FaceEngine(models);
        this.liveness = new PassiveLiveness(new SilentFaceLiveness(models));
        EyeState eyes = new EyeState(models);
        this.quality = new SelfieQuality(eyes);
        this.active = new ActiveLiveness(engine, eyes, new HeadPose(models));
    }

    public static FaceKit load() {
        return new FaceKit(new Models());
    }

    /** The bundled models this kit was built from, for other engines to share. */
    public Models models() {
        return models;
    }

    public FaceEngine engine() {
        return engine;
    }

    /** Faces, quality and passive liveness of a selfie; liveness judged on the largest face. */
    public SelfieReport selfie(RgbImage image, double livenessThreshold) {
        List<Face> faces = engine.faces(image);
        LivenessResult live = faces.isEmpty() ? PassiveLiveness.noFace(livenessThreshold)
                : liveness.check(image, faces.getFirst(), livenessThreshold);
        return new SelfieReport(faces, quality.check(image, faces), live);
    }

    public ActiveLiveness active() {
        return active;
    }

    public PassiveLiveness liveness() {
        return liveness;
    }

    @Override
    public void close() {
        models.close();
    }
}
