package io.openekyc.server.dialects.finos;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.server.support.CardPhotos;
import io.openekyc.server.support.Http;
import io.openekyc.server.support.Pictures;
import io.openekyc.server.support.ServerTest;
import io.openekyc.server.tenants.TenantCredentials;
import io.openekyc.vision.document.generator.VnIdentity;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FinosDocumentsTest extends ServerTest {

    private static final String NATIONAL_ID = "/ekyc/ocr/v2/nationalID";
    private static final DateTimeFormatter FINOS_DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu");

    private TenantCredentials tenant;

    @BeforeEach
    void tenant() {
        tenant = newTenant();
    }

    private Map<String, String> headers() {
        return Map.of("X-FinOS-Api-Key", tenant.apiKey(), "transactionId", "tx-ocr");
    }

    @Test
    void aChipCardFrontIsReadIntoTheSpecShape() {
        VnIdentity id = CardPhotos.identity(21);
        Http.Answer answer = http.multipart(NATIONAL_ID, headers(), Map.of("image", CardPhotos.front(id)),
                Map.of("enableAddressSplit", "yes", "qualityCheck", "yes"));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("statusCode").asString()).isEqualTo("200");
        assertThat(body.get("transactionId").asString()).isEqualTo("tx-ocr");
        JsonNode detail = body.get("result").get("details").get(0);
        assertThat(detail.get("type").asString()).isEqualTo("cccd_chip_front");
        JsonNode fields = detail.get("fieldsExtracted");
        assertThat(fields.get("idNumber").get("value").asString()).isEqualTo(id.number());
        assertThat(fields.get("name").get("value").asString()).isEqualTo(id.fullName());
        assertThat(fields.get("dob").get("value").asString()).isEqualTo(FINOS_DATE.format(id.birthDate()));
        assertThat(fields.get("gender").get("value").asString()).isEqualTo(id.sexLabel());
        assertThat(fields.get("idNumber").get("to-be-reviewed").asString()).isEqualTo("no");
        JsonNode address = fields.get("permanentAddress");
        assertThat(address.get("value").asString()).isEqualTo(id.placeOfResidence());
        assertThat(id.placeOfResidence()).endsWith(address.get("province").asString());
        assertThat(detail.get("ruleChecks").get("idDOBGenderCodeInvalid").get("value").asString()).isEqualTo("no");
        assertThat(detail.get("ruleChecks").get("idNumberLengthMismatch").get("value").asString()).isEqualTo("no");
        assertThat(detail.get("qualityChecks").get("blur").get("value").asString()).isEqualTo("no");
        assertThat(detail.get("qualityChecks").get("faceNotDetected").get("value").asString()).isIn("yes", "no");
        assertThat(detail.get("tamperChecks").get("qrMismatch").get("value").asString()).isEqualTo("no");
        assertThat(body.get("result").get("summary").get("action").asString()).isIn("pass", "Manual Review");
    }

    @Test
    void aPhotoWithoutACardIs422WithCode001() {
        Http.Answer answer = http.multipart(NATIONAL_ID, headers(), Map.of("image", Pictures.jpeg(640, 480, 7)), Map.of());
        assertThat(answer.status()).isEqualTo(422);
        JsonNode body = answer.json();
        assertThat(body.get("error").asString()).isEqualTo("Vietnam National ID Not Detected");
        assertThat(body.get("result").get("summary").get("details").get(0).get("code").asString()).isEqualTo("001");
        Http.Answer passport = http.multipart("/ekyc/ocr/v1/readVNPassport", headers(),
                Map.of("image", Pictures.jpeg(640, 480, 8)), Map.of());
        assertThat(passport.status()).isEqualTo(422);
        assertThat(passport.json().get("error").asString()).isEqualTo("Passport not detected");
    }

    @Test
    void badInputGetsTheSpecErrors() {
        assertThat(http.multipart(NATIONAL_ID, Map.of("X-FinOS-Api-Key", "oek_wrong"),
                Map.of("image", Pictures.jpeg(64, 64, 1)), Map.of()).status()).isEqualTo(401);
        Http.Answer notImage = http.multipart(NATIONAL_ID, headers(),
                Map.of("image", "not an image".getBytes(StandardCharsets.UTF_8)), Map.of());
        assertThat(notImage.status()).isEqualTo(400);
        assertThat(notImage.json().get("error").asString()).isEqualTo("Invalid image file uploaded");
        assertThat(http.multipart(NATIONAL_ID, headers(), Map.of(), Map.of("enableAddressSplit", "yes")).status())
                .isEqualTo(400);
        assertThat(http.multipart(NATIONAL_ID, headers(), Map.of("image", Pictures.jpeg(64, 64, 1),
                "image2", Pictures.jpeg(64, 64, 2)), Map.of()).status()).isEqualTo(400);
        byte[] huge = new byte[11 * 1024 * 1024];
        assertThat(http.multipart(NATIONAL_ID, headers(), Map.of("image", huge), Map.of()).status()).isEqualTo(413);
    }

    @Test
    void documentsWithoutAReaderAnswerNotSupported() {
        for (String path : new String[] {"/ekyc/ocr/v1/readDL", "/ekyc/ocr/v1/readMRC"}) {
            Http.Answer answer = http.multipart(path, headers(), Map.of("image", Pictures.jpeg(64, 64, 1)), Map.of());
            assertThat(answer.status()).isEqualTo(501);
            assertThat(answer.json().get("error").asString()).startsWith("not_supported");
        }
    }
}
