package io.openekyc.server.faces;

import io.openekyc.server.OpenEkycProperties;
import io.openekyc.server.tenants.FlowSettings;
import io.openekyc.vision.face.FaceKit;
import io.openekyc.vision.face.FaceMatch;
import io.openekyc.vision.face.SelfieReport;
import io.openekyc.vision.image.ImageDecoder;
import io.openekyc.vision.image.ImageProbe;
import io.openekyc.vision.image.ImageRejected;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.liveness.ActiveLivenessResult;
import io.openekyc.vision.liveness.PassiveLiveness;
import org.springframework.stereotype.Service;

/**
 * The face checks as the dialects use them: bytes in, engine results out, with the tenant's
 * thresholds (or the engine's measured defaults when the tenant has set none).
 */
@Service
public class FaceChecks {

    private final FaceKit kit;
    private final ImageDecoder decoder;

    public FaceChecks(FaceKit kit, OpenEkycProperties properties) {
        this.kit = kit;
        this.decoder = new ImageDecoder(new ImageProbe(properties.upload().maxPixels()));
    }

    public RgbImage decode(byte[] bytes) throws ImageRejected {
        return decoder.decode(bytes);
    }

    /** Decodes once, keeping what the file is, so a caller storing it need not decode it again. */
    public ImageDecoder.Decoded decodeWithInfo(byte[] bytes) throws ImageRejected {
        return decoder.decodeWithInfo(bytes);
    }

    public static float matchThreshold(FlowSettings settings) {
        return settings.faceMatchThreshold() == null ? FaceMatch.DEFAULT_THRESHOLD
                : settings.faceMatchThreshold().floatValue();
    }

    public static double livenessThreshold(FlowSettings settings) {
        return settings.livenessThreshold() == null ? PassiveLiveness.DEFAULT_THRESHOLD : settings.livenessThreshold();
    }

    public SelfieReport selfie(RgbImage image, FlowSettings settings) {
        return kit.selfie(image, livenessThreshold(settings));
    }

    public ActiveLivenessResult active(RgbImage reference, java.util.List<RgbImage> frames, FlowSettings settings) {
        return kit.active().check(reference, frames, matchThreshold(settings));
    }

    public FaceMatch compare(RgbImage first, RgbImage second, float threshold) {
        return kit.engine().compare(first, second, threshold);
    }
}
