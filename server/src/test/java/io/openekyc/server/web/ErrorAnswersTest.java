package io.openekyc.server.web;

import static io.openekyc.server.support.Envelopes.assertVerdict;
import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.server.support.Http;
import io.openekyc.server.support.ServerTest;
import io.openekyc.server.tenants.TenantCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class ErrorAnswersTest extends ServerTest {

    @Test
    void wrongMethodOnAKnownRouteIs405InvalidMethod() {
        Http.Answer answer = http.method("GET", "/auth/users/login");
        assertVerdict(answer, 405, "invalid_method");
        assertThat(answer.json().get("message").asString()).isEqualTo("method is not correct for the requested route");
        assertVerdict(http.method("DELETE", "/ekyc/platform/init"), 405, "invalid_method");
    }

    @Test
    void unknownRouteIs404() {
        assertThat(http.get("/no/such/route", null).status()).isEqualTo(404);
        assertThat(http.get("/no/such/route", null).json().get("verdict").asString()).isEqualTo("not_found");
    }

    @Test
    void malformedJsonIs400() {
        Http.Answer answer = http.postJson("/auth/users/login", null, "this is a JSON string, not an object");
        assertVerdict(answer, 400, "invalid_parameters");
    }

    @Test
    void unexpectedErrorAnswers500WithAnErrorIdThatIsLoggedWithTheStackTrace(CapturedOutput output) {
        TenantCredentials tenant = newTenant();
        String portal = login(tenant);
        String token = init(tenant, "will-break").get("token").asString();
        long applicationId = applicationId(token);
        // Corrupt the stored ciphertext: decrypting it fails inside the server.
        jdbc.sql("update application set user_id_ct = decode('01', 'hex') where id = ?").param(applicationId).update();

        Http.Answer answer = http.get("/portal/application/detail?application_id=" + applicationId + "&id=will-break", portal);
        assertVerdict(answer, 500, "failure");
        String message = answer.json().get("message").asString();
        assertThat(message).matches("Unexpected error\\. Error ID: [0-9a-f]{32}");
        assertThat(answer.text()).doesNotContain("Exception").doesNotContain("at io.openekyc");
        String errorId = message.substring(message.lastIndexOf(' ') + 1);
        assertThat(output.getAll()).contains("Error ID: " + errorId).contains("IllegalStateException");
    }

    @Test
    void everyAnswerCarriesARequestId() {
        Http.Answer answer = http.get("/portal/settings", null);
        assertThat(answer.header("X-Request-Id")).isNotBlank();
    }
}
