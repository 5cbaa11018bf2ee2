package io.openekyc.vision.document;

/** Which face of a document a photo shows. */
public enum CardSide {
    FRONT, BACK
}
