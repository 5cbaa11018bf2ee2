package io.openekyc.vision.document.mrz;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.vision.SharedData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MrzReaderTest {

    @Test
    void typicalOcrDamageToEveryValidVectorIsRepaired() {
        JsonNode vectors = JsonMapper.builder().build()
                .readTree(new String(SharedData.read("mrz/mrz_vectors.json"), StandardCharsets.UTF_8)).get("vectors");
        Random random = new Random(7);
        int attempted = 0;
        int repaired = 0;
        List<String> missed = new ArrayList<>();
        for (JsonNode vector : vectors) {
            List<String> lines = new ArrayList<>();
            vector.get("lines").forEach(l -> lines.add(l.asString()));
            if (MrzFormat.of(lines) == null || MrzFormat.of(lines) == MrzFormat.FRENCH_ID || !MrzParser.parse(lines).valid()) {
                continue;
            }
            List<String> ocr = damage(lines, random);
            MrzResult result = MrzReader.read(ocr);
            attempted++;
            assertThat(result).as(ocr.toString()).isNotNull();
            assertThat(result.format()).isEqualTo(MrzFormat.of(lines));
            if (result.lines().equals(lines)) {
                repaired++;
            } else {
                missed.add(ocr + " -> " + result.lines());
            }
        }
        // A check digit cannot tell apart readings whose sums differ by a multiple of 10 (e.g. two
        // O/0 confusions in one number): some damage is beyond repair, but not much.
        System.out.printf("MRZ OCR repair: %d of %d damaged vectors recovered exactly%n", repaired, attempted);
        assertThat(attempted).isGreaterThan(30);
        assertThat((double) repaired / attempted).as(String.join("\n", missed)).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void digitsInNamesAndAnAmbiguousDocumentNumberAreFixedByTheCheckDigits() {
        MrzResult result = MrzReader.read(List.of("P<UT0ERIK55ON<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<",
                "L89B902C36UTO7408122F1204159ZE184226B<<<<<10"));
        assertThat(result.valid()).isTrue();
        assertThat(result.fields()).containsEntry("surname", "ERIKSSON").containsEntry("given_names", "ANNA MARIA")
                .containsEntry("document_number", "L898902C3").containsEntry("issuing_state", "UTO");
        assertThat(result.repairs()).isNotEmpty();
    }

    @Test
    void textWithoutAnMrzGivesNothing() {
        assertThat(MrzReader.read(List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Họ và tên / Full name"))).isNull();
    }

    /**
     * Lower case, spaces, O/0 I/1 B/8 swaps, and miscounted trailing fillers, in the characters a
     * check digit protects (a visa's optional data has none, so nothing could repair it there).
     */
    static List<String> damage(List<String> lines, Random random) {
        List<String> out = new ArrayList<>();
        boolean visa = lines.getFirst().charAt(0) == 'V';
        for (int n = 0; n < lines.size(); n++) {
            StringBuilder line = new StringBuilder();
            char[] chars = lines.get(n).toCharArray();
            for (int i = 0; i < chars.length; i++) {
                char c = chars[i];
                char d = c;
                if ((n > 0 || lines.size() == 3) && !(visa && i >= 28)) {
                    if (c == '0' && random.nextInt(4) == 0) {
                        d = 'O';
                    } else if (c == '1' && random.nextInt(4) == 0) {
                        d = 'I';
                    } else if (c == '8' && random.nextInt(4) == 0) {
                        d = 'B';
                    }
                }
                line.append(d);
                if (random.nextInt(15) == 0) {
                    line.append(' ');
                }
            }
            String text = line.toString();
            if (text.endsWith("<<<") && random.nextBoolean()) {
                text = text.substring(0, text.length() - 2);
            } else if (text.endsWith("<") && random.nextBoolean()) {
                text = text + "<";
            }
            out.add(random.nextBoolean() ? text.toLowerCase() : text);
        }
        out.addFirst("REPUBLIC OF UTOPIA PASSPORT");
        return out;
    }
}
