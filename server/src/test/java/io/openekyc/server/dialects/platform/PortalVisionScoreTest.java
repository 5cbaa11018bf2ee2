package io.openekyc.server.dialects.platform;

import static io.openekyc.server.support.Envelopes.assertVerdict;
import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.server.support.Http;
import io.openekyc.server.support.ServerTest;
import io.openekyc.server.support.SharedData;
import io.openekyc.server.tenants.TenantCredentials;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PortalVisionScoreTest extends ServerTest {

    private static final String PATH = "/portal/ekyc/vision_score";

    @Test
    void visionScoreRanksTheLiveSelfieAboveTheAttacksAndReturnsTheSpecShape() {
        TenantCredentials tenant = newTenant();
        String portal = login(tenant);
        JsonNode live = score(portal, List.of(PlatformSelfieTest.image(SharedData.read("faces/spoof-samples/live_T1.jpg"))));
        JsonNode print = score(portal, List.of(PlatformSelfieTest.image(
                SharedData.read("faces/spoof-samples/print_attack_F1.jpg"))));
        JsonNode screen = score(portal, List.of(PlatformSelfieTest.image(
                SharedData.read("faces/spoof-samples/screen_replay_F2.jpg"))));
        int liveScore = live.get("application").get("ekyc_face").get("vision_score").asInt();
        assertThat(liveScore).isBetween(0, 100)
                .isGreaterThan(print.get("application").get("ekyc_face").get("vision_score").asInt())
                .isGreaterThan(screen.get("application").get("ekyc_face").get("vision_score").asInt());
        assertThat(live.get("unique_token").asString())
                .isEqualTo(live.get("application").get("application_unique_token").asString());
        JsonNode state = live.get("verify_response").get("application_state");
        assertThat(state.get("fully_completed").asBoolean()).isTrue();
        assertThat(state.get("all_completed_states").toString()).contains("ekyc.selfie.passive_v2");
        assertThat(live.get("verify_response").get("status").asString()).isEqualTo("success");
        assertThat(live.get("application").get("ekyc_face").get("vision_score_status").asString()).isEqualTo("success");
    }

    @Test
    void imagesCanBeGivenByUploadIdAndOtherTenantsIdsAreNotFound() {
        TenantCredentials tenant = newTenant();
        String portal = login(tenant);
        String imageId = http.upload("/portal/ekyc/upload/image", portal, SharedData.read("faces/face-api-js/images/raj/raj1.png"),
                Map.of("label", "portrait")).json().get("data").get("image_id").asString();
        JsonNode byId = score(portal, List.of(Map.of("id", imageId)));
        assertThat(byId.get("application").get("ekyc_face").get("selfie_image_uuid").asString()).isEqualTo(imageId);

        String stranger = login(newTenant());
        assertVerdict(http.postJson(PATH, stranger, Map.of("images", List.of(Map.of("id", imageId)))), 404,
                "record_not_found");
    }

    @Test
    void twoSelfiesOfOnePersonAreConsistentAndOfTwoPeopleAreNot() {
        String portal = login(newTenant());
        JsonNode same = score(portal, List.of(Map.of("base64", b64("faces/face-api-js/images/amy/amy2.png")),
                Map.of("base64", b64("faces/face-api-js/images/amy/amy1.png"))));
        JsonNode mixed = score(portal, List.of(Map.of("base64", b64("faces/face-api-js/images/raj/raj2.png")),
                Map.of("base64", b64("faces/face-api-js/images/amy/amy1.png"))));
        assertThat(same.get("application").get("ekyc_face").get("consistency_score").asDouble()).isEqualTo(1.0);
        assertThat(mixed.get("application").get("ekyc_face").get("consistency_score").asDouble()).isEqualTo(0.0);
    }

    @Test
    void gestureFramesOfAHeadTurnPassActiveLivenessAndAStillPhotoDoesNot() {
        String portal = login(newTenant());
        Map<String, String> selfie = Map.of("base64", b64("faces/face-api-js/images/sheldon/sheldon1.png"));
        JsonNode turn = score(portal, List.of(selfie), Map.of("gesture_images", List.of(
                Map.of("base64", b64("faces/face-api-js/images/sheldon/sheldon3.png")),
                Map.of("base64", b64("faces/face-api-js/images/sheldon/sheldon5.png")),
                Map.of("base64", b64("faces/face-api-js/images/sheldon/sheldon4.png")))));
        JsonNode active = turn.get("application").get("ekyc_face").get("active_liveness");
        assertThat(active.get("live").asBoolean()).isTrue();
        assertThat(active.get("sameIdentity").asBoolean()).isTrue();
        assertThat(turn.get("application").get("file_ids").get("gesture_images").size()).isEqualTo(3);

        assertThat(turn.get("verify_response").get("status").asString()).isEqualTo("success");
        Map<String, String> still = Map.of("base64", b64("faces/face-api-js/images/sheldon/sheldon5.png"));
        JsonNode replay = score(portal, List.of(selfie), Map.of("gesture_images", List.of(still, still, still)));
        assertThat(replay.get("application").get("ekyc_face").get("active_liveness").get("live").asBoolean()).isFalse();
        assertThat(replay.get("verify_response").get("status").asString()).isEqualTo("failure");
        assertThat(replay.get("verify_response").get("error_code").asString()).isEqualTo("active_liveness_failed");

        JsonNode single = score(portal, List.of(selfie), Map.of("gesture_images", List.of(still)));
        assertThat(single.get("application").get("ekyc_face").get("active_liveness_status").asString())
                .isEqualTo("insufficient_frames");
    }

    @Test
    void tooManyOrNoImagesAreInvalid() {
        String portal = login(newTenant());
        assertVerdict(http.postJson(PATH, portal, Map.of("images", List.of())), 400, "invalid_parameters");
        Map<String, String> one = Map.of("base64", b64("faces/face-api-js/images/amy/amy1.png"));
        assertVerdict(http.postJson(PATH, portal, Map.of("images", List.of(one, one, one, one))), 400,
                "invalid_parameters");
        assertVerdict(http.postJson(PATH, null, Map.of("images", List.of(one))), 401, "missing_authorization");
    }

    private JsonNode score(String portal, List<Map<String, String>> images) {
        return score(portal, images, Map.of());
    }

    private JsonNode score(String portal, List<Map<String, String>> images, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(extra);
        body.put("images", images);
        body.put("selfie_type", "passive");
        Http.Answer answer = http.postJson(PATH, portal, body);
        assertVerdict(answer, 200, "success");
        assertThat(answer.json().get("message").asString()).isEqualTo("vision score check completed");
        return answer.json().get("data");
    }

    private static String b64(String path) {
        return java.util.Base64.getEncoder().encodeToString(SharedData.read(path));
    }
}
