package io.openekyc.vision.face;

import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.model.ModelInfo;
import java.util.List;

/** Finds faces in an image; implementations are replaceable (Ultra-Light RFB, BlazeFace, ...). */
public interface FaceDetector {

    /** Faces with score at least {@code minScore}, strongest first. */
    default List<Detection> detect(RgbImage image, float minScore) {
        return detectInRegion(image, new Box(0, 0, image.width(), image.height()), minScore);
    }

    /**
     * Faces in a region of the image (which may extend past it: the outside is grey), with boxes
     * in image coordinates. Detecting the whole image inside a larger grey region gives a face
     * that fills the picture the context the detector needs.
     */
    List<Detection> detectInRegion(RgbImage image, Box region, float minScore);

    ModelInfo model();
}
