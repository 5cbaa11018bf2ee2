package io.openekyc.server.dialects.platform;

import static io.openekyc.server.support.Envelopes.assertVerdict;
import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.server.support.CardPhotos;
import io.openekyc.server.support.Http;
import io.openekyc.server.support.Pictures;
import io.openekyc.server.support.ServerTest;
import io.openekyc.server.tenants.TenantCredentials;
import io.openekyc.vision.document.generator.PhIdentity;
import io.openekyc.vision.document.generator.VnIdentity;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PlatformVerifyIdTest extends ServerTest {

    private static final String VERIFY = "/ekyc/platform/verify_id";
    private static final java.time.format.DateTimeFormatter TV_DATE =
            java.time.format.DateTimeFormatter.ofPattern("uuuu/MM/dd");

    private TenantCredentials tenant;
    private JsonNode session;

    @BeforeEach
    void session() {
        tenant = newTenant();
        session = init(tenant, "id-user");
    }

    @Test
    void aChipCardFrontIsVerifiedAndItsOcrRecordedEncryptedOnTheApplication() {
        VnIdentity id = CardPhotos.identity(31);
        Http.Answer answer = verify(Map.of("card_type", "vn.national_id", "image", image(CardPhotos.front(id))));
        assertVerdict(answer, 200, "success");
        JsonNode data = answer.json().get("data");
        assertThat(data.get("status").asString()).as(answer.text()).isEqualTo("success");
        assertThat(data.get("label").asString()).isEqualTo("vn.national_id.front");
        assertThat(data.get("next_action").asString()).isEmpty();

        JsonNode detail = detail();
        JsonNode converted = detail.get("ekyc_ocr").get("card_info").get("converted_card_info");
        assertThat(converted.get("id_number").asString()).isEqualTo(id.number());
        assertThat(converted.get("name").asString()).isEqualTo(id.fullName());
        assertThat(converted.get("birth_date").asString())
                .isEqualTo(id.birthDate().format(java.time.format.DateTimeFormatter.ofPattern("uuuu/MM/dd")));
        assertThat(converted.get("card_label").asString()).isEqualTo("vn.national_id.front");
        assertThat(detail.get("id_tampering").get("verdict").asString()).isEqualTo("genuine");
        assertThat(detail.get("file_ids").get("id_front_img_uuid").asString()).isNotEmpty();
        // PII is stored encrypted: the number is nowhere in the row as text.
        String row = jdbc.sql("select ekyc_ocr_ct::text || coalesce(id_tampering::text, '') from application where id = ?")
                .param(applicationId(session.get("token").asString())).query(String.class).single();
        assertThat(row).doesNotContain(id.number());
    }

    @Test
    void a2016CccdFrontAndBackAreVerifiedAsTheSameCard() {
        VnIdentity id = CardPhotos.identity2016(33);
        Http.Answer answer = verify(Map.of("card_type", "vn.national_id", "image", image(CardPhotos.front2016(id)),
                "image2", image(CardPhotos.back2016(id))));
        assertVerdict(answer, 200, "success");
        JsonNode data = answer.json().get("data");
        assertThat(data.get("status").asString()).as(answer.text()).isEqualTo("success");
        assertThat(data.get("label").asString()).isEqualTo("vn.national_id.front");
        assertThat(data.get("next_action").asString()).isEmpty(); // no chip, no QR to ask for
        JsonNode detail = detail();
        JsonNode converted = detail.get("ekyc_ocr").get("card_info").get("converted_card_info");
        assertThat(converted.get("id_number").asString()).isEqualTo(id.number());
        assertThat(converted.get("issue_date").asString())
                .isEqualTo(id.issueDate().format(java.time.format.DateTimeFormatter.ofPattern("uuuu/MM/dd")));
        assertThat(converted.get("place_of_issue").asString()).isEqualTo("CỤC CẢNH SÁT ĐKQL CƯ TRÚ VÀ DLQG VỀ DÂN CƯ");
        JsonNode validity = null;
        for (JsonNode check : detail.get("id_tampering").get("details")) {
            if (check.get("name").asString().equals("same_card_validity")) {
                validity = check;
            }
        }
        assertThat(validity).isNotNull();
        assertThat(validity.get("status").asString()).isEqualTo("pass");
    }

    @Test
    void theLendersMinimumAgeIsJudgedFromTheCardsDateOfBirth() {
        VnIdentity id = CardPhotos.identity(32);
        int age = java.time.Period.between(id.birthDate(), java.time.LocalDate.now()).getYears();
        Http.Answer settings = http.putJson("/portal/settings", login(tenant), Map.of("minimum_age", Math.min(120, age + 1)));
        assertThat(settings.status()).as(settings.text()).isEqualTo(200);
        assertVerdict(verify(Map.of("card_type", "vn.national_id", "image", image(CardPhotos.front(id)))), 200, "success");
        JsonNode rule = null;
        for (JsonNode check : detail().get("ekyc_ocr").get("rule_checks")) {
            if (check.get("name").asString().equals("minimum_age")) {
                rule = check;
            }
        }
        assertThat(rule).isNotNull();
        assertThat(rule.get("status").asString()).isEqualTo("fail");
    }

    @Test
    void aPhilHealthFrontGivesTheSpecCardInfoRows() {
        PhIdentity id = CardPhotos.filipino(51);
        Http.Answer answer = verify(Map.of("card_type", "ph.philhealth", "image", image(CardPhotos.philHealthFront(id))));
        assertThat(answer.json().get("data").get("status").asString()).as(answer.text()).isEqualTo("success");
        assertThat(answer.json().get("data").get("label").asString()).isEqualTo("ph.philhealth.front");
        Map<String, String> rows = rows(detail());
        assertThat(rows).containsEntry("id", id.printedPin()).containsEntry("name", id.fullName())
                .containsEntry("last_name", id.lastName()).containsEntry("first_name", id.firstName())
                .containsEntry("middle_name", id.middleName()).containsEntry("gender", id.sex())
                .containsEntry("date_of_birth", id.birthDate().format(TV_DATE)).containsEntry("address", id.address())
                .containsEntry("card_type", "ph.philhealth").containsEntry("card_label", "ph.philhealth.front");
    }

    @Test
    void aUmidFrontGivesItsCrnAndNameRows() {
        PhIdentity id = CardPhotos.filipino(52);
        Http.Answer answer = verify(Map.of("card_type", "ph.umid", "image", image(CardPhotos.umidFront(id))));
        assertThat(answer.json().get("data").get("status").asString()).as(answer.text()).isEqualTo("success");
        Map<String, String> rows = rows(detail());
        assertThat(rows).containsEntry("crn", id.printedCrn()).containsEntry("id", id.printedCrn())
                .containsEntry("name", id.fullName()).containsEntry("last_name", id.lastName())
                .containsEntry("date_of_birth", id.birthDate().format(TV_DATE)).containsEntry("gender", id.sex())
                .containsEntry("card_type", "ph.umid");
    }

    @Test
    void aDrivingLicenceOfTheWrongTypeIsAMismatch() {
        Http.Answer answer = verify(Map.of("card_type", "ph.umid",
                "image", image(CardPhotos.licenceFront(CardPhotos.licence(53)))));
        assertThat(answer.json().get("data").get("error_code").asString()).as(answer.text())
                .isEqualTo("card_type_mismatch");
    }

    private static Map<String, String> rows(JsonNode detail) {
        Map<String, String> rows = new HashMap<>();
        detail.get("ekyc_ocr").get("card_info").get("card_info")
                .forEach(row -> rows.put(row.get("field").asString(), row.get("value").asString()));
        return rows;
    }

    @Test
    void aPhotoWithoutACardAndAnUnreadableTypeAreFailuresNotGuesses() {
        Http.Answer noCard = verify(Map.of("card_type", "vn.national_id", "image", image(Pictures.jpeg(640, 480, 3))));
        assertVerdict(noCard, 200, "success");
        assertThat(noCard.json().get("data").get("status").asString()).isEqualTo("failure");
        assertThat(noCard.json().get("data").get("error_code").asString()).isEqualTo("card_not_found");

        Http.Answer registration = verify(Map.of("card_type", "vn.vehicle_registration",
                "image", image(Pictures.jpeg(64, 64, 3))));
        assertThat(registration.json().get("data").get("error_code").asString()).isEqualTo("card_type_not_supported");
        assertThat(detail().has("ekyc_ocr")).isFalse();
    }

    @Test
    void badParametersAre400() {
        assertVerdict(verify(Map.of("image", image(Pictures.jpeg(64, 64, 1)))), 400, "invalid_parameters");
        assertVerdict(verify(Map.of("card_type", "vn.national_id")), 400, "invalid_parameters");
        assertVerdict(verify(Map.of("card_type", "vn.national_id", "image", Map.of("base64", "%%%not-base64"))), 400,
                "invalid_parameters");
        assertVerdict(verify(Map.of("card_type", "xx.unknown", "image", image(Pictures.jpeg(64, 64, 1)))), 400,
                "invalid_parameters");
        Http.Answer noToken = http.postJson(VERIFY, null, Map.of("card_type", "vn.national_id"));
        assertThat(noToken.status()).isEqualTo(401);
    }

    private Http.Answer verify(Map<String, Object> body) {
        return http.postJson(VERIFY, session.get("access_token").asString(), new HashMap<>(body));
    }

    private static Map<String, Object> image(byte[] bytes) {
        return Map.of("base64", Base64.getEncoder().encodeToString(bytes));
    }

    private JsonNode detail() {
        long applicationId = applicationId(session.get("token").asString());
        Http.Answer answer = http.get("/portal/application/detail?application_id=" + applicationId + "&id=id-user",
                login(tenant));
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().get("data");
    }
}
