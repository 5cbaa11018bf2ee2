package io.openekyc.server.dialects.platform;

import io.openekyc.server.faces.FaceChecks;
import io.openekyc.server.images.ImageTooLarge;
import io.openekyc.server.images.Images;
import io.openekyc.server.images.StoredImage;
import io.openekyc.server.selfies.SelfieStep;
import io.openekyc.vision.image.ImageDecoder;
import io.openekyc.vision.image.ImageRejected;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns spec 000 ImageData into stored, decoded images attached to an application, answering the
 * spec's verdicts: invalid base64 or not an image 400, too large 413, unknown id 404.
 */
@Component
public class PlatformImageInput {

    private final Images images;
    private final FaceChecks faces;
    private final JsonMapper json;

    public PlatformImageInput(Images images, FaceChecks faces, JsonMapper json) {
        this.images = images;
        this.faces = faces;
        this.json = json;
    }

    public SelfieStep.Selfie image(long tenantId, long applicationId, ImageData data, String parameter, String label,
                                    String actor) {
        if (data == null || (blank(data.id()) && blank(data.base64()))) {
            throw PlatformError.invalidParameters(parameter + " needs an id or base64", List.of(parameter));
        }
        try {
            if (!blank(data.id())) {
                UUID id = PlatformParameters.uuid(data.id(), parameter + ".id");
                Images.Content content = images.read(tenantId, id)
                        .orElseThrow(() -> PlatformError.notFound("image " + data.id() + " not found"));
                images.attach(tenantId, id, applicationId, label, actor);
                return new SelfieStep.Selfie(id, faces.decode(content.bytes()));
            }
            byte[] bytes = decodeBase64(data.base64(), parameter);
            images.requireWithinLimit(bytes);
            // One decode both validates the upload for storage and gives the pixels to check.
            ImageDecoder.Decoded decoded = faces.decodeWithInfo(bytes);
            StoredImage stored = images.store(tenantId, bytes, decoded.info(), label, metadata(data.metadata()),
                    applicationId, actor);
            return new SelfieStep.Selfie(stored.id(), decoded.image());
        } catch (ImageTooLarge e) {
            throw new PlatformError(HttpStatus.PAYLOAD_TOO_LARGE, "invalid_parameters", e.getMessage(),
                    Map.of("invalid_parameters", List.of(parameter)));
        } catch (ImageRejected e) {
            throw PlatformError.invalidParameters(parameter + ": " + e.getMessage(), List.of(parameter));
        }
    }

    /**
     * A list of ImageData (parameter {@code images}, {@code gesture_images}, ...), stored and attached
     * in order under {@code label}, the last one under {@code lastLabel}.
     */
    public List<SelfieStep.Selfie> all(long tenantId, long applicationId, List<ImageData> items, String parameter,
                                       String label, String lastLabel, String actor) {
        List<SelfieStep.Selfie> stored = new java.util.ArrayList<>();
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                stored.add(image(tenantId, applicationId, items.get(i), parameter + "[" + i + "]",
                        i == items.size() - 1 ? lastLabel : label, actor));
            }
        }
        return stored;
    }

    static byte[] decodeBase64(String value, String parameter) {
        String text = value.strip();
        int comma = text.indexOf(',');
        if (text.startsWith("data:") && comma > 0) {
            text = text.substring(comma + 1); // tolerate a data-URL prefix
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(text.replaceAll("\\s", "").replace('-', '+').replace('_', '/'));
            if (bytes.length == 0) {
                throw new IllegalArgumentException("empty");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw PlatformError.invalidParameters(parameter + " is not valid base64", List.of(parameter));
        }
    }

    private String metadata(Object metadata) {
        if (metadata == null) {
            return null;
        }
        return metadata instanceof String text ? text : json.writeValueAsString(metadata);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
