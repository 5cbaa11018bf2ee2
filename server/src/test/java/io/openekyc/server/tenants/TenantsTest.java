package io.openekyc.server.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openekyc.server.support.ServerTest;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantsTest extends ServerTest {

    @Test
    void newTenantGetsWorkingCredentialsAndNoSecretIsStoredInClear() {
        TenantCredentials created = newTenant();
        assertThat(Base64.getDecoder().decode(created.aesKey())).hasSize(32);
        assertThat(Base64.getDecoder().decode(created.aesIv())).hasSize(16);
        assertThat(created.portalUser()).matches("^[a-z0-9_]{1,63}$");

        long tenantId = tenants.byCode(created.clientCode()).orElseThrow().id();
        assertThat(tenants.byApiKey(created.apiKey()).orElseThrow().id()).isEqualTo(tenantId);
        assertThat(tenants.byApiKey(created.apiKey() + "x")).isEmpty();
        assertThat(tenants.byApiKey(null)).isEmpty();
        assertThat(tenants.aesKey(created.keyId()).orElseThrow().key())
                .isEqualTo(Base64.getDecoder().decode(created.aesKey()));

        String stored = String.join("|", jdbc.sql("""
                select concat_ws('|', encode(k.key_ct, 'base64'), encode(a.key_hash, 'base64'), u.password_hash)
                from tenant_aes_key k join tenant_api_key a using (tenant_id) join portal_user u using (tenant_id)
                where k.tenant_id = ?""").param(tenantId).query(String.class).list());
        assertThat(stored).doesNotContain(created.aesKey()).doesNotContain(created.apiKey())
                .doesNotContain(created.portalPassword());
    }

    @Test
    void inactiveTenantsApiKeyIsRefused() {
        TenantCredentials created = newTenant();
        jdbc.sql("update tenant set active = false where code = ?").param(created.clientCode()).update();
        assertThat(tenants.byApiKey(created.apiKey())).isEmpty();
    }

    @Test
    void codesAreValidatedAndUnique() {
        TenantCredentials created = newTenant();
        assertThatThrownBy(() -> tenants.create(created.clientCode(), "test")).hasMessageContaining("already exists");
        assertThatThrownBy(() -> tenants.create("Bad Code", "test")).hasMessageContaining("must match");
    }

    @Test
    void settingsChangesAreValidatedTogether() {
        long tenantId = tenants.byCode(newTenant().clientCode()).orElseThrow().id();
        assertThatThrownBy(() -> tenants.changeSettings(tenantId,
                Map.of("language", "de", "liveness_threshold", "1.5"), "test"))
                .isInstanceOfSatisfying(FlowSettings.InvalidSettings.class,
                        e -> assertThat(e.formats()).containsOnlyKeys("language", "liveness_threshold"));
        FlowSettings changed = tenants.changeSettings(tenantId,
                Map.of("liveness_threshold", "0.8", "required_steps", "ekyc.id_card"), "test");
        assertThat(changed.livenessThreshold()).isEqualTo(0.8);
        assertThat(changed.requiredSteps()).containsExactly("ekyc.id_card");
        assertThat(tenants.byId(tenantId).settings()).isEqualTo(changed);
    }
}
