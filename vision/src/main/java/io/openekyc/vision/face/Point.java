package io.openekyc.vision.face;

/** A position in image pixels. */
public record Point(float x, float y) {
}
