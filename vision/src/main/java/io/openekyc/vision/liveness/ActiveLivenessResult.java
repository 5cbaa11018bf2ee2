package io.openekyc.vision.liveness;

import java.util.List;

/**
 * Liveness over a sequence of frames (gesture images or video frames).
 *
 * @param status            "success", or "insufficient_frames" when fewer than three frames show a face
 * @param blinkDetected     eyes open, then closed, then open again across the frames
 * @param yawRange          spread of the head's yaw across the frames, degrees
 * @param pitchRange        spread of the head's pitch, degrees
 * @param sameIdentity      every frame's face matches the reference selfie
 * @param continuousMotion  no frame-to-frame jump of the face larger than its own width, or in size by over 1.5x
 * @param live              same identity, continuous, and a blink or a head movement of at least the minimum
 */
public record ActiveLivenessResult(String status, boolean blinkDetected, double yawRange, double pitchRange,
                                   boolean sameIdentity, boolean continuousMotion, boolean live,
                                   List<Frame> frames) {

    /** What was seen in one frame; null fields when the frame had no face. */
    public record Frame(int index, boolean faceFound, Float similarity, Double eyesOpen, Double yaw, Double pitch) {
    }
}
