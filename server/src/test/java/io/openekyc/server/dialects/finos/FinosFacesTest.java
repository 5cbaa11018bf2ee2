package io.openekyc.server.dialects.finos;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.server.support.Http;
import io.openekyc.server.support.Pictures;
import io.openekyc.server.support.ServerTest;
import io.openekyc.server.support.SharedData;
import io.openekyc.server.tenants.TenantCredentials;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FinosFacesTest extends ServerTest {

    private static final String PAIR = "/ekyc/face/v1/photo/verifyPair";
    private static final String LIVENESS = "/ekyc/face/v2/photo/liveness";

    private TenantCredentials tenant;

    @BeforeEach
    void tenant() {
        tenant = newTenant();
    }

    @Test
    void wrongApiKeyIs401WithTheSpecBody() {
        Http.Answer answer = http.multipart(PAIR, Map.of("X-FinOS-Api-Key", "oek_wrong"),
                Map.of("image1", face("amy/amy1.png"), "image2", face("amy/amy2.png")), Map.of("type", "selfie"));
        assertThat(answer.status()).isEqualTo(401);
        JsonNode body = answer.json();
        assertThat(body.get("requestId").asString()).isEmpty();
        assertThat(body.get("status").asString()).isEqualTo("failure");
        assertThat(body.get("statusCode").asString()).isEqualTo("401");
        assertThat(body.get("error").asString()).isEqualTo("API Key is not valid or is expired / revoked.");
        assertThat(http.multipart(LIVENESS, Map.of(), Map.of("image", face("amy/amy1.png")), Map.of()).status())
                .isEqualTo(401);
    }

    @Test
    void samePersonMatchesAndADifferentPersonDoesNot() {
        JsonNode same = pair(Map.of("image1", face("amy/amy1.png"), "image2", face("amy/amy4.png")),
                Map.of("type", "selfie"), Map.of());
        JsonNode other = pair(Map.of("image1", face("amy/amy1.png"), "image2", face("penny/penny2.png")),
                Map.of("type", "selfie"), Map.of());
        assertThat(same.get("status").asString()).isEqualTo("success");
        assertThat(same.get("result").get("match").asString()).isEqualTo("yes");
        assertThat(other.get("result").get("match").asString()).isEqualTo("no");
        assertThat(same.get("result").get("match_score").asInt())
                .isGreaterThan(other.get("result").get("match_score").asInt())
                .isEqualTo(same.get("result").get("match-score").asInt());
        assertThat(same.get("requestId").asString()).matches("\\d+-[0-9a-f-]{36}");
        assertThat(same.get("transactionId").asString()).isEqualTo("tx-test");
    }

    @Test
    void selfieAndIdIsTheOtherValidCombination() {
        JsonNode answer = pair(Map.of("selfie", face("raj/raj1.png"), "id", face("raj/raj3.png")), Map.of(), Map.of());
        assertThat(answer.get("result").get("match").asString()).isEqualTo("yes");
    }

    @Test
    void theThresholdHeaderDecides() {
        for (String threshold : new String[] {"1", "50", "99"}) {
            JsonNode result = pair(Map.of("image1", face("sheldon/sheldon1.png"), "image2", face("howard/howard2.png")),
                    Map.of("type", "selfie"), Map.of("threshold", threshold)).get("result");
            boolean expected = result.get("match_score").asInt() >= Integer.parseInt(threshold);
            assertThat(result.get("match").asString()).isEqualTo(expected ? "yes" : "no");
            assertThat(result.get("conf").asInt()).isBetween(0, 100);
        }
        Http.Answer bad = http.multipart(PAIR, headers(Map.of("threshold", "100")),
                Map.of("image1", face("amy/amy1.png"), "image2", face("amy/amy2.png")), Map.of("type", "selfie"));
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void anyOtherParameterCombinationIs400WithTheSpecMessage() {
        String message = "Missing / Wrong combination of parameters. Valid Parameter combinations - "
                + "(image1, image2, type) or (selfie, id) or (selfie, idFaceString)";
        assertFailure(http.multipart(PAIR, headers(Map.of()), Map.of("image1", face("amy/amy1.png")),
                Map.of("type", "selfie")), 400, message);
        assertFailure(http.multipart(PAIR, headers(Map.of()), Map.of("image1", face("amy/amy1.png"),
                "image2", face("amy/amy2.png")), Map.of()), 400, message);
        assertFailure(http.multipart(PAIR, headers(Map.of()), Map.of("image1", face("amy/amy1.png"),
                "id", face("amy/amy2.png")), Map.of("type", "selfie")), 400, message);
    }

    @Test
    void badImagesAnswer400And413AndNoFace422() {
        assertFailure(http.multipart(PAIR, headers(Map.of()), Map.of("image1", "not an image".getBytes(StandardCharsets.UTF_8),
                "image2", face("amy/amy2.png")), Map.of("type", "selfie")), 400, "Invalid image file uploaded");
        byte[] huge = new byte[10 * 1024 * 1024 + 10];
        assertFailure(http.multipart(PAIR, headers(Map.of()), Map.of("image1", huge, "image2", face("amy/amy2.png")),
                Map.of("type", "selfie")), 413, "The request is larger than the server is willing or able to process");
        Http.Answer noFace = http.multipart(PAIR, headers(Map.of()), Map.of("image1", Pictures.png(200, 200, 3),
                "image2", face("amy/amy2.png")), Map.of("type", "selfie"));
        assertFailure(noFace, 422, "Face not detected in image1");
        assertFailure(http.multipart(LIVENESS, headers(Map.of()), Map.of(), Map.of()), 400, "image is required");
    }

    @Test
    void livenessJudgesTheLiveSampleAboveThePrintAttack() {
        JsonNode live = liveness(SharedData.read("faces/spoof-samples/live_T1.jpg"), "tx-live").get("result");
        JsonNode print = liveness(SharedData.read("faces/spoof-samples/print_attack_F1.jpg"), "tx-print").get("result");
        assertThat(print.get("liveFace").get("value").asString()).isEqualTo("no");
        assertThat(print.get("summary").get("action").asString()).isEqualTo("manualReview");
        assertThat(print.get("summary").get("details").toString()).contains("\"code\":\"111\"");
        assertThat(live.get("liveFace").get("value").asString()).isEqualTo("yes");
        assertThat(live.get("qualityChecks").get("maskPresent").get("value").asString()).isEqualTo("unavailable");
        assertThat(live.get("qualityChecks").get("multipleFaces").get("value").asString()).isEqualTo("no");
    }

    @Test
    void fraudCheckLivenessNeedsTheSameSelfieToHavePassedLivenessInTheSameTransaction() {
        byte[] selfie = SharedData.read("faces/spoof-samples/live_T1.jpg");
        byte[] other = face("amy/amy1.png");
        Map<String, String> fraudCheck = Map.of("fraudCheckLiveness", "yes");
        // No liveness call yet in this transaction.
        assertFailure(http.multipart(PAIR, headers(Map.of("transactionId", "tx-fraud")),
                Map.of("selfie", selfie, "id", selfie), fraudCheck), 400, "Fraud check liveness failed");
        liveness(selfie, "tx-fraud");
        assertThat(http.multipart(PAIR, headers(Map.of("transactionId", "tx-fraud")),
                Map.of("selfie", selfie, "id", selfie), fraudCheck).status()).isEqualTo(200);
        assertFailure(http.multipart(PAIR, headers(Map.of("transactionId", "tx-fraud")),
                Map.of("selfie", other, "id", selfie), fraudCheck), 400, "Fraud check liveness failed");
        // Another tenant's liveness calls do not count.
        TenantCredentials stranger = newTenant();
        Map<String, String> strangerHeaders = Map.of("X-FinOS-Api-Key", stranger.apiKey(), "transactionId", "tx-fraud");
        assertFailure(http.multipart(PAIR, strangerHeaders, Map.of("selfie", selfie, "id", selfie), fraudCheck),
                400, "Fraud check liveness failed");
    }

    private JsonNode pair(Map<String, byte[]> files, Map<String, String> fields, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("transactionId", "tx-test");
        Http.Answer answer = http.multipart(PAIR, headers(headers), files, fields);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    private JsonNode liveness(byte[] image, String transaction) {
        Http.Answer answer = http.multipart(LIVENESS, headers(Map.of("transactionId", transaction)),
                Map.of("image", image), Map.of());
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().get("transactionId").asString()).isEqualTo(transaction);
        return answer.json();
    }

    private Map<String, String> headers(Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>(extra);
        headers.put("X-FinOS-Api-Key", tenant.apiKey());
        return headers;
    }

    private static void assertFailure(Http.Answer answer, int status, String error) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.json().get("status").asString()).isEqualTo("failure");
        assertThat(answer.json().get("statusCode").asString()).isEqualTo(String.valueOf(status));
        assertThat(answer.json().get("error").asString()).isEqualTo(error);
    }

    private static byte[] face(String name) {
        return SharedData.read("faces/face-api-js/images/" + name);
    }
}
