package io.openekyc.server.dialects.platform;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openekyc.server.applications.Application;
import io.openekyc.server.applications.Applications;
import io.openekyc.server.auth.PortalPrincipal;
import io.openekyc.server.images.Images;
import io.openekyc.server.selfies.SelfieOutcome;
import io.openekyc.server.selfies.SelfieStep;
import io.openekyc.server.tenants.Tenant;
import io.openekyc.server.tenants.Tenants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /portal/ekyc/vision_score} of spec 000: a selfie-only application created for the
 * call, its selfies (by upload id or inline) checked for quality and passive liveness, and the
 * vision score (how it is computed: {@link SelfieStep}). Gesture images and video frames (given as
 * images, by id or inline) are checked for active liveness: a blink or head movement by the same face.
 */
@RestController
public class PortalVisionScore {

    static final int MAX_IMAGES = 3;
    static final int MAX_EXTRA = 10;

    private final Applications applications;
    private final Tenants tenants;
    private final PlatformImageInput input;
    private final SelfieStep step;
    private final Images images;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    public PortalVisionScore(Applications applications, Tenants tenants, PlatformImageInput input, SelfieStep step,
                             Images images, TransactionTemplate transactions, JsonMapper json) {
        this.applications = applications;
        this.tenants = tenants;
        this.input = input;
        this.step = step;
        this.images = images;
        this.transactions = transactions;
        this.json = json;
    }

    public record VisionScoreRequest(@JsonProperty("images") List<ImageData> images,
                                     @JsonProperty("gesture_images") List<ImageData> gestureImages,
                                     @JsonProperty("videos") List<ImageData> videos,
                                     @JsonProperty("metadata") Map<String, Object> metadata,
                                     @JsonProperty("selfie_type") String selfieType,
                                     @JsonProperty("flow_id") String flowId) {
    }

    @PostMapping("/portal/ekyc/vision_score")
    public Envelope visionScore(@RequestAttribute(PortalPrincipal.ATTRIBUTE) PortalPrincipal principal,
                                @RequestBody VisionScoreRequest body) {
        if (body.images() == null || body.images().isEmpty() || body.images().size() > MAX_IMAGES) {
            throw PlatformError.invalidParameters("images must hold 1 to " + MAX_IMAGES + " selfies", List.of("images"));
        }
        int extra = size(body.gestureImages()) + size(body.videos());
        if (extra > MAX_EXTRA) {
            throw PlatformError.invalidParameters("at most " + MAX_EXTRA + " gesture images and videos",
                    List.of("gesture_images", "videos"));
        }
        String flowId = body.flowId() == null || body.flowId().isBlank() ? "vision_score_only" : body.flowId();
        if (!flowId.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw PlatformError.invalidParameters("flow_id has an invalid format", List.of("flow_id"));
        }
        Tenant tenant = tenants.byId(principal.tenantId());
        String actor = principal.actor();
        Result result = transactions.execute(tx -> {
            Application application = applications.openFor(tenant.id(), UUID.randomUUID().toString(),
                    new Applications.Start(flowId, tenant.settings().language(), tenant.settings().allowedCardTypes(),
                            List.of(SelfieStep.STEP)), actor).application();
            if (body.metadata() != null && !body.metadata().isEmpty()) {
                applications.recordMetadata(application, json.writeValueAsString(body.metadata()));
            }
            List<SelfieStep.Selfie> selfies = input.all(tenant.id(), application.id(), body.images(), "images",
                    "selfie", "portrait", actor);
            List<SelfieStep.Selfie> frames = new ArrayList<>(input.all(tenant.id(), application.id(),
                    body.gestureImages(), "gesture_images", "gesture", "gesture", actor));
            frames.addAll(input.all(tenant.id(), application.id(), body.videos(), "videos", "video_frame", "video_frame",
                    actor));
            SelfieOutcome outcome = step.run(application, tenant.settings(), selfies, body.selfieType(), frames, actor);
            return new Result(application.uniqueToken(), outcome);
        });
        Application application = applications.byToken(tenant.id(), result.token()).orElseThrow();
        Map<String, Object> detail = ApplicationViews.detail(application,
                images.attachedTo(tenant.id(), application.id()));
        Map<String, Object> state = ApplicationViews.applicationState(application, tenant.settings());
        return Envelope.success(Envelope.object(
                "application", detail,
                "unique_token", application.uniqueToken().toString(),
                "verify_response", Envelope.object(
                        "application_state", state,
                        "status", result.outcome().status(),
                        "error_code", result.outcome().errorCode())), "vision score check completed");
    }

    private record Result(UUID token, SelfieOutcome outcome) {
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }
}
