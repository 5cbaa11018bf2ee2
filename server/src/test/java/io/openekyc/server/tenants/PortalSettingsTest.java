package io.openekyc.server.tenants;

import static io.openekyc.server.support.Envelopes.assertVerdict;
import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.server.support.Http;
import io.openekyc.server.support.ServerTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortalSettingsTest extends ServerTest {

    @Test
    void settingsAreReadAndChangedByTheTenantsPortalUser() {
        TenantCredentials tenant = newTenant();
        String portal = login(tenant);
        Http.Answer before = http.get("/portal/settings", portal);
        assertVerdict(before, 200, "success");
        assertThat(before.json().get("data").get("language").asString()).isEqualTo("vi");

        Http.Answer changed = http.putJson("/portal/settings", portal, Map.of(
                "language", "en", "allowed_card_types", List.of("vn.passport"), "face_match_threshold", 0.42,
                "callback_url", "https://lender.example/ekyc", "callback_secret", "0123456789abcdef0123"));
        assertVerdict(changed, 200, "success");
        var data = http.get("/portal/settings", portal).json().get("data");
        assertThat(data.get("language").asString()).isEqualTo("en");
        assertThat(data.get("allowed_card_types").toString()).isEqualTo("[\"vn.passport\"]");
        assertThat(data.get("face_match_threshold").asDouble()).isEqualTo(0.42);
        assertThat(data.get("callback_secret_set").asBoolean()).isTrue();
        assertThat(changed.text()).doesNotContain("0123456789abcdef0123");

        long tenantId = tenants.byCode(tenant.clientCode()).orElseThrow().id();
        assertThat(jdbc.sql("select count(*) from audit_event where tenant_id = ? and action = 'tenant.settings_changed'")
                .param(tenantId).query(Integer.class).single()).isEqualTo(1);
        // The new allow-list governs init.
        assertThat(init(tenant, "u").get("bootstrap").get("client_custom_settings").get("allow_card_types").toString())
                .isEqualTo("[\"vn.passport\"]");
    }

    @Test
    void invalidSettingsAreRefusedWithTheExpectedFormats() {
        TenantCredentials tenant = newTenant();
        String portal = login(tenant);
        Http.Answer answer = http.putJson("/portal/settings", portal, Map.of(
                "language", "fr", "face_match_threshold", 3, "allowed_card_types", List.of("us.ssn"), "nope", 1));
        assertVerdict(answer, 400, "invalid_parameters");
        assertThat(answer.json().get("data").get("invalid_parameters").size()).isEqualTo(4);
        assertThat(answer.json().get("data").get("parameter_formats").get("language").asString()).contains("vi");
        assertThat(http.get("/portal/settings", portal).json().get("data").get("language").asString()).isEqualTo("vi");
    }
}
