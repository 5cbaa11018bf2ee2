package io.openekyc.server.selfies;

import io.openekyc.server.applications.Application;
import io.openekyc.server.applications.Applications;
import io.openekyc.server.faces.FaceChecks;
import io.openekyc.server.images.Images;
import io.openekyc.server.tenants.FlowSettings;
import io.openekyc.vision.face.FaceMatch;
import io.openekyc.vision.face.SelfieReport;
import io.openekyc.vision.liveness.ActiveLivenessResult;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.quality.QualityCheck;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The selfie step of an application: quality and passive liveness of the primary (last) selfie,
 * consistency of the other selfies with it, and the vision score; stored on the application.
 *
 * <p>vision_score (0..100, higher = more trustworthy) = 100 x (0.5 x liveness score + 0.3 x
 * quality score + 0.2 x consistency), where the quality score is the share of judged quality
 * checks that pass and consistency the share of the other selfies whose face matches the
 * primary's. With a single selfie there is no consistency evidence and the first two terms are
 * rescaled to the full range (100 x (0.5 L + 0.3 Q) / 0.8).
 */
@Service
public class SelfieStep {

    public static final String STEP = "ekyc.selfie.passive_v2";
    /**
     * Quality failures that make the step fail. Eyes-closed is reported but not blocking: the eye
     * model calls squinting, downward gaze and some glasses closed (docs/EVALUATION.md).
     */
    static final Set<String> BLOCKING = Set.of("face_detected", "multiple_faces", "face_too_small", "face_cut_off",
            "blur", "too_dark", "over_exposed");

    private final FaceChecks faces;
    private final Applications applications;
    private final Images images;

    public SelfieStep(FaceChecks faces, Applications applications, Images images) {
        this.faces = faces;
        this.applications = applications;
        this.images = images;
    }

    /** A selfie with the id it is stored under. */
    public record Selfie(UUID imageId, RgbImage image) {
    }

    /**
     * @param frames gesture images and video frames, in order; with any, active liveness (blink or
     *               head movement by the same, continuously moving face) is checked over them
     */
    public SelfieOutcome run(Application application, FlowSettings settings, List<Selfie> selfies, String selfieType,
                             List<Selfie> frames, String actor) {
        Selfie primary = selfies.getLast();
        SelfieReport report = faces.selfie(primary.image(), settings);
        Map<String, Object> face = new LinkedHashMap<>();
        String processedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
        face.put("process_status", "success");
        face.put("processed_at", processedAt);
        face.put("selfie_type", selfieType == null ? "passive" : selfieType);
        face.put("selfie_image_uuid", primary.imageId().toString());
        face.put("faces_found", report.faces().size());

        List<Map<String, Object>> checks = new ArrayList<>();
        List<String> blockingFailures = new ArrayList<>();
        for (QualityCheck check : report.quality()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", check.name());
            c.put("status", check.status());
            c.put("value", check.value());
            c.put("limit", check.limit());
            c.put("detail", check.detail());
            checks.add(c);
            if (check.failed() && BLOCKING.contains(check.name())) {
                blockingFailures.add(check.name());
            }
        }
        face.put("sanity_check_status", "success");
        face.put("sanity_check_score", round(report.qualityScore()));
        face.put("sanity_check_result", blockingFailures.isEmpty() ? "good" : "bad");
        face.put("sanity_check_details", checks);

        if (report.faceFound()) {
            face.put("liveness_status", "success");
            face.put("liveness_score", round(report.liveness().score()));
            face.put("is_live", report.liveness().live());
            face.put("liveness_threshold", report.liveness().threshold());
            face.put("liveness_signals", report.liveness().signals());
        } else {
            face.put("liveness_status", "failure");
            face.put("liveness_score", 0.0);
            face.put("is_live", false);
        }

        Double consistency = consistency(selfies, settings);
        face.put("consistency_status", consistency == null ? "not_applicable" : "success");
        face.put("consistency_score", consistency);
        double visionScore = !report.faceFound() ? 0 : consistency == null
                ? 100 * (0.5 * report.liveness().score() + 0.3 * report.qualityScore()) / 0.8
                : 100 * (0.5 * report.liveness().score() + 0.3 * report.qualityScore() + 0.2 * consistency);
        face.put("vision_score", (int) Math.round(visionScore));
        face.put("vision_score_status", report.faceFound() ? "success" : "failure");
        face.put("vision_score_request_id", UUID.randomUUID().toString());
        compareWithCard(application, settings, primary, report, face);
        face.put("search_face_status", "disabled");
        face.put("search_face_result", null);
        List<Map<String, Object>> gestures = new ArrayList<>();
        for (Selfie selfie : selfies) {
            gestures.add(Map.of("gesture", "frontal", "image_id", selfie.imageId().toString()));
        }
        face.put("gesture_images", gestures);
        face.put("sequence_frames", List.of());
        face.put("liveness_transformed_video_id", "");
        ActiveLivenessResult active = null;
        if (frames.isEmpty()) {
            face.put("active_liveness_status", "not_requested");
        } else {
            active = faces.active(primary.image(), frames.stream().map(Selfie::image).toList(), settings);
            face.put("active_liveness_status", active.status());
            face.put("active_liveness", active);
            List<Map<String, Object>> sequence = new ArrayList<>();
            for (int i = 0; i < frames.size(); i++) {
                sequence.add(Map.of("index", i, "image_id", frames.get(i).imageId().toString()));
            }
            face.put("sequence_frames", sequence);
        }

        SelfieOutcome outcome;
        if (!report.faceFound()) {
            outcome = new SelfieOutcome("failure", "face_not_found", "no face was found in the primary selfie", face);
        } else if (!blockingFailures.isEmpty()) {
            outcome = new SelfieOutcome("failure", "selfie_quality_failed",
                    "selfie quality checks failed: " + String.join(", ", blockingFailures), face);
        } else if (!report.liveness().live()) {
            outcome = new SelfieOutcome("failure", "liveness_failed", "the selfie did not pass the liveness check", face);
        } else if (active != null && !active.live()) {
            outcome = new SelfieOutcome("failure", "active_liveness_failed", "the frames show no blink or head "
                    + "movement by the same face (" + active.status() + ")", face);
        } else {
            outcome = new SelfieOutcome("success", "", "", face);
        }
        face.put("step_status", outcome.status());
        applications.recordFaceResult(application, face, STEP, actor);
        return outcome;
    }

    /**
     * Compares the selfie with the portrait on the application's ID card front, when one has been
     * attached (the ID step, or an upload labelled {@code <card_type>.front}).
     */
    private void compareWithCard(Application application, FlowSettings settings, Selfie selfie, SelfieReport report,
                                 Map<String, Object> face) {
        var card = images.attachedTo(application.tenantId(), application.id()).stream()
                .filter(file -> file.label() != null && file.label().endsWith(".front")).reduce((a, b) -> b);
        if (card.isEmpty()) {
            face.put("compare_status", "not_run");
            return;
        }
        UUID cardId = card.get().imageId();
        face.put("compare_card_image_uuid", cardId.toString());
        if (!report.faceFound()) {
            face.put("compare_status", "face_not_found_in_selfie");
            return;
        }
        RgbImage cardImage;
        try {
            cardImage = faces.decode(images.read(application.tenantId(), cardId).orElseThrow().bytes());
        } catch (io.openekyc.vision.image.ImageRejected e) {
            face.put("compare_status", "card_image_unreadable");
            return;
        }
        FaceMatch match = faces.compare(selfie.image(), cardImage, FaceChecks.matchThreshold(settings));
        if (!match.facesFound()) {
            face.put("compare_status", "face_not_found_on_card");
            return;
        }
        face.put("compare_status", match.matched() ? "matched" : "unmatched");
        face.put("compare_score", round(match.calibratedScore()));
        face.put("compare_cosine", round(match.score()));
        face.put("compare_threshold", match.threshold());
        face.put("compare_model", match.model());
    }

    /** Share of the other selfies whose largest face matches the primary's; null with one selfie. */
    private Double consistency(List<Selfie> selfies, FlowSettings settings) {
        if (selfies.size() < 2) {
            return null;
        }
        RgbImage primary = selfies.getLast().image();
        int matched = 0;
        for (Selfie other : selfies.subList(0, selfies.size() - 1)) {
            FaceMatch match = faces.compare(other.image(), primary, FaceChecks.matchThreshold(settings));
            if (match.matched()) {
                matched++;
            }
        }
        return round((double) matched / (selfies.size() - 1));
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
