package io.openekyc.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openekyc.server.support.Pictures;
import io.openekyc.server.support.ServerTest;
import io.openekyc.server.tenants.TenantCredentials;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditTrailTest extends ServerTest {

    @Test
    void loginInitUploadAndDownloadAreAuditedWithoutPii() {
        TenantCredentials tenant = newTenant();
        http.postJson("/auth/users/login", null, Map.of("user_name", tenant.portalUser(), "password", "wrong"));
        String portal = login(tenant);
        String userId = "0987654321-private";
        String token = init(tenant, userId).get("token").asString();
        long applicationId = applicationId(token);
        String imageId = http.upload("/portal/ekyc/upload/image", portal, Pictures.png(20, 20, 21),
                Map.of("label", "portrait", "metadata", "{\"unique_token\":\"" + token + "\"}"))
                .json().get("data").get("image_id").asString();
        http.get("/portal/document/download_ekyc_file?application_id=" + applicationId + "&id=" + imageId, portal);

        long tenantId = tenants.byCode(tenant.clientCode()).orElseThrow().id();
        List<String> actions = jdbc.sql("select action from audit_event where tenant_id = ? order by id")
                .param(tenantId).query(String.class).list();
        assertThat(actions).containsSubsequence("tenant.created", "login.failed", "login.succeeded",
                "application.state_changed", "image.uploaded", "image.downloaded");
        assertThat(jdbc.sql("select count(*) from audit_event where tenant_id = ? and request_id is null and actor <> 'test'")
                .param(tenantId).query(Integer.class).single()).isZero();
        String everything = String.join("\n", jdbc.sql(
                "select concat_ws('|', actor, action, target, details::text) from audit_event where tenant_id = ?")
                .param(tenantId).query(String.class).list());
        assertThat(everything).doesNotContain(userId).doesNotContain(tenant.portalPassword());
    }

    @Test
    void theAuditTableIsAppendOnly() {
        newTenant();
        assertThatThrownBy(() -> jdbc.sql("update audit_event set action = 'x'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update())
                .hasMessageContaining("append-only");
    }
}
