package io.openekyc.vision.face;

/** A face found by a detector: its box and the detector's confidence 0..1. */
public record Detection(Box box, float score) {
}
