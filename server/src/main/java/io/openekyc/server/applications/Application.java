package io.openekyc.server.applications;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One customer's eKYC journey at one tenant. {@code userId} is decrypted PII: never log it. */
public record Application(
        long id,
        long tenantId,
        UUID uniqueToken,
        String userId,
        ApplicationState state,
        String verdict,
        String flowId,
        String lang,
        List<String> cardTypes,
        List<String> requiredSteps,
        List<String> completedSteps,
        Instant createdAt,
        Instant updatedAt,
        Map<String, Object> ekycFace,
        Map<String, Object> ekycOcr,
        Map<String, Object> idTampering) {

    public boolean inProgress() {
        return state == ApplicationState.IN_PROGRESS;
    }
}
