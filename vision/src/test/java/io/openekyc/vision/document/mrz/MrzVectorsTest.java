package io.openekyc.vision.document.mrz;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.SharedData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 79 MRZ strings of ../shared/data/mrz/mrz_vectors.json, harvested from five MRZ libraries'
 * tests: every check digit we evaluate agrees with the file's independent ICAO recomputation.
 */
class MrzVectorsTest {

    private static final Map<String, String> KEYS = Map.of("document_number", "document_number",
            "birth_date", "birth_date", "expiry_date", "expiry_date", "personal_number", "personal_number",
            "composite", "composite");

    @Test
    void everyIcaoVectorIsJudgedConsistentlyWithItsRecomputedCheckDigits() {
        JsonNode vectors = JsonMapper.builder().build()
                .readTree(new String(SharedData.read("mrz/mrz_vectors.json"), StandardCharsets.UTF_8)).get("vectors");
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        int french = 0;
        for (JsonNode vector : vectors) {
            List<String> lines = new ArrayList<>();
            vector.get("lines").forEach(l -> lines.add(l.asString()));
            if (vector.get("format").asString().equals("FRENCH_NATIONAL_ID")) {
                french++;
                if (MrzFormat.of(lines) != null) {
                    // The file's recomputation applies ICAO TD2 positions to this non-ICAO layout; we parse it as French.
                    assertThat(MrzParser.parse(lines).format()).isIn(MrzFormat.FRENCH_ID, MrzFormat.TD2);
                }
                continue;
            }
            MrzResult result = MrzParser.parse(lines);
            JsonNode recomputed = vector.get("icao9303_check_digits_recomputed");
            for (String key : KEYS.keySet()) {
                JsonNode expected = recomputed.get(key);
                if (expected == null || expected.isNull()) {
                    continue; // filler in the check position: nothing to agree with
                }
                if (!result.hasCheck(key)) {
                    // Only visas lack a composite check digit in ICAO 9303; the file computes one anyway.
                    assertThat(key).as(lines.toString()).isEqualTo("composite");
                    assertThat(result.format()).isIn(MrzFormat.MRV_A, MrzFormat.MRV_B);
                    continue;
                }
                compared++;
                if (!Boolean.valueOf(expected.asBoolean()).equals(result.check(key))) {
                    disagreements.add(lines + " " + key + ": recomputed " + expected + ", ours " + result.check(key));
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(compared).isGreaterThan(250);
        assertThat(french).isEqualTo(6);
    }

    @Test
    void theIcaoSpecimenPassportParses() {
        MrzResult result = MrzParser.parse(List.of(
                "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                "L898902C36UTO7408122F1204159ZE184226B<<<<<10"));
        assertThat(result.format()).isEqualTo(MrzFormat.TD3);
        assertThat(result.valid()).isTrue();
        assertThat(result.fields()).containsEntry("document_number", "L898902C3").containsEntry("birth_date", "740812")
                .containsEntry("expiry_date", "120415").containsEntry("sex", "F").containsEntry("surname", "ERIKSSON")
                .containsEntry("given_names", "ANNA MARIA").containsEntry("nationality", "UTO")
                .containsEntry("personal_number", "ZE184226B");
    }

    @Test
    void checkDigitsFollowTheIcaoExample() {
        // ICAO 9303 part 3: "520727" has check digit 3; fillers count as 0, letters as 10..35.
        assertThat(MrzParser.checkDigit("520727")).isEqualTo(3);
        assertThat(MrzParser.checkDigit("L898902C3")).isEqualTo(6);
        assertThat(MrzParser.checkDigit("<<<<")).isZero();
    }

    @Test
    void aFrenchIdCardParsesWithItsOwnLayout() {
        MrzResult result = MrzParser.parse(List.of("IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<",
                "9409923102854CORINNE<<<<<<<6512068F4"));
        assertThat(result.format()).isEqualTo(MrzFormat.FRENCH_ID);
        assertThat(result.fields()).containsEntry("surname", "BERTHIER").containsEntry("given_names", "CORINNE")
                .containsEntry("birth_date", "651206").containsEntry("sex", "F");
        assertThat(result.check("birth_date")).isTrue();
        assertThat(result.check("document_number")).isTrue();
        assertThat(result.valid()).isTrue();
    }
}
