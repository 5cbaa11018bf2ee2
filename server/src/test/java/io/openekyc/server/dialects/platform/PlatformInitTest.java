package io.openekyc.server.dialects.platform;

import static io.openekyc.server.support.Envelopes.assertVerdict;
import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.server.applications.Applications;
import io.openekyc.server.support.Http;
import io.openekyc.server.support.ServerTest;
import io.openekyc.server.tenants.TenantCredentials;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class PlatformInitTest extends ServerTest {

    @Autowired
    Applications applications;

    @Autowired
    DataSource dataSource;

    @Test
    void initCreatesAnApplicationAndReturnsTokenAccessTokenAndBootstrap() {
        TenantCredentials tenant = newTenant();
        Http.Answer answer = http.get("/ekyc/platform/init?encrypted_token=" + userToken(tenant, "user-1")
                + "&card_types=vn.national_id,vn.passport&lang=en&flow_id=default", null);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("verdict").asString()).isEqualTo("success");
        assertThat(body.get("message").asString()).isEqualTo("platform init successfully");
        JsonNode data = body.get("data");
        assertThat(data.get("token").asString()).matches("[0-9a-f-]{36}");
        assertThat(data.get("access_token").asString()).contains(".");
        JsonNode bootstrap = data.get("bootstrap");
        assertThat(bootstrap.get("lender_code").asString()).isEqualTo(tenant.clientCode());
        assertThat(bootstrap.get("lender_language").asString()).isEqualTo("en");
        assertThat(bootstrap.get("client_custom_settings").get("allow_card_types").toString())
                .isEqualTo("[\"vn.national_id\",\"vn.passport\"]");
        assertThat(bootstrap.get("required_steps").isArray()).isTrue();
    }

    @Test
    void secondInitForTheSameUserFindsTheOpenApplication() {
        TenantCredentials tenant = newTenant();
        String first = init(tenant, "same-user").get("token").asString();
        String second = init(tenant, "same-user").get("token").asString();
        String other = init(tenant, "other-user").get("token").asString();
        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void tokenEncryptedWithTheOpensslCommandLineIsAccepted() throws Exception {
        TenantCredentials tenant = newTenant();
        byte[] key = Base64.getDecoder().decode(tenant.aesKey());
        byte[] iv = Base64.getDecoder().decode(tenant.aesIv());
        Process openssl = new ProcessBuilder("openssl", "enc", "-aes-256-cbc", "-nosalt",
                "-K", HexFormat.of().formatHex(key), "-iv", HexFormat.of().formatHex(iv)).start();
        openssl.getOutputStream().write("0912345678".getBytes(StandardCharsets.UTF_8));
        openssl.getOutputStream().close();
        byte[] ciphertext = openssl.getInputStream().readAllBytes();
        assertThat(openssl.waitFor()).isZero();
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String token = url.encodeToString((tenant.keyId() + ":" + url.encodeToString(ciphertext))
                .getBytes(StandardCharsets.UTF_8));

        Http.Answer answer = http.get("/ekyc/platform/init?encrypted_token=" + token, null);
        assertThat(answer.status()).isEqualTo(200);
        String uniqueToken = answer.json().get("data").get("token").asString();
        String portal = login(tenant);
        Http.Answer detail = http.get("/portal/application/detail?application_id=" + applicationId(uniqueToken)
                + "&id=0912345678", portal);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.json().get("data").get("application_user_id").asString()).isEqualTo("0912345678");
    }

    @Test
    void missingOrUndecodableTokenIsInvalidParameters() {
        TenantCredentials tenant = newTenant();
        assertVerdict(http.get("/ekyc/platform/init", null), 400, "invalid_parameters");
        assertVerdict(http.get("/ekyc/platform/init?encrypted_token=%25%25%25", null), 400, "invalid_parameters");
        // Right key id, ciphertext made with another key: does not decrypt.
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String forged = url.encodeToString((tenant.keyId() + ":" + url.encodeToString(new byte[32]))
                .getBytes(StandardCharsets.UTF_8));
        assertVerdict(http.get("/ekyc/platform/init?encrypted_token=" + forged, null), 400, "invalid_parameters");
    }

    @Test
    void unknownOrInactiveKeyIdIsRecordNotFound() {
        TenantCredentials tenant = newTenant();
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String unknown = url.encodeToString(("no_such_key:" + url.encodeToString(new byte[16]))
                .getBytes(StandardCharsets.UTF_8));
        assertVerdict(http.get("/ekyc/platform/init?encrypted_token=" + unknown, null), 404, "record_not_found");

        jdbc.sql("update tenant_aes_key set active = false where key_id = ?").param(tenant.keyId()).update();
        assertVerdict(http.get("/ekyc/platform/init?encrypted_token=" + userToken(tenant, "u"), null),
                404, "record_not_found");
    }

    @Test
    void cardTypesOutsideTheTenantsAllowListAreRefused() {
        TenantCredentials tenant = newTenant();
        long tenantId = tenants.byCode(tenant.clientCode()).orElseThrow().id();
        tenants.changeSettings(tenantId, java.util.Map.of("allowed_card_types", List.of("vn.national_id")), "test");
        Http.Answer answer = http.get("/ekyc/platform/init?encrypted_token=" + userToken(tenant, "u")
                + "&card_types=vn.national_id,vn.passport", null);
        assertVerdict(answer, 400, "invalid_parameters");
        assertThat(answer.json().get("message").asString()).contains("vn.passport");
    }

    @Test
    void concurrentInitForTheSameUserIsLimitExceeded() throws Exception {
        TenantCredentials tenant = newTenant();
        long tenantId = tenants.byCode(tenant.clientCode()).orElseThrow().id();
        // Another init for this user holds the per-user lock (as a request in flight would).
        try (Connection inFlight = dataSource.getConnection()) {
            inFlight.setAutoCommit(false);
            try (var lock = inFlight.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, applications.lockKeyFor(tenantId, "busy-user"));
                lock.execute();
            }
            assertVerdict(http.get("/ekyc/platform/init?encrypted_token=" + userToken(tenant, "busy-user"), null),
                    429, "limit_exceeded");
            assertThat(http.get("/ekyc/platform/init?encrypted_token=" + userToken(tenant, "free-user"), null)
                    .status()).isEqualTo(200);
            inFlight.rollback();
        }
        assertThat(http.get("/ekyc/platform/init?encrypted_token=" + userToken(tenant, "busy-user"), null)
                .status()).isEqualTo(200);
    }

    @Test
    void manyParallelInitsForOneUserYieldOneApplication() throws Exception {
        TenantCredentials tenant = newTenant();
        String token = userToken(tenant, "parallel-user");
        List<Http.Answer> answers;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(6)) {
            List<java.util.concurrent.Future<Http.Answer>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                futures.add(pool.submit(() -> new Http(port).get("/ekyc/platform/init?encrypted_token=" + token, null)));
            }
            answers = new java.util.ArrayList<>();
            for (var future : futures) {
                answers.add(future.get());
            }
        }
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isIn(200, 429));
        assertThat(answers.stream().filter(a -> a.status() == 200)
                .map(a -> a.json().get("data").get("token").asString()).distinct().count()).isEqualTo(1);
        long tenantId = tenants.byCode(tenant.clientCode()).orElseThrow().id();
        assertThat(jdbc.sql("select count(*) from application where tenant_id = ?").param(tenantId)
                .query(Integer.class).single()).isEqualTo(1);
    }
}
