package io.openekyc.server.dialects.platform;

import io.openekyc.server.applications.Application;
import io.openekyc.server.applications.Applications;
import io.openekyc.server.auth.BearerTokens;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The application behind an application access token (from init), and what the verify endpoints
 * share: it must still be in progress, one check runs at a time, and the answer's shape.
 */
@Component
public class PlatformSessions {

    /** Whose application a request is about. */
    public record Session(long tenantId, UUID token) {
    }

    private final BearerTokens bearer;
    private final Applications applications;

    public PlatformSessions(BearerTokens bearer, Applications applications) {
        this.bearer = bearer;
        this.applications = applications;
    }

    public Session session(HttpServletRequest request) {
        var claims = bearer.require(request, PlatformInit.APPLICATION_TOKEN).claims();
        return new Session(((Number) claims.getClaim("tenant")).longValue(), UUID.fromString(claims.getSubject()));
    }

    /**
     * The session's application, in progress and locked for this check for the current transaction
     * (404 when gone, 400 when finished, 429 when another check holds it).
     */
    public Application lockedForCheck(Session session, java.util.function.Consumer<Application> beforeLock) {
        Application application = applications.byToken(session.tenantId(), session.token())
                .orElseThrow(() -> PlatformError.notFound("applications not available"));
        if (!application.inProgress()) {
            throw PlatformError.invalidParameters("application is no longer in progress", List.of("access_token"));
        }
        beforeLock.accept(application);
        if (!applications.tryLockForCheck(application.id())) {
            throw PlatformError.limitExceeded("a verification is already in progress for this session");
        }
        return application;
    }

    /** The verify endpoints' answer: the step's status, the label processed and the application's state after it. */
    public Envelope answer(Session session, String status, String errorCode, String errorMessage, String label,
                           String nextAction, String message) {
        Application updated = applications.byToken(session.tenantId(), session.token()).orElseThrow();
        return Envelope.success(Envelope.object(
                "status", status,
                "error_code", errorCode,
                "error_message", errorMessage == null || errorMessage.isEmpty() ? Map.of() : Map.of("message", errorMessage),
                "label", label,
                "next_action", nextAction,
                "application_state", ApplicationViews.currentStep(updated)), message);
    }
}
