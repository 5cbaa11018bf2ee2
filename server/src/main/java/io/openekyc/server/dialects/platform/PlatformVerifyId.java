package io.openekyc.server.dialects.platform;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.openekyc.server.applications.Application;
import io.openekyc.server.documents.IdStep;
import io.openekyc.server.selfies.SelfieStep;
import io.openekyc.server.tenants.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /ekyc/platform/verify_id} of spec 000, with the application access token from init:
 * stores the card photos (labelled {@code <card_type>.front/.back}, QR photos {@code qr}), runs the
 * ID step and answers its status, label and next action.
 */
@RestController
public class PlatformVerifyId {

    static final int MAX_QR_IMAGES = 4;

    private final PlatformSessions sessions;
    private final PlatformImageInput input;
    private final IdStep step;
    private final Tenants tenants;
    private final TransactionTemplate transactions;

    public PlatformVerifyId(PlatformSessions sessions, PlatformImageInput input, IdStep step,
                            Tenants tenants, TransactionTemplate transactions) {
        this.tenants = tenants;
        this.sessions = sessions;
        this.input = input;
        this.step = step;
        this.transactions = transactions;
    }

    /** A client-side QR scan sent with a card photo. */
    public record QrCode(@JsonProperty("result") String result, @JsonProperty("from_image_type") String fromImageType) {
    }

    /** A card photo: ImageData plus the client's own QR scans. */
    public record CardImage(@JsonProperty("id") String id, @JsonProperty("base64") String base64,
                            @JsonProperty("metadata") Object metadata, @JsonProperty("qr_code") List<QrCode> qrCode) {

        ImageData data() {
            return new ImageData(id, base64, null, metadata);
        }
    }

    public record VerifyIdRequest(@JsonProperty("card_type") String cardType, @JsonProperty("image") CardImage image,
                                  @JsonProperty("image2") CardImage image2, @JsonProperty("qrs") List<ImageData> qrs) {
    }

    @PostMapping("/ekyc/platform/verify_id")
    public Envelope verifyId(HttpServletRequest request, @RequestBody VerifyIdRequest body) {
        PlatformSessions.Session session = sessions.session(request);
        long tenantId = session.tenantId();
        if (body.cardType() == null || body.cardType().isBlank()) {
            throw PlatformError.invalidParameters("card_type is required", List.of("card_type"));
        }
        if (body.image() == null) {
            throw PlatformError.invalidParameters("image is required", List.of("image"));
        }
        if (body.qrs() != null && body.qrs().size() > MAX_QR_IMAGES) {
            throw PlatformError.invalidParameters("at most " + MAX_QR_IMAGES + " qrs", List.of("qrs"));
        }
        IdStep.IdOutcome outcome = transactions.execute(tx -> {
            Application application = sessions.lockedForCheck(session, found -> {
                if (!found.cardTypes().contains(body.cardType())) {
                    throw PlatformError.invalidParameters("card_type " + body.cardType() + " is not allowed for this "
                            + "application; allowed: " + found.cardTypes(), List.of("card_type"));
                }
            });
            String actor = "application:" + application.id();
            IdStep.Photo front = photo(input.image(tenantId, application.id(), body.image().data(), "image",
                    body.cardType() + ".front", actor));
            IdStep.Photo back = body.image2() == null ? null : photo(input.image(tenantId, application.id(),
                    body.image2().data(), "image2", body.cardType() + ".back", actor));
            List<IdStep.Photo> qrPhotos = input.all(tenantId, application.id(), body.qrs(), "qrs", "qr", "qr", actor)
                    .stream().map(PlatformVerifyId::photo).toList();
            Integer minimumAge = tenants.byId(tenantId).settings().minimumAge();
            return step.run(application, body.cardType(), front, back, qrPhotos, clientQrs(body), minimumAge, actor);
        });
        return sessions.answer(session, outcome.status(), outcome.errorCode(), outcome.errorMessage(), outcome.label(),
                outcome.nextAction(), "verify id card completed");
    }

    private static List<String> clientQrs(VerifyIdRequest body) {
        List<String> payloads = new ArrayList<>();
        for (CardImage image : java.util.Arrays.asList(body.image(), body.image2())) {
            if (image != null && image.qrCode() != null) {
                image.qrCode().stream().map(QrCode::result).filter(r -> r != null && !r.isBlank()).forEach(payloads::add);
            }
        }
        return payloads;
    }

    private static IdStep.Photo photo(SelfieStep.Selfie stored) {
        return new IdStep.Photo(stored.imageId(), stored.image());
    }
}
