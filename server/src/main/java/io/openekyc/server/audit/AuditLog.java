package io.openekyc.server.audit;

import io.openekyc.server.web.RequestIds;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit trail (a database trigger refuses updates and deletes). Callers pass ids
 * and outcomes only, never names, ID numbers, user ids or images.
 */
@Component
public class AuditLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public AuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void record(Long tenantId, String actor, String action, String target, Map<String, ?> details) {
        jdbc.sql("""
                insert into audit_event (tenant_id, actor, action, target, request_id, details)
                values (?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(tenantId, actor, action, target, RequestIds.current(),
                        json.writeValueAsString(details == null ? Map.of() : details))
                .update();
    }

    public void record(Long tenantId, String actor, String action, String target) {
        record(tenantId, actor, action, target, Map.of());
    }
}
