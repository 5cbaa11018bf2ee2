package io.openekyc.server.dialects.platform;

import io.openekyc.server.applications.Application;
import io.openekyc.server.applications.Applications;
import io.openekyc.server.auth.PortalPrincipal;
import io.openekyc.server.images.Images;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /portal/application/detail} of spec 000; blocks of checks not yet run are absent. */
@RestController
public class PortalApplications {

    private final Applications applications;
    private final Images images;

    public PortalApplications(Applications applications, Images images) {
        this.applications = applications;
        this.images = images;
    }

    @GetMapping("/portal/application/detail")
    public Envelope detail(@RequestAttribute(PortalPrincipal.ATTRIBUTE) PortalPrincipal principal,
                           @RequestParam(name = "application_id", required = false) String applicationId,
                           @RequestParam(name = "id", required = false) String userId) {
        Application application = PlatformParameters.application(applications, principal, applicationId);
        if (userId == null || !userId.equals(application.userId())) {
            throw PlatformError.notFound("applications not available");
        }
        Map<String, Object> data = ApplicationViews.detail(application,
                images.attachedTo(principal.tenantId(), application.id()));
        return Envelope.success(data, "get application detail successfully");
    }
}
