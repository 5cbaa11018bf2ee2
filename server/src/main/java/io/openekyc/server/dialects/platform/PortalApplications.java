package io.openekyc.server.dialects.platform;

import io.openekyc.server.applications.Application;
import io.openekyc.server.applications.Applications;
import io.openekyc.server.auth.PortalPrincipal;
import io.openekyc.server.images.Images;
import java.util.List;
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
        Map<String, Object> data = Envelope.object(
                "verdict", application.verdict(),
                "application_id", application.id(),
                "application_unique_token", application.uniqueToken().toString(),
                "application_user_id", application.userId(),
                "file_ids", fileIds(images.attachedTo(principal.tenantId(), application.id())),
                "time", Envelope.now());
        return Envelope.success(data, "get application detail successfully");
    }

    /** Spec 000's file_ids block from the labels images were uploaded with. */
    static Map<String, Object> fileIds(List<Images.Attached> attached) {
        Map<String, Object> ids = Envelope.object();
        for (Images.Attached file : attached) {
            String label = file.label() == null ? "" : file.label();
            String key;
            if (label.endsWith(".front")) {
                key = "id_front_img_uuid";
            } else if (label.endsWith(".back")) {
                key = "id_back_img_uuid";
            } else if (label.startsWith("qr")) {
                key = "qr1_img_uuid";
            } else if (label.equals("portrait") || label.startsWith("selfie")) {
                key = "selfie_image_uuid";
            } else {
                key = null;
            }
            if (key != null) {
                ids.put(key, file.imageId().toString());
            }
        }
        return ids;
    }
}
