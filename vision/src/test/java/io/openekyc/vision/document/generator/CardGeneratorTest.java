package io.openekyc.vision.document.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.SharedData;
import io.openekyc.vision.document.mrz.MrzParser;
import io.openekyc.vision.document.mrz.MrzResult;
import io.openekyc.vision.document.qr.QrReader;
import io.openekyc.vision.document.vn.CccdNumber;
import io.openekyc.vision.document.vn.CccdQr;
import io.openekyc.vision.image.ImageDecoder;
import io.openekyc.vision.model.Models;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CardGeneratorTest {

    private static Models models;
    private static IdentityFactory identities;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void load() {
        models = new Models();
        identities = new IdentityFactory(models, SharedData.root());
    }

    @AfterAll
    static void close() {
        models.close();
    }

    @Test
    void everyCardIsRuleConsistentWithAValidMrzAndAMatchingQr(@TempDir Path out) throws Exception {
        new CardGenerator(identities).generate("vn.national_id", 3, 11, out, null);
        for (int i = 0; i < 3; i++) {
            JsonNode front = json.readTree(Files.readString(out.resolve(String.format("%04d_front.json", i))));
            JsonNode back = json.readTree(Files.readString(out.resolve(String.format("%04d_back.json", i))));
            JsonNode fields = front.get("fields");
            String number = fields.get("id_number").asString();
            LocalDate birth = LocalDate.parse(fields.get("date_of_birth").asString(), DateTimeFormatter.ofPattern("dd/MM/uuuu"));
            String sex = fields.get("sex").asString().equals("Nam") ? "M" : "F";
            assertThat(CccdNumber.check(number, birth, sex)).allSatisfy(rule -> assertThat(rule.passed()).isTrue());

            List<String> mrz = new ArrayList<>();
            back.get("mrz").forEach(l -> mrz.add(l.asString()));
            MrzResult parsed = MrzParser.parse(mrz);
            assertThat(parsed.valid()).as(mrz.toString()).isTrue();
            assertThat(parsed.fields().get("optional_data_1")).isEqualTo(number);
            assertThat(parsed.fields().get("birth_date")).isEqualTo(birth.format(DateTimeFormatter.ofPattern("uuMMdd")));

            CccdQr qr = CccdQr.parse(front.get("qr").asString()).orElseThrow();
            assertThat(qr.number()).isEqualTo(number);
            assertThat(qr.fullName()).isEqualTo(fields.get("full_name").asString());
            assertThat(qr.birthDate()).isEqualTo(birth);
            assertThat(front.get("corners").size()).isEqualTo(4);
        }
    }

    @Test
    void everyPassportHasAValidTd3MrzMatchingItsPrintedFields(@TempDir Path out) throws Exception {
        new CardGenerator(identities).generate("vn.passport", 3, 11, out, null);
        DateTimeFormatter printed = DateTimeFormatter.ofPattern("dd/MM/uuuu");
        for (int i = 0; i < 3; i++) {
            JsonNode truth = json.readTree(Files.readString(out.resolve(String.format("%04d_front.json", i))));
            assertThat(truth.get("label").asString()).isEqualTo("vn_passport_front");
            assertThat(Files.exists(out.resolve(String.format("%04d_back.json", i)))).isFalse();
            JsonNode fields = truth.get("fields");
            List<String> mrz = new ArrayList<>();
            truth.get("mrz").forEach(l -> mrz.add(l.asString()));
            MrzResult parsed = MrzParser.parse(mrz);
            assertThat(parsed.valid()).as(mrz.toString()).isTrue();
            assertThat(parsed.checks()).hasSize(5);
            assertThat(parsed.fields().get("document_code")).isEqualTo("P");
            assertThat(parsed.fields().get("document_number")).isEqualTo(fields.get("passport_number").asString())
                    .matches("[A-Z]\\d{7,8}");
            assertThat(parsed.fields().get("personal_number")).isEqualTo(fields.get("id_number").asString())
                    .matches("\\d{12}");
            assertThat(parsed.fields().get("surname") + " " + parsed.fields().get("given_names"))
                    .isEqualTo(CardRenderer.ascii(fields.get("full_name").asString()));
            LocalDate issue = LocalDate.parse(fields.get("date_of_issue").asString(), printed);
            LocalDate expiry = LocalDate.parse(fields.get("date_of_expiry").asString(), printed);
            assertThat(expiry).isEqualTo(issue.plusYears(10));
            assertThat(parsed.fields().get("expiry_date")).isEqualTo(expiry.format(DateTimeFormatter.ofPattern("uuMMdd")));
            assertThat(fields.get("place_of_birth").asString()).startsWith("T");
        }
    }

    @Test
    void theQrOfAnUndegradedPhotoCanBeReadBack(@TempDir Path out) throws Exception {
        new CardGenerator(identities).generate("vn.national_id", 1, 5, out, null);
        JsonNode truth = json.readTree(Files.readString(out.resolve("0000_front.json")));
        assertThat(truth.get("degradation").asString()).isEqualTo("none");
        var photo = new ImageDecoder().decode(Files.readAllBytes(out.resolve("0000_front.jpg")));
        assertThat(new QrReader().read(photo)).contains(truth.get("qr").asString());
    }

    @Test
    void everyGeneratedAddressNamesItsWardDistrictAndProvince() {
        // The database's 2025 special zones have no pre-2025 names; they must never be drawn.
        var random = new java.util.Random(500);
        for (int i = 0; i < 20_000; i++) {
            VnIdentity identity = identities.next(random);
            for (String address : List.of(identity.placeOfOrigin(), identity.placeOfResidence())) {
                assertThat(address.split(",")).noneMatch(part -> part.isBlank() || part.strip().equals("null"));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameCards(@TempDir Path a, @TempDir Path b) throws Exception {
        new CardGenerator(identities).generate("vn.national_id", 2, 99, a, null);
        new CardGenerator(identities).generate("vn.national_id", 2, 99, b, null);
        assertThat(Files.readString(a.resolve("0001_back.json"))).isEqualTo(Files.readString(b.resolve("0001_back.json")));
        assertThat(Files.readAllBytes(a.resolve("0001_front.jpg"))).isEqualTo(Files.readAllBytes(b.resolve("0001_front.jpg")));
    }

    @Test
    void aTurnedPhotoKeepsTheUprightCardsCornersOnTheSamePixels() {
        int w = 5;
        int h = 3;
        int[] px = new int[w * h];
        px[0] = 0xFF0000; // the pixel just inside corner (0, 0)
        px[w * h - 1] = 0x00FF00; // the pixel just inside corner (w, h)
        var photo = new io.openekyc.vision.image.RgbImage(w, h, px);
        for (int turns = 1; turns <= 3; turns++) {
            var turned = Photographer.turned(photo, turns);
            double[][] corners = Photographer.turnedCorners(new double[][] {{0, 0}, {w, h}}, turns, w, h);
            assertThat(turned.rgb(pixel(corners[0][0], turned.width()), pixel(corners[0][1], turned.height())))
                    .isEqualTo(0xFF0000);
            assertThat(turned.rgb(pixel(corners[1][0], turned.width()), pixel(corners[1][1], turned.height())))
                    .isEqualTo(0x00FF00);
        }
    }

    /** The pixel touching a corner at continuous coordinate c (0 or the full size). */
    private static int pixel(double c, int size) {
        return c == 0 ? 0 : size - 1;
    }

    @Test
    void expiryFollowsTheAgeRule() {
        LocalDate birth = LocalDate.of(2000, 6, 1);
        assertThat(IdentityFactory.expiry(birth, LocalDate.of(2021, 3, 1))).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(IdentityFactory.expiry(birth, LocalDate.of(2024, 3, 1))).isEqualTo(LocalDate.of(2040, 6, 1));
        assertThat(IdentityFactory.expiry(LocalDate.of(1960, 1, 1), LocalDate.of(2021, 3, 1))).isNull();
    }

    @Test
    void registrationsAlternateTheirLayoutsWithPlatesOfTheOwnersProvince(@TempDir Path out) throws Exception {
        new CardGenerator(identities).generate("vn.mrc", 4, 12, out, null);
        java.util.Map<String, String> codes = java.util.Map.of("ha noi", "29", "ho chi minh", "59", "da nang", "43");
        for (int i = 0; i < 4; i++) {
            JsonNode truth = json.readTree(Files.readString(out.resolve(String.format("%04d_back.json", i))));
            assertThat(out.resolve(String.format("%04d_back.jpg", i))).exists();
            boolean newCard = i % 2 == 1;
            assertThat(truth.get("type").asString()).isEqualTo("vn.mrc");
            assertThat(truth.get("label").asString()).isEqualTo(newCard ? "new_register_card_back" : "old_register_card_back");
            JsonNode fields = truth.get("fields");
            String plate = fields.get("number_plate").asString();
            assertThat(plate).matches(newCard ? "\\d{2}[A-Z]\\d-\\d{3}\\.\\d{2}" : "\\d{2}[A-Z]\\d-(\\d{4}|\\d{3}\\.\\d{2})");
            assertThat(Integer.parseInt(plate.substring(0, 2))).isBetween(11, 99);
            String province = io.openekyc.vision.document.ocr.CardText.fold(fields.get("address").asString()
                    .replaceAll(".*, (Thành phố|Tỉnh) ", ""));
            if (codes.containsKey(province)) {
                assertThat(plate).startsWith(codes.get(province));
            }
            assertThat(fields.get("chassis_number").asString()).matches(newCard ? "[A-HJ-NPR-Z0-9]{17}" : "[A-Z0-9]+M-\\d{7}");
            assertThat(fields.has("place_of_issue")).isEqualTo(newCard);
            assertThat(io.openekyc.vision.document.vn.MotorVehicles.MODELS.get(fields.get("brand").asString()))
                    .contains(fields.get("model").asString());
            LocalDate first = LocalDate.parse(fields.get("first_registration_date").asString(),
                    DateTimeFormatter.ofPattern("dd/MM/uuuu"));
            LocalDate last = LocalDate.parse(fields.get("last_registration_date").asString(),
                    DateTimeFormatter.ofPattern("dd/MM/uuuu"));
            assertThat(last).isAfterOrEqualTo(first);
            assertThat(first.isAfter(LocalDate.of(2020, 7, 31))).isEqualTo(newCard);
        }
    }
}
