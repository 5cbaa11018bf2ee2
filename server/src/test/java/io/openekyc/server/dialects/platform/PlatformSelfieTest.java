package io.openekyc.server.dialects.platform;

import static io.openekyc.server.support.Envelopes.assertVerdict;
import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.server.support.Http;
import io.openekyc.server.support.Pictures;
import io.openekyc.server.support.ServerTest;
import io.openekyc.server.support.SharedData;
import io.openekyc.server.tenants.TenantCredentials;
import java.sql.Connection;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class PlatformSelfieTest extends ServerTest {

    private static final String VERIFY = "/ekyc/platform/verify_selfie";

    @Autowired
    DataSource dataSource;

    private TenantCredentials tenant;
    private JsonNode session;

    @BeforeEach
    void session() {
        tenant = newTenant();
        session = init(tenant, "selfie-user");
    }

    @Test
    void aLiveSelfiePassesAndIsRecordedOnTheApplication() {
        Http.Answer answer = verify(List.of(image(SharedData.read("faces/spoof-samples/live_T1.jpg"))));
        assertVerdict(answer, 200, "success");
        JsonNode data = answer.json().get("data");
        assertThat(data.get("status").asString()).as(answer.text()).isEqualTo("success");
        assertThat(data.get("label").asString()).isEqualTo("portrait");

        JsonNode detail = detail();
        JsonNode face = detail.get("ekyc_face");
        assertThat(face.get("is_live").asBoolean()).isTrue();
        assertThat(face.get("liveness_score").asDouble()).isBetween(0.5, 1.0);
        assertThat(face.get("sanity_check_result").asString()).isEqualTo("good");
        assertThat(face.get("compare_status").asString()).isEqualTo("not_run");
        assertThat(face.get("selfie_image_uuid").asString())
                .isEqualTo(detail.get("file_ids").get("selfie_image_uuid").asString());
        assertThat(face.get("liveness_signals").get(0).get("source").asString()).contains("fr_liveness.onnx");
    }

    @Test
    void theSelfieIsComparedWithTheCardPortraitOnceAnIdFrontIsAttached() {
        Http.Answer before = verify(List.of(image(SharedData.read("faces/face-api-js/images/amy/amy1.png"))));
        assertThat(before.status()).isEqualTo(200);
        assertThat(detail().get("ekyc_face").get("compare_status").asString()).isEqualTo("not_run");

        String portal = login(tenant);
        http.upload("/portal/ekyc/upload/image", portal, SharedData.read("faces/face-api-js/images/amy/amy4.png"),
                Map.of("label", "vn.national_id.front", "metadata",
                        "{\"unique_token\":\"" + session.get("token").asString() + "\"}"));
        verify(List.of(image(SharedData.read("faces/face-api-js/images/amy/amy1.png"))));
        JsonNode matched = detail().get("ekyc_face");
        assertThat(matched.get("compare_status").asString()).isEqualTo("matched");
        assertThat(matched.get("compare_score").asDouble()).isBetween(0.5, 1.0);

        verify(List.of(image(SharedData.read("faces/face-api-js/images/penny/penny1.png"))));
        JsonNode unmatched = detail().get("ekyc_face");
        assertThat(unmatched.get("compare_status").asString()).isEqualTo("unmatched");
        assertThat(unmatched.get("compare_score").asDouble()).isLessThan(0.5);
    }

    @Test
    void aPrintAttackFailsLiveness() {
        Http.Answer answer = verify(List.of(image(SharedData.read("faces/spoof-samples/print_attack_F1.jpg"))));
        assertVerdict(answer, 200, "success");
        assertThat(answer.json().get("data").get("status").asString()).isEqualTo("failure");
        assertThat(answer.json().get("data").get("error_code").asString()).isEqualTo("liveness_failed");
        assertThat(detail().get("ekyc_face").get("is_live").asBoolean()).isFalse();
    }

    @Test
    void aPictureWithoutAFaceFailsWithFaceNotFound() {
        Http.Answer answer = verify(List.of(image(Pictures.jpeg(300, 300, 9))));
        assertThat(answer.json().get("data").get("status").asString()).isEqualTo("failure");
        assertThat(answer.json().get("data").get("error_code").asString()).isEqualTo("face_not_found");
    }

    @Test
    void badInputAnswersTheSpecVerdicts() {
        assertVerdict(verify(List.of()), 400, "invalid_parameters");
        assertVerdict(verify(List.of(Map.of("base64", "%%% not base64 %%%"))), 400, "invalid_parameters");
        assertVerdict(verify(List.of(image("plain text".getBytes()))), 400, "invalid_parameters");
        assertVerdict(verify(List.of(image(new byte[10 * 1024 * 1024 + 1]))), 413, "invalid_parameters");
        assertVerdict(http.postJson(VERIFY, null, Map.of("images", List.of())), 401, "missing_authorization");
        assertVerdict(http.postJson(VERIFY, login(tenant), Map.of("images", List.of(image(Pictures.png(9, 9, 1))))),
                401, "missing_authorization");
    }

    @Test
    void aSecondVerificationWhileOneRunsIsLimitExceeded() throws Exception {
        long applicationId = applicationId(session.get("token").asString());
        try (Connection running = dataSource.getConnection()) {
            running.setAutoCommit(false);
            try (var lock = running.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
                lock.setInt(1, 0x5e1f);
                lock.setInt(2, (int) applicationId);
                lock.execute();
            }
            assertVerdict(verify(List.of(image(SharedData.read("faces/spoof-samples/live_T1.jpg")))), 429,
                    "limit_exceeded");
            running.rollback();
        }
    }

    private Http.Answer verify(List<Map<String, String>> images) {
        return http.postJson(VERIFY, session.get("access_token").asString(), Map.of("images", images,
                "selfie_type", "passive"));
    }

    private JsonNode detail() {
        long applicationId = applicationId(session.get("token").asString());
        Http.Answer answer = http.get("/portal/application/detail?application_id=" + applicationId + "&id=selfie-user",
                login(tenant));
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().get("data");
    }

    static Map<String, String> image(byte[] bytes) {
        return Map.of("base64", Base64.getEncoder().encodeToString(bytes));
    }
}
