package io.openekyc.vision.document.mrz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Choosing characters from per-cell scores: layout constraints, then check digits over close runners-up. */
class MrzGlyphDecoderTest {

    private static final List<String> TD1 = MrzTemplateReaderTest.TD1;

    @Test
    void clearScoresGiveTheLines() {
        MrzResult result = MrzGlyphDecoder.decode(scores(TD1));
        assertThat(result.lines()).isEqualTo(TD1);
        assertThat(result.valid()).isTrue();
        assertThat(result.repairs()).isEmpty();
    }

    @Test
    void aDateCellTakesTheBestDigitEvenWhenALetterScoresHigher() {
        float[][][] scores = scores(TD1);
        // Birth date 740812: its '0' looks more like 'O'.
        set(scores, 1, 2, 'O', 0.95f);
        MrzResult result = MrzGlyphDecoder.decode(scores);
        assertThat(result.lines()).isEqualTo(TD1);
    }

    @Test
    void aFailingCheckDigitIsFixedWithTheClosestRunnerUp() {
        float[][][] scores = scores(TD1);
        // Document number D23145890: its '8' reads slightly better as '6', a '3' far behind.
        set(scores, 0, 11, '6', 0.93f);
        set(scores, 0, 11, '3', 0.70f);
        MrzResult result = MrzGlyphDecoder.decode(scores);
        assertThat(result.lines()).isEqualTo(TD1);
        assertThat(result.repairs()).singleElement().asString().contains("'6' read as '8'");
    }

    @Test
    void aDistantRunnerUpIsNotTaken() {
        float[][][] scores = scores(TD1);
        // The true '8' scores far below the '6': no plausible misreading, the check stays failed.
        set(scores, 0, 11, '6', 0.95f);
        set(scores, 0, 11, '8', 0.40f);
        MrzResult result = MrzGlyphDecoder.decode(scores);
        assertThat(result.lines().getFirst()).isEqualTo("I<UTOD231458907<<<<<<<<<<<<<<<".replace("D2314589", "D2314569"));
        assertThat(result.check("document_number")).isFalse();
    }

    @Test
    void aNearTieInANumberGoesToTheDigit() {
        List<String> lines = MrzTemplateReaderTest.withComposite(List.of("I<UTOD2314589071234<<<<<<<<<<<",
                "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"));
        float[][][] scores = scores(lines);
        // Optional data 1234: an 'O' beats its '2' by a hair, which the field's digits outweigh.
        set(scores, 0, 16, 'O', 0.91f);
        MrzResult result = MrzGlyphDecoder.decode(scores);
        assertThat(result.lines().getFirst()).isEqualTo(lines.getFirst());
        assertThat(result.repairs()).as("settled before any check digit is consulted").isEmpty();
    }

    @Test
    void theLayoutFollowsTheShapeOfTheLines() {
        assertThat(MrzGlyphDecoder.decode(scores(MrzTemplateReaderTest.TD3)).format()).isEqualTo(MrzFormat.TD3);
        assertThat(MrzGlyphDecoder.decode(scores(MrzTemplateReaderTest.TD2)).format()).isEqualTo(MrzFormat.TD2);
        assertThat(MrzGlyphDecoder.decode(scores(List.of("A".repeat(40), "B".repeat(40))))).isNull();
    }

    /** 0.9 for the character in the line, 0.5 for every other. */
    private static float[][][] scores(List<String> lines) {
        float[][][] scores = new float[lines.size()][][];
        for (int l = 0; l < lines.size(); l++) {
            scores[l] = new float[lines.get(l).length()][OcrBTemplates.ALPHABET.length()];
            for (int p = 0; p < lines.get(l).length(); p++) {
                java.util.Arrays.fill(scores[l][p], 0.5f);
                scores[l][p][OcrBTemplates.ALPHABET.indexOf(lines.get(l).charAt(p))] = 0.9f;
            }
        }
        return scores;
    }

    private static void set(float[][][] scores, int line, int position, char c, float score) {
        scores[line][position][OcrBTemplates.ALPHABET.indexOf(c)] = score;
    }
}
