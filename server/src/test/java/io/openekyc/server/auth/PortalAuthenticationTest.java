package io.openekyc.server.auth;

import static io.openekyc.server.support.Envelopes.assertVerdict;
import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.server.support.ServerTest;
import io.openekyc.server.tenants.TenantCredentials;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PortalAuthenticationTest extends ServerTest {

    @Autowired
    JwtService jwt;

    @Test
    void missingAuthorizationHeaderIs401() {
        assertVerdict(http.get("/portal/settings", null), 401, "missing_authorization");
        assertThat(http.get("/portal/settings", null).json().get("message").asString())
                .isEqualTo("authorization header is missing");
    }

    @Test
    void expiredTokenIs401ExpiredToken() {
        TenantCredentials tenant = newTenant();
        long tenantId = tenants.byCode(tenant.clientCode()).orElseThrow().id();
        String expired = jwt.issue("1", PortalAuthentication.TOKEN_TYPE, Duration.ofSeconds(-5),
                Map.of("tenant", tenantId, "user_name", tenant.portalUser()));
        var answer = http.get("/portal/settings", expired);
        assertVerdict(answer, 401, "expired_token");
        assertThat(answer.json().get("message").asString()).isEqualTo("Provided token is expired");
    }

    @Test
    void tamperedSignatureIs401() {
        String token = login(newTenant());
        String[] parts = token.split("\\.");
        String forgedSignature = parts[2].charAt(0) == 'A' ? "B" + parts[2].substring(1) : "A" + parts[2].substring(1);
        assertVerdict(http.get("/portal/settings", parts[0] + "." + parts[1] + "." + forgedSignature), 401,
                "missing_authorization");
        assertVerdict(http.get("/portal/settings", "not-a-jwt"), 401, "missing_authorization");
    }

    @Test
    void applicationAccessTokenDoesNotOpenThePortal() {
        TenantCredentials tenant = newTenant();
        String applicationToken = init(tenant, "u").get("access_token").asString();
        assertVerdict(http.get("/portal/settings", applicationToken), 401, "missing_authorization");
    }

    @Test
    void tokensSignedBeforeAKeyRotationStayValid() {
        TenantCredentials tenant = newTenant();
        String before = login(tenant);
        jwt.rotate();
        String after = login(tenant);
        assertThat(kid(after)).isNotEqualTo(kid(before));
        assertThat(http.get("/portal/settings", before).status()).isEqualTo(200);
        assertThat(http.get("/portal/settings", after).status()).isEqualTo(200);
    }

    private static String kid(String token) {
        return new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]));
    }
}
