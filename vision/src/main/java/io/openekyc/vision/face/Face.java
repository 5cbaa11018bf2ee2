package io.openekyc.vision.face;

/** A detected face with its landmarks: the 68 points and the five used for alignment. */
public record Face(Detection detection, Point[] landmarks, Point[] fivePoints) {

    public Box box() {
        return detection.box();
    }
}
