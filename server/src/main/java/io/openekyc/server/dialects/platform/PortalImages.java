package io.openekyc.server.dialects.platform;

import io.openekyc.server.applications.Application;
import io.openekyc.server.applications.Applications;
import io.openekyc.server.audit.AuditLog;
import io.openekyc.server.auth.PortalPrincipal;
import io.openekyc.server.images.ImageTooLarge;
import io.openekyc.server.images.Images;
import io.openekyc.server.images.StoredImage;
import io.openekyc.vision.image.ImageRejected;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Spec 000's image upload and file download. */
@RestController
public class PortalImages {

    private final Images images;
    private final Applications applications;
    private final AuditLog audit;
    private final JsonMapper json;

    public PortalImages(Images images, Applications applications, AuditLog audit, JsonMapper json) {
        this.images = images;
        this.applications = applications;
        this.audit = audit;
        this.json = json;
    }

    /**
     * {@code POST /portal/ekyc/upload/image}. When the metadata names an application
     * ({@code unique_token}), the image is attached to it and appears in its {@code file_ids}.
     */
    @PostMapping(path = "/portal/ekyc/upload/image", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Envelope upload(@RequestAttribute(PortalPrincipal.ATTRIBUTE) PortalPrincipal principal,
                           @RequestPart(name = "file", required = false) MultipartFile file,
                           @RequestParam(name = "label", required = false) String label,
                           @RequestParam(name = "metadata", required = false) String metadata) throws IOException {
        if (file == null || file.isEmpty()) {
            throw PlatformError.invalidParameters("file is required and must not be empty", List.of("file"));
        }
        if (label != null && !label.isEmpty() && !label.matches("[a-z0-9_.]{1,64}")) {
            throw PlatformError.invalidParameters("label has an invalid format", List.of("label"));
        }
        Long applicationId = null;
        if (metadata != null && !metadata.isBlank()) {
            JsonNode node;
            try {
                node = json.readTree(metadata);
            } catch (JacksonException e) {
                throw PlatformError.invalidParameters("metadata must be a JSON object", List.of("metadata"));
            }
            if (node == null || !node.isObject()) {
                throw PlatformError.invalidParameters("metadata must be a JSON object", List.of("metadata"));
            }
            JsonNode token = node.get("unique_token");
            if (token != null && !token.isNull() && !token.asString().isEmpty()) {
                UUID uniqueToken = PlatformParameters.uuid(token.asString(), "metadata.unique_token");
                Application application = applications.byToken(principal.tenantId(), uniqueToken)
                        .orElseThrow(() -> PlatformError.notFound("applications not available"));
                applicationId = application.id();
            }
        }
        StoredImage stored;
        try {
            stored = images.store(principal.tenantId(), file.getBytes(), emptyToNull(label),
                    metadata == null || metadata.isBlank() ? null : metadata, applicationId, principal.actor());
        } catch (ImageTooLarge e) {
            throw new PlatformError(HttpStatus.PAYLOAD_TOO_LARGE, "invalid_parameters", e.getMessage(),
                    Map.of("invalid_parameters", List.of("file")));
        } catch (ImageRejected e) {
            throw PlatformError.invalidParameters(e.getMessage(), List.of("file"));
        }
        return Envelope.success(Map.of("image_id", stored.id().toString()), "image uploaded");
    }

    /** {@code GET /portal/document/download_ekyc_file}: the bytes of a file of one of the tenant's applications. */
    @GetMapping("/portal/document/download_ekyc_file")
    public ResponseEntity<byte[]> download(@RequestAttribute(PortalPrincipal.ATTRIBUTE) PortalPrincipal principal,
                                           @RequestParam(name = "application_id", required = false) String applicationId,
                                           @RequestParam(name = "id", required = false) String fileId) {
        Application application = PlatformParameters.application(applications, principal, applicationId);
        UUID imageId = PlatformParameters.uuid(fileId, "id");
        Images.Content content = images.readAttached(principal.tenantId(), application.id(), imageId)
                .orElseThrow(() -> PlatformError.notFound("file not available"));
        audit.record(principal.tenantId(), principal.actor(), "image.downloaded", "image:" + imageId,
                Map.of("application", application.id()));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.image().mediaType()))
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .body(content.bytes());
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
