package io.openekyc.server.dialects.platform;

import io.openekyc.server.applications.Application;
import io.openekyc.server.images.Images;
import io.openekyc.server.tenants.FlowSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Spec 000's application shapes: detail, file_ids and application_state. */
final class ApplicationViews {

    private ApplicationViews() {
    }

    /** The next required step not yet completed, or "success" when all are. */
    static String currentStep(Application application) {
        return application.requiredSteps().stream().filter(s -> !application.completedSteps().contains(s))
                .findFirst().orElse("success");
    }

    static Map<String, Object> detail(Application application, List<Images.Attached> attached) {
        Map<String, Object> data = Envelope.object(
                "verdict", application.verdict(),
                "application_id", application.id(),
                "application_unique_token", application.uniqueToken().toString(),
                "application_user_id", application.userId(),
                "file_ids", fileIds(attached));
        if (application.ekycOcr() != null) {
            data.put("ekyc_ocr", application.ekycOcr());
        }
        if (application.ekycFace() != null) {
            data.put("ekyc_face", application.ekycFace());
        }
        if (application.idTampering() != null) {
            data.put("id_tampering", application.idTampering());
        }
        data.put("time", Envelope.now());
        return data;
    }

    static Map<String, Object> applicationState(Application application, FlowSettings settings) {
        String current = currentStep(application);
        return Envelope.object(
                "all_completed_states", application.completedSteps(),
                "client_custom_settings", Envelope.object(
                        "allow_card_types", application.cardTypes(),
                        "redirect_url", settings.redirectUrl() == null ? "" : settings.redirectUrl()),
                "current_step", current,
                "fully_completed", "success".equals(current),
                "required_states", application.requiredSteps());
    }

    /** Spec 000's file_ids block from the labels images were uploaded with. */
    static Map<String, Object> fileIds(List<Images.Attached> attached) {
        Map<String, Object> ids = Envelope.object();
        List<Map<String, String>> gestures = new ArrayList<>();
        for (Images.Attached file : attached) {
            String label = file.label() == null ? "" : file.label();
            String id = file.imageId().toString();
            if (label.endsWith(".front")) {
                ids.put("id_front_img_uuid", id);
            } else if (label.endsWith(".back")) {
                ids.put("id_back_img_uuid", id);
            } else if (label.startsWith("qr")) {
                ids.put("qr1_img_uuid", id);
            } else if (label.equals("portrait")) {
                ids.put("selfie_image_uuid", id);
            } else if (label.startsWith("selfie") || label.startsWith("gesture")) {
                gestures.add(Map.of("gesture", "frontal", "image_id", id));
            }
        }
        if (!gestures.isEmpty()) {
            ids.put("gesture_images", gestures);
        }
        return ids;
    }
}
