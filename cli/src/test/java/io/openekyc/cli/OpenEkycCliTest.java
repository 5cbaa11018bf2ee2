package io.openekyc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.openekyc.server.crypto.UserToken;
import io.openekyc.server.support.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenEkycCliTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a command printed, and its exit code. */
    record Run(int exitCode, String out, String err) {
        JsonNode json() {
            return JSON.readTree(out);
        }
    }

    @Test
    void tokenFromAGivenKeyDecryptsToTheUser() {
        byte[] key = new byte[32];
        byte[] iv = new byte[16];
        key[0] = 7;
        iv[0] = 9;
        Run run = run("token", "--key", Base64.getEncoder().encodeToString(key),
                "--iv", Base64.getEncoder().encodeToString(iv), "--key-id", "k1", "--user", "user-77");
        assertThat(run.exitCode()).isZero();
        String token = run.json().get("encrypted_token").asString();
        assertThat(run.json().get("link").asString()).isEqualTo("/lu/" + token);
        assertThat(UserToken.decrypt(UserToken.parse(token), key, iv)).isEqualTo("user-77");
    }

    @Test
    void badArgumentsGiveAMessageAndNonZeroExit() {
        Run run = run("token", "--key", "c2hvcnQ=", "--iv", "AAAAAAAAAAAAAAAAAAAAAA==", "--key-id", "k", "--user", "u");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("--key must decode to 32 bytes").doesNotContain("at io.openekyc");
        assertThat(run("token", "--user", "u").exitCode()).isNotZero();
    }

    @Test
    void tenantCreateSetAndTokenWorkAgainstARealDatabase(@TempDir Path dataDir) {
        String db = TestDatabase.create();
        Run created = run("tenant", "create", "--code", "cli_tenant", "--db-url", db, "--data-dir", dataDir.toString());
        assertThat(created.exitCode()).as(created.err()).isZero();
        JsonNode credentials = created.json();
        assertThat(credentials.get("client_code").asString()).isEqualTo("cli_tenant");
        assertThat(credentials.get("portal_user").asString()).isEqualTo("cli_tenant_admin");
        for (String field : new String[] {"key_id", "aes_key", "aes_iv", "api_key", "portal_password"}) {
            assertThat(credentials.get(field).asString()).as(field).isNotBlank();
        }

        Run set = run("tenant", "set", "--code", "cli_tenant", "--db-url", db, "--data-dir", dataDir.toString(),
                "language=en", "allowed_card_types=vn.passport,ph.umid");
        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.json().get("language").asString()).isEqualTo("en");
        assertThat(set.json().get("allowed_card_types").size()).isEqualTo(2);

        Run invalid = run("tenant", "set", "--code", "cli_tenant", "--db-url", db, "--data-dir", dataDir.toString(),
                "language=xx");
        assertThat(invalid.exitCode()).isNotZero();
        assertThat(invalid.err()).contains("language");

        Run token = run("token", "--tenant", "cli_tenant", "--db-url", db, "--data-dir", dataDir.toString(),
                "--user", "0901234567");
        assertThat(token.exitCode()).as(token.err()).isZero();
        String encrypted = token.json().get("encrypted_token").asString();
        assertThat(UserToken.parse(encrypted).keyId()).isEqualTo(credentials.get("key_id").asString());
        assertThat(UserToken.decrypt(UserToken.parse(encrypted),
                Base64.getDecoder().decode(credentials.get("aes_key").asString()),
                Base64.getDecoder().decode(credentials.get("aes_iv").asString()))).isEqualTo("0901234567");
    }

    @Test
    void faceCompareMatchesTheSamePersonAndNotAnother() {
        Path faces = sharedFaces();
        Run same = run("face", "compare", faces.resolve("images/amy/amy1.png").toString(),
                faces.resolve("images/amy/amy3.png").toString());
        assertThat(same.exitCode()).as(same.err()).isZero();
        Run other = run("face", "compare", faces.resolve("images/amy/amy1.png").toString(),
                faces.resolve("images/raj/raj2.png").toString());
        assertThat(same.json().get("matched").asBoolean()).isTrue();
        assertThat(other.json().get("matched").asBoolean()).isFalse();
        assertThat(same.json().get("score").asDouble()).isGreaterThan(other.json().get("score").asDouble());
        assertThat(same.json().get("faces").get(0).get("count").asInt()).isEqualTo(1);
    }

    @Test
    void faceCompareWithoutAFaceReportsNoScore() {
        Path faces = sharedFaces();
        Run run = run("face", "compare", faces.resolve("test-images/white.png").toString(),
                faces.resolve("images/amy/amy1.png").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.json().get("score").isNull()).isTrue();
        assertThat(run.json().get("matched").asBoolean()).isFalse();
        assertThat(run.json().get("faces").get(0).get("count").asInt()).isZero();
    }

    @Test
    void evalFacesPrintsTheTableAndWritesScores(@TempDir Path dir) throws Exception {
        Path faces = sharedFaces();
        Path pairs = dir.resolve("pairs.csv");
        java.nio.file.Files.writeString(pairs, String.join("\n", "img1,img2,same_identity",
                "images/amy/amy1.png,images/amy/amy2.png,1", "images/raj/raj1.png,images/raj/raj3.png,1",
                "images/amy/amy1.png,images/raj/raj1.png,0", "images/penny/penny1.png,images/raj/raj3.png,0",
                "test-images/white.png,images/raj/raj3.png,0"));
        Path out = dir.resolve("scores.csv");
        Run run = run("eval", "faces", "--pairs", pairs.toString(), "--root", faces.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("| ROC AUC | 1.0000 |").contains("| detection failures (pairs without a score) | 1 |");
        java.util.List<String> lines = java.nio.file.Files.readAllLines(out);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("img1,img2,same_identity,score");
        assertThat(lines.get(5)).endsWith(",0,");
    }

    @Test
    void evalEditsFlagsABlockPastedFromAnotherJpegAndNotTheRealPhotoItCameFrom(@TempDir Path dir) throws Exception {
        Path original = Path.of("..", "..", "shared", "data", "id-docs", "passporteye", "passporteye", "mrz", "testdata",
                "100_pass-bdr.jpg");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(original),
                "../shared/data is absent: test skipped");
        var photo = new io.openekyc.vision.image.ImageDecoder().decode(java.nio.file.Files.readAllBytes(original));
        // The middle of the page, compressed alone at quality 55 and put back 3 and 5 pixels off the 8x8 grid.
        int x = photo.width() / 2 / 8 * 8 + 3;
        int y = photo.height() / 2 / 8 * 8 + 5;
        var pasted = io.openekyc.vision.document.generator.PhotoEditor.paste(photo, x, y, 240, 160, 55);
        Path edited = dir.resolve("edited.jpg");
        java.nio.file.Files.write(edited, io.openekyc.vision.document.generator.CardGenerator.jpeg(
                pasted.toBufferedImage(), 92));

        Run run = run("eval", "edits", original.toString(), edited.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("\\| 100_pass-bdr.jpg \\| 1874x1326 \\| [0-9.]+ \\| no \\|")
                .containsPattern("\\| edited.jpg \\| 1874x1326 \\| [0-9.]+ \\| yes \\| [0-9]+ \\| 3,5 \\|")
                .contains("flagged: 1 of 2 judged (2 images)");
    }

    private static Path sharedFaces() {
        Path faces = Path.of("..", "..", "shared", "data", "faces", "face-api-js");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(faces),
                "../shared/data is absent: test skipped");
        return faces;
    }

    private static synchronized Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int code = OpenEkycCli.run(args);
            return new Run(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
