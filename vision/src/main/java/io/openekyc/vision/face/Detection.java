package io.openekyc.vision.face;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A face found by a detector: its box and the detector's confidence 0..1. */
public record Detection(Box box, float score) {

    /**
     * Non-maximum suppression: strongest first, a box is dropped when its IoU with a kept box is
     * above {@code iou}, or when more than {@code containment} of the smaller box lies inside a kept
     * one (pass {@code Float.POSITIVE_INFINITY} to suppress by IoU only).
     */
    public static List<Detection> suppress(List<Detection> candidates, float iou, float containment) {
        List<Detection> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection candidate : sorted) {
            boolean duplicate = false;
            for (Detection keep : kept) {
                Box a = keep.box();
                Box b = candidate.box();
                float ix = Math.max(0, Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1()));
                float iy = Math.max(0, Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1()));
                float inside = ix * iy / Math.max(1e-6f, Math.min(a.area(), b.area()));
                if (a.iou(b) > iou || inside > containment) {
                    duplicate = true;
                    break;
                }
            }
            if (!duplicate) {
                kept.add(candidate);
            }
        }
        return kept;
    }
}
