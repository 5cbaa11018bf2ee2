package io.openekyc.server.dialects.platform;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openekyc.server.applications.Application;
import io.openekyc.server.selfies.SelfieOutcome;
import io.openekyc.server.selfies.SelfieStep;
import io.openekyc.server.tenants.Tenant;
import io.openekyc.server.tenants.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /ekyc/platform/verify_selfie} of spec 000, with the application access token from
 * init: stores the selfies, runs quality and passive liveness on the last one, and records the
 * result on the application. Comparison with the card portrait waits for the document engine.
 */
@RestController
public class PlatformSelfie {

    static final int MAX_IMAGES = 10;

    private final PlatformSessions sessions;
    private final Tenants tenants;
    private final PlatformImageInput input;
    private final SelfieStep step;
    private final TransactionTemplate transactions;

    public PlatformSelfie(PlatformSessions sessions, Tenants tenants, PlatformImageInput input,
                          SelfieStep step, TransactionTemplate transactions) {
        this.sessions = sessions;
        this.tenants = tenants;
        this.input = input;
        this.step = step;
        this.transactions = transactions;
    }

    public record VerifySelfieRequest(@JsonProperty("images") List<ImageData> images,
                                      @JsonProperty("selfie_type") String selfieType) {
    }

    @PostMapping("/ekyc/platform/verify_selfie")
    public Envelope verifySelfie(HttpServletRequest request, @RequestBody VerifySelfieRequest body) {
        PlatformSessions.Session session = sessions.session(request);
        long tenantId = session.tenantId();
        if (body.images() == null || body.images().isEmpty()) {
            throw PlatformError.invalidParameters("images must not be empty", List.of("images"));
        }
        if (body.images().size() > MAX_IMAGES) {
            throw PlatformError.invalidParameters("at most " + MAX_IMAGES + " images", List.of("images"));
        }
        SelfieOutcome outcome = transactions.execute(tx -> {
            Application application = sessions.lockedForCheck(session, found -> { });
            Tenant tenant = tenants.byId(tenantId);
            String actor = "application:" + application.id();
            List<SelfieStep.Selfie> selfies = input.all(tenantId, application.id(), body.images(), "images", "selfie",
                    "portrait", actor);
            // Three or more images are frames of one capture: they are also checked for active liveness.
            List<SelfieStep.Selfie> frames = selfies.size() >= 3 ? selfies : List.of();
            return step.run(application, tenant.settings(), selfies, body.selfieType(), frames, actor);
        });
        return sessions.answer(session, outcome.status(), outcome.errorCode(),
                outcome.success() ? "" : outcome.errorMessage(), "portrait", "", "verify selfie completed");
    }
}
