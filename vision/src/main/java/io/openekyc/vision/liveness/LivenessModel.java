package io.openekyc.vision.liveness;

import io.openekyc.vision.face.Face;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.model.ModelInfo;

/** A passive anti-spoofing model: the probability that a face is a live person in front of the camera. */
public interface LivenessModel {

    float liveProbability(RgbImage image, Face face);

    ModelInfo model();
}
