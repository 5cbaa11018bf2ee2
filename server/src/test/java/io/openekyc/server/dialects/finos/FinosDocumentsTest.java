package io.openekyc.server.dialects.finos;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.server.support.CardPhotos;
import io.openekyc.server.support.Http;
import io.openekyc.server.support.Pictures;
import io.openekyc.server.support.ServerTest;
import io.openekyc.server.support.SharedData;
import io.openekyc.server.tenants.TenantCredentials;
import io.openekyc.vision.document.generator.CardGenerator;
import io.openekyc.vision.document.generator.PhotoEditor;
import io.openekyc.vision.image.ImageDecoder;
import io.openekyc.vision.image.RgbImage;
import io.openekyc.vision.document.generator.VnCmnd;
import io.openekyc.vision.document.generator.VnIdentity;
import io.openekyc.vision.document.generator.VnLicence;
import io.openekyc.vision.document.generator.VnPassport;
import io.openekyc.vision.document.generator.VnRegistration;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FinosDocumentsTest extends ServerTest {

    private static final String NATIONAL_ID = "/ekyc/ocr/v2/nationalID";
    private static final DateTimeFormatter FINOS_DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu");
    private static final String READ_DL = "/ekyc/ocr/v1/readDL";
    private static final DateTimeFormatter DL_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final String READ_MRC = "/ekyc/ocr/v1/readMRC";

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
        // The province of birth registration, from the number's first three digits (the shared code table).
        String code = id.number().substring(0, 3);
        String registered = new String(SharedData.read("vn-id/cccd_birthplace_codes_derived.csv"), StandardCharsets.UTF_8)
                .lines().filter(line -> line.startsWith(code + ",")).findFirst().orElseThrow();
        assertThat(registered).contains(fields.get("province").get("value").asString());
        assertThat(detail.get("ruleChecks").get("idDOBGenderCodeInvalid").get("value").asString()).isEqualTo("no");
        assertThat(detail.get("ruleChecks").get("idNumberLengthMismatch").get("value").asString()).isEqualTo("no");
        assertThat(detail.get("qualityChecks").get("blur").get("value").asString()).isEqualTo("no");
        assertThat(detail.get("qualityChecks").get("faceNotDetected").get("value").asString()).isIn("yes", "no");
        assertThat(detail.get("tamperChecks").get("qrMismatch").get("value").asString()).isEqualTo("no");
        assertThat(detail.get("tamperChecks").get("photoTampered").get("value").asString()).isEqualTo("no");
        assertThat(body.get("result").get("summary").get("action").asString()).isIn("pass", "Manual Review");
    }

    @Test
    void aFrontWithFieldsPastedFromAnotherJpegIsTamperedAndToBeReviewed() throws Exception {
        VnIdentity id = CardPhotos.identity(22);
        RgbImage photo = new ImageDecoder().decode(CardPhotos.front(id));
        // The name and birth-date block, compressed alone at quality 55 and put back off the photo's 8x8 grid.
        int x = photo.width() * 2 / 5 / 8 * 8 + 3;
        int y = photo.height() * 2 / 5 / 8 * 8 + 5;
        RgbImage pasted = PhotoEditor.paste(photo, x, y, photo.width() / 4, photo.height() / 5, 55);
        byte[] edited = CardGenerator.jpeg(pasted.toBufferedImage(), 92);

        Http.Answer answer = http.multipart(NATIONAL_ID, headers(), Map.of("image", edited), Map.of());

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode body = answer.json();
        JsonNode detail = body.get("result").get("details").get(0);
        assertThat(detail.get("fieldsExtracted").get("idNumber").get("value").asString()).isEqualTo(id.number());
        assertThat(detail.get("tamperChecks").get("photoTampered").get("value").asString()).isEqualTo("yes");
        assertThat(body.get("result").get("summary").get("action").asString()).isEqualTo("Manual Review");
    }

    @Test
    void aPassportPageIsReadIntoTheSpecShape() {
        VnPassport passport = CardPhotos.passport(31);
        VnIdentity holder = passport.holder();
        Http.Answer answer = http.multipart("/ekyc/ocr/v1/readVNPassport", headers(),
                Map.of("image", CardPhotos.page(passport)), Map.of());
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode result = answer.json().get("result").get(0);
        assertThat(result.get("type").asString()).isEqualTo("vn_passport_front");
        JsonNode details = result.get("details");
        DateTimeFormatter printed = DateTimeFormatter.ofPattern("dd/MM/uuuu");
        assertThat(details.get("passport_num").get("value").asString()).isEqualTo(passport.number());
        assertThat(details.get("type").get("value").asString()).isEqualTo("P");
        assertThat(details.get("name").get("value").asString()).isEqualTo(holder.fullName());
        assertThat(details.get("dob").get("value").asString()).isEqualTo(printed.format(holder.birthDate()));
        assertThat(details.get("gender").get("value").asString()).isEqualTo("M".equals(holder.sex()) ? "NAM/M" : "NỮ/F");
        assertThat(details.get("doe").get("value").asString()).isEqualTo(printed.format(passport.expiryDate()));
        assertThat(details.get("doi").get("value").asString()).isEqualTo(printed.format(passport.issueDate()));
        assertThat(details.get("place_of_birth").get("value").asString()).isEqualTo(passport.placeOfBirth());
        assertThat(details.get("place_of_issue").get("value").asString()).isEqualTo(passport.placeOfIssue());
        assertThat(details.get("id").get("value").asString()).isEqualTo(holder.number());
        assertThat(details.get("country_code").get("value").asString()).isEqualTo("VNM");
        // A check digit backs the number, the checked expiry (10 years on) the issue date; printed-only
        // fields carry no confidence and ask for review.
        assertThat(details.get("passport_num").get("to-be-reviewed").asString()).isEqualTo("no");
        assertThat(details.get("passport_num").get("conf").asDouble()).isPositive();
        assertThat(details.get("doi").get("conf").asDouble()).isPositive();
        assertThat(details.get("doi").get("to-be-reviewed").asString()).isEqualTo("no");
        assertThat(details.get("place_of_issue").has("conf")).isFalse();
        assertThat(details.get("place_of_issue").get("to-be-reviewed").asString()).isEqualTo("yes");
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
    void aDrivingLicenceIsReadIntoTheSpecShape() {
        VnLicence licence = CardPhotos.licence(41);
        Http.Answer answer = http.multipart(READ_DL, headers(), Map.of("image", CardPhotos.licenceFront(licence)), Map.of());
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("status").asString()).isEqualTo("success");
        JsonNode result = body.get("result").get(0);
        assertThat(result.get("type").asString()).isEqualTo("dl_new_front");
        JsonNode details = result.get("details");
        assertThat(details.get("dob").get("value").asString()).isEqualTo(DL_DATE.format(licence.holder().birthDate()));
        assertThat(details.get("expiry").get("value").asString()).isEqualTo(licence.expiryDate() == null
                ? VnLicence.NO_EXPIRY : DL_DATE.format(licence.expiryDate()));
        assertThat(details.get("nationality").get("value").asString()).isEqualTo("VIỆT NAM");
        assertThat(details.get("id").get("value").asString()).isEqualTo(licence.number());
        // A lone class letter is OCR's weakest spot (eval: 92% exact): right, or empty and flagged, never wrong.
        JsonNode licenceClass = details.get("class");
        assertThat(licenceClass.get("value").asString()).isIn(licence.licenceClass(), "");
        assertThat(licenceClass.get("to-be-reviewed").asString()).isEqualTo("yes");
        // Bold capitals may lose a tone mark: the name is held to its letters.
        assertThat(CardPhotos.fold(details.get("name").get("value").asString()))
                .isEqualTo(CardPhotos.fold(licence.holder().fullName()));
        assertThat(CardPhotos.fold(details.get("address").get("value").asString()))
                .isEqualTo(CardPhotos.fold(licence.holder().placeOfResidence()));
        // OCR alone, without a check digit or second source: no confidence, always to be reviewed.
        assertThat(details.get("dob").has("conf")).isFalse();
        assertThat(details.get("dob").get("to-be-reviewed").asString()).isEqualTo("yes");
    }

    @Test
    void aPhotoWithoutALicenceIs422() {
        Http.Answer noCard = http.multipart(READ_DL, headers(), Map.of("image", Pictures.jpeg(640, 480, 9)), Map.of());
        assertThat(noCard.status()).isEqualTo(422);
        assertThat(noCard.json().get("error").asString()).isEqualTo("Driver license not detected");
        assertThat(noCard.json().get("statusCode").asString()).isEqualTo("422");
        Http.Answer nationalId = http.multipart(READ_DL, headers(),
                Map.of("image", CardPhotos.front(CardPhotos.identity(42))), Map.of());
        assertThat(nationalId.status()).isEqualTo(422);
    }

    @Test
    void bothRegistrationLayoutsAreReadIntoTheSpecShape() {
        VnRegistration paper = CardPhotos.registration(51, false);
        VnRegistration card = CardPhotos.registration(52, true);
        Http.Answer answer = http.multipart(READ_MRC, headers(), Map.of("image1", CardPhotos.registrationPhoto(paper),
                "image2", CardPhotos.registrationPhoto(card)), Map.of());
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("status").asString()).isEqualTo("success");
        assertThat(body.get("transactionId").asString()).isEqualTo("tx-ocr");
        JsonNode results = body.get("result");
        assertThat(results.size()).isEqualTo(2);
        assertThat(results.get(0).get("type").asString()).isEqualTo("old_register_card_back");
        assertThat(results.get(1).get("type").asString()).isEqualTo("new_register_card_back");
        assertRegistration(results.get(0).get("details"), paper);
        assertRegistration(results.get(1).get("details"), card);
        // The paper certificate prints no issuing unit: listed empty, to be reviewed.
        JsonNode issue = results.get(0).get("details").get("place-of-issue");
        assertThat(issue.get("value").asString()).isEmpty();
        assertThat(issue.get("to-be-reviewed").asString()).isEqualTo("yes");
        assertThat(CardPhotos.fold(results.get(1).get("details").get("place-of-issue").get("value").asString()))
                .isEqualTo(CardPhotos.fold(card.placeOfIssue()));
    }

    private static void assertRegistration(JsonNode details, VnRegistration r) {
        assertThat(details.propertyNames()).containsExactly("name", "address", "brand", "kind", "color",
                "engine-number", "chassis-number", "number-plate", "place-registration", "first-registration-date",
                "last-registration-date", "place-of-issue");
        assertThat(details.get("number-plate").get("value").asString()).isEqualTo(r.numberPlate());
        assertThat(details.get("engine-number").get("value").asString()).isEqualTo(r.engineNumber());
        assertThat(details.get("chassis-number").get("value").asString()).isEqualTo(r.chassisNumber());
        assertThat(details.get("brand").get("value").asString()).isEqualTo(r.brand());
        assertThat(details.get("kind").get("value").asString()).isEqualTo(r.model());
        assertThat(details.get("color").get("value").asString()).isEqualTo(r.color());
        assertThat(details.get("first-registration-date").get("value").asString())
                .isEqualTo(DL_DATE.format(r.firstRegistration()));
        assertThat(details.get("last-registration-date").get("value").asString())
                .isEqualTo(DL_DATE.format(r.lastRegistration()));
        // Bold capitals and small print may lose a tone mark: names and places are held to their letters.
        assertThat(CardPhotos.fold(details.get("name").get("value").asString())).isEqualTo(CardPhotos.fold(r.ownerName()));
        assertThat(CardPhotos.fold(details.get("address").get("value").asString())).isEqualTo(CardPhotos.fold(r.address()));
        assertThat(CardPhotos.fold(details.get("place-registration").get("value").asString()))
                .isEqualTo(CardPhotos.fold(r.placeOfRegistration()));
        JsonNode plate = details.get("number-plate");
        assertThat(plate.get("conf").asDouble()).isBetween(0.0, 1.0).isPositive();
        assertThat(plate.get("to-be-reviewed").asString()).isIn("yes", "no");
    }

    @Test
    void aPhotoWithoutARegistrationIs422AndBadInputGetsTheSpecErrors() {
        Http.Answer nationalId = http.multipart(READ_MRC, headers(),
                Map.of("image1", CardPhotos.front(CardPhotos.identity(53))), Map.of());
        assertThat(nationalId.status()).isEqualTo(422);
        assertThat(nationalId.json().get("error").asString()).isEqualTo("MRC Not Detected");
        assertThat(nationalId.json().get("statusCode").asString()).isEqualTo("422");
        assertThat(http.multipart(READ_MRC, headers(), Map.of("image1", Pictures.jpeg(640, 480, 10)), Map.of()).status())
                .isEqualTo(422);

        Http.Answer none = http.multipart(READ_MRC, headers(), Map.of("image2", Pictures.jpeg(64, 64, 1)), Map.of());
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("error").asString()).isEqualTo("API call requires one input image");
        Http.Answer extra = http.multipart(READ_MRC, headers(), Map.of("image1", Pictures.jpeg(64, 64, 1),
                "image3", Pictures.jpeg(64, 64, 2)), Map.of());
        assertThat(extra.status()).isEqualTo(400);
        assertThat(extra.json().get("error").asString()).isEqualTo("Invalid image file uploaded");
        Http.Answer notImage = http.multipart(READ_MRC, headers(),
                Map.of("image1", "not an image".getBytes(StandardCharsets.UTF_8)), Map.of());
        assertThat(notImage.status()).isEqualTo(400);
        assertThat(notImage.json().get("error").asString()).isEqualTo("Invalid image file uploaded");
        assertThat(http.multipart(READ_MRC, headers(), Map.of("image1", new byte[11 * 1024 * 1024]), Map.of()).status())
                .isEqualTo(413);
        assertThat(http.multipart(READ_MRC, Map.of("X-FinOS-Api-Key", "oek_wrong"),
                Map.of("image1", Pictures.jpeg(64, 64, 1)), Map.of()).status()).isEqualTo(401);
    }

    @Test
    void aTwelveDigitCmndFrontAndThe2016CccdBackGetTheSpecTypeCodes() {
        VnCmnd cmnd = CardPhotos.cmnd(41, true);
        VnIdentity holder = cmnd.holder();
        JsonNode front = nationalIdDetail(CardPhotos.cmndFront12(cmnd));
        assertThat(front.get("type").asString()).isEqualTo("cmnd_new_front");
        JsonNode fields = front.get("fieldsExtracted");
        assertThat(fields.get("idNumber").get("value").asString()).isEqualTo(holder.number());
        assertThat(fields.get("dob").get("value").asString()).isEqualTo(FINOS_DATE.format(holder.birthDate()));
        assertThat(fields.get("gender").get("value").asString()).isEqualTo(holder.sexLabel());
        assertThat(fields.get("ethnicity").get("value").asString()).isEqualTo(cmnd.ethnicity());
        assertThat(fields.get("doe").get("value").asString()).isEqualTo(FINOS_DATE.format(holder.expiryDate()));
        assertThat(front.get("ruleChecks").get("idDOBGenderCodeInvalid").get("value").asString()).isEqualTo("no");

        VnIdentity id = CardPhotos.identity2016(42);
        JsonNode back = nationalIdDetail(CardPhotos.back2016(id));
        assertThat(back.get("type").asString()).isEqualTo("cmnd_new_cccd_back");
        assertThat(back.get("fieldsExtracted").get("doi").get("value").asString())
                .isEqualTo(FINOS_DATE.format(id.issueDate()));
        assertThat(back.get("fieldsExtracted").get("placeOfIssue").get("value").asString())
                .isEqualTo("CỤC CẢNH SÁT ĐKQL CƯ TRÚ VÀ DLQG VỀ DÂN CƯ");
    }

    @Test
    void anOldCmndBackGivesIssueDateIssuerExpiryAndEthnicity() {
        VnCmnd cmnd = CardPhotos.cmnd(43, false);
        JsonNode back = nationalIdDetail(CardPhotos.cmndBack(cmnd));
        assertThat(back.get("type").asString()).isEqualTo("cmnd_old_back");
        JsonNode fields = back.get("fieldsExtracted");
        assertThat(fields.get("doi").get("value").asString()).isEqualTo(FINOS_DATE.format(cmnd.holder().issueDate()));
        assertThat(fields.get("doe").get("value").asString())
                .isEqualTo(FINOS_DATE.format(cmnd.holder().issueDate().plusYears(15)));
        assertThat(fields.get("placeOfIssue").get("value").asString()).isEqualTo(cmnd.placeOfIssue());
        assertThat(fields.get("ethnicity").get("value").asString()).isEqualTo(cmnd.ethnicity());
    }

    private JsonNode nationalIdDetail(byte[] photo) {
        Http.Answer answer = http.multipart(NATIONAL_ID, headers(), Map.of("image", photo), Map.of());
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json().get("result").get("details").get(0);
    }
}
