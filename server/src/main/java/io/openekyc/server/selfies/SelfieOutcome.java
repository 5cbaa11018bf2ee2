package io.openekyc.server.selfies;

import java.util.Map;

/**
 * The result of a selfie step: a status ("success" or "failure"), an error code when it failed,
 * and the stored face block (scores, statuses, evidence and image ids; no PII).
 */
public record SelfieOutcome(String status, String errorCode, String errorMessage, Map<String, Object> ekycFace) {

    public boolean success() {
        return "success".equals(status);
    }
}
