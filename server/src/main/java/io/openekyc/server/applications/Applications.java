package io.openekyc.server.applications;

import io.openekyc.server.audit.AuditLog;
import io.openekyc.server.crypto.LookupHash;
import io.openekyc.server.crypto.SecretBox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Applications: created or found by (tenant, user id), always read within one tenant. */
@Service
public class Applications {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final SecretBox secrets;
    private final LookupHash lookup;
    private final AuditLog audit;

    public Applications(JdbcClient jdbc, JsonMapper json, SecretBox secrets, LookupHash lookup, AuditLog audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.secrets = secrets;
        this.lookup = lookup;
        this.audit = audit;
    }

    /** What a new application is created with. */
    public record Start(String flowId, String lang, List<String> cardTypes, List<String> requiredSteps) {
    }

    /** The result of {@link #openFor}: the application, and whether this call created it. */
    public record Opened(Application application, boolean created) {
    }

    /** Thrown when another request is opening an application for the same user right now. */
    public static class Busy extends RuntimeException {
        public Busy() {
            super("another request for this user is in progress");
        }
    }

    /**
     * Finds the user's open application at this tenant or creates one. A transaction-scoped
     * advisory lock on (tenant, user) serialises concurrent calls; a caller that cannot take it
     * at once gets {@link Busy} rather than waiting.
     */
    @Transactional
    public Opened openFor(long tenantId, String userId, Start start, String actor) {
        byte[] userHash = userHash(tenantId, userId);
        boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(advisoryKey(tenantId, userHash))
                .query(Boolean.class).single();
        if (!locked) {
            throw new Busy();
        }
        Optional<Application> open = jdbc.sql("select * from application where tenant_id = ? and user_id_hash = ? and state = ?")
                .params(tenantId, userHash, ApplicationState.IN_PROGRESS.code())
                .query(this::map).optional();
        if (open.isPresent()) {
            audit.record(tenantId, actor, "application.resumed", "application:" + open.get().id());
            return new Opened(open.get(), false);
        }
        UUID token = UUID.randomUUID();
        long id = jdbc.sql("""
                insert into application (tenant_id, unique_token, user_id_ct, user_id_hash, state, flow_id, lang,
                                         card_types, required_steps)
                values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb)) returning id""")
                .params(tenantId, token, secrets.sealString(userId, "application-user:" + token), userHash,
                        ApplicationState.IN_PROGRESS.code(), start.flowId(), start.lang(),
                        json.writeValueAsString(start.cardTypes()), json.writeValueAsString(start.requiredSteps()))
                .query(Long.class).single();
        audit.record(tenantId, actor, "application.state_changed", "application:" + id,
                Map.of("from", "none", "to", ApplicationState.IN_PROGRESS.code(), "verdict", "pending"));
        return new Opened(byId(tenantId, id).orElseThrow(), true);
    }

    /**
     * Takes the per-application check lock for the current transaction, or returns false at once
     * when another check of the same application holds it (the caller answers 429).
     */
    public boolean tryLockForCheck(long applicationId) {
        return jdbc.sql("select pg_try_advisory_xact_lock(?, ?)").params(0x5e1f, (int) applicationId)
                .query(Boolean.class).single();
    }

    /** Stores the selfie step's result and marks the step completed. */
    public void recordFaceResult(Application application, Map<String, Object> ekycFace, String step, String actor) {
        List<String> completed = new java.util.ArrayList<>(application.completedSteps());
        if (!completed.contains(step)) {
            completed.add(step);
        }
        jdbc.sql("""
                update application set ekyc_face = cast(? as jsonb), completed_steps = cast(? as jsonb),
                       updated_at = now() where id = ? and tenant_id = ?""")
                .params(json.writeValueAsString(ekycFace), json.writeValueAsString(completed), application.id(),
                        application.tenantId())
                .update();
        audit.record(application.tenantId(), actor, "application.step_completed", "application:" + application.id(),
                Map.of("step", step, "process_status", String.valueOf(ekycFace.get("process_status"))));
    }

    /**
     * Stores the ID step's result (the OCR block encrypted: it holds the card's PII) and marks the
     * step completed.
     */
    public void recordIdResult(Application application, Map<String, Object> ekycOcr, Map<String, Object> idTampering,
                               String step, String actor) {
        List<String> completed = new java.util.ArrayList<>(application.completedSteps());
        if (!completed.contains(step)) {
            completed.add(step);
        }
        jdbc.sql("""
                update application set ekyc_ocr_ct = ?, id_tampering = cast(? as jsonb),
                       completed_steps = cast(? as jsonb), updated_at = now() where id = ? and tenant_id = ?""")
                .params(secrets.sealString(json.writeValueAsString(ekycOcr), "application-ocr:" + application.uniqueToken()),
                        json.writeValueAsString(idTampering), json.writeValueAsString(completed), application.id(),
                        application.tenantId())
                .update();
        audit.record(application.tenantId(), actor, "application.step_completed", "application:" + application.id(),
                Map.of("step", step, "process_status", String.valueOf(ekycOcr.get("process_status"))));
    }

    /** Stores client-supplied applicant metadata (may hold PII) encrypted with the application. */
    public void recordMetadata(Application application, String metadataJson) {
        jdbc.sql("update application set metadata_ct = ? where id = ? and tenant_id = ?")
                .params(secrets.sealString(metadataJson, "application-metadata:" + application.uniqueToken()),
                        application.id(), application.tenantId())
                .update();
    }

    public Optional<Application> byId(long tenantId, long id) {
        return jdbc.sql("select * from application where tenant_id = ? and id = ?").params(tenantId, id)
                .query(this::map).optional();
    }

    public Optional<Application> byToken(long tenantId, UUID token) {
        return jdbc.sql("select * from application where tenant_id = ? and unique_token = ?").params(tenantId, token)
                .query(this::map).optional();
    }

    /** The advisory lock key that serialises requests for one user of one tenant. */
    public long lockKeyFor(long tenantId, String userId) {
        return advisoryKey(tenantId, userHash(tenantId, userId));
    }

    private byte[] userHash(long tenantId, String userId) {
        return lookup.of("application-user:" + tenantId, userId);
    }

    private static long advisoryKey(long tenantId, byte[] userHash) {
        long key = tenantId * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < 8; i++) {
            key = (key << 8 | (key >>> 56)) ^ (userHash[i] & 0xFF);
        }
        return key;
    }

    private Application map(ResultSet rs, int row) throws SQLException {
        UUID token = rs.getObject("unique_token", UUID.class);
        return new Application(
                rs.getLong("id"), rs.getLong("tenant_id"), token,
                secrets.openString(rs.getBytes("user_id_ct"), "application-user:" + token),
                ApplicationState.of(rs.getString("state")), rs.getString("verdict"),
                rs.getString("flow_id"), rs.getString("lang"),
                json.readValue(rs.getString("card_types"), STRINGS),
                json.readValue(rs.getString("required_steps"), STRINGS),
                json.readValue(rs.getString("completed_steps"), STRINGS),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("ekyc_face") == null ? null : json.readValue(rs.getString("ekyc_face"), OBJECT),
                rs.getBytes("ekyc_ocr_ct") == null ? null
                        : json.readValue(secrets.openString(rs.getBytes("ekyc_ocr_ct"), "application-ocr:" + token), OBJECT),
                rs.getString("id_tampering") == null ? null : json.readValue(rs.getString("id_tampering"), OBJECT));
    }
}
