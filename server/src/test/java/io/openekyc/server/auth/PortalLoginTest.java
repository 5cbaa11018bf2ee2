package io.openekyc.server.auth;

import static io.openekyc.server.support.Envelopes.assertVerdict;
import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.server.support.Http;
import io.openekyc.server.support.ServerTest;
import io.openekyc.server.tenants.TenantCredentials;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PortalLoginTest extends ServerTest {

    @Test
    void rightPasswordGivesAnAccessToken() {
        TenantCredentials tenant = newTenant();
        Http.Answer answer = http.postJson("/auth/users/login", null,
                Map.of("user_name", tenant.portalUser(), "password", tenant.portalPassword()));
        assertVerdict(answer, 200, "success");
        assertThat(answer.json().get("message").asString()).isEqualTo("login success");
        assertThat(answer.json().get("data").get("access_token").asString().split("\\.")).hasSize(3);
    }

    @Test
    void userNameOutsideThePatternIsInvalidParameters() {
        Http.Answer answer = http.postJson("/auth/users/login", null, Map.of("user_name", "Bad-Name", "password", "x"));
        assertVerdict(answer, 400, "invalid_parameters");
        assertThat(answer.json().get("data").get("invalid_parameters").toString()).isEqualTo("[\"user_name\"]");
        assertThat(answer.json().get("data").get("parameter_formats").get("user_name").asString())
                .isEqualTo("[regex: ^[a-z0-9_]{1,63}$]");
        assertThat(answer.json().get("message").asString()).isEqualTo("some parameters has invalid format");
    }

    @Test
    void wrongPasswordOrUnknownUserIsInvalidCredential() {
        TenantCredentials tenant = newTenant();
        Http.Answer wrong = http.postJson("/auth/users/login", null,
                Map.of("user_name", tenant.portalUser(), "password", "not-it"));
        assertVerdict(wrong, 401, "invalid_credential");
        assertThat(wrong.json().get("message").asString()).isEqualTo("username or password is incorrect");
        assertVerdict(http.postJson("/auth/users/login", null, Map.of("user_name", "nobody_here", "password", "x")),
                401, "invalid_credential");
    }

    @Test
    void fiveFailuresLockTheUserOutEvenWithTheRightPasswordUntilTheWindowPasses() {
        TenantCredentials tenant = newTenant();
        Map<String, String> wrong = Map.of("user_name", tenant.portalUser(), "password", "guess");
        Map<String, String> right = Map.of("user_name", tenant.portalUser(), "password", tenant.portalPassword());
        for (int i = 0; i < 5; i++) {
            assertVerdict(http.postJson("/auth/users/login", null, wrong), 401, "invalid_credential");
        }
        Http.Answer locked = http.postJson("/auth/users/login", null, right);
        assertVerdict(locked, 429, "limit_exceeded");
        assertThat(locked.json().get("message").asString()).isEqualTo("too many failed login attempts");

        // Other users are not affected.
        TenantCredentials other = newTenant();
        assertThat(login(other)).isNotBlank();

        // Fourteen minutes later the window still holds; sixteen minutes later it has passed.
        age(tenant.portalUser(), 14);
        assertVerdict(http.postJson("/auth/users/login", null, right), 429, "limit_exceeded");
        age(tenant.portalUser(), 2);
        assertVerdict(http.postJson("/auth/users/login", null, right), 200, "success");
    }

    @Autowired
    LoginAttemptPruning pruning;

    @Test
    void attemptsOlderThanADayArePruned() {
        TenantCredentials tenant = newTenant();
        http.postJson("/auth/users/login", null, Map.of("user_name", tenant.portalUser(), "password", "guess"));
        login(tenant);
        age(tenant.portalUser(), 60 * 25);
        assertThat(pruning.prune()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select count(*) from login_attempt where user_name = ?").param(tenant.portalUser())
                .query(Integer.class).single()).isZero();
    }

    private void age(String userName, int minutes) {
        jdbc.sql("update login_attempt set attempted_at = attempted_at - make_interval(mins => ?) where user_name = ?")
                .params(minutes, userName).update();
    }
}
