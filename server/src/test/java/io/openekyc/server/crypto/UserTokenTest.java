package io.openekyc.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class UserTokenTest {

    private final byte[] key = random(32);
    private final byte[] iv = random(16);

    @Test
    void tokenRoundTripsTheUserId() {
        String token = UserToken.encrypt("key_1", key, iv, "PLiOA_EdK3xx1M4sJPsOlQZqgX");
        UserToken.Parts parts = UserToken.parse(token);
        assertThat(parts.keyId()).isEqualTo("key_1");
        assertThat(UserToken.decrypt(parts, key, iv)).isEqualTo("PLiOA_EdK3xx1M4sJPsOlQZqgX");
    }

    @Test
    void tokenIsUnpaddedBase64UrlOfKeyIdColonUnpaddedCiphertext() {
        String token = UserToken.encrypt("key_1", key, iv, "user-42");
        assertThat(token).matches("[A-Za-z0-9_-]+");
        String inner = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        assertThat(inner).startsWith("key_1:");
        assertThat(inner.substring(6)).matches("[A-Za-z0-9_-]+").doesNotContain("=");
    }

    @Test
    void paddedBase64UrlIsAcceptedToo() {
        String token = UserToken.encrypt("k", key, iv, "user-with-padding");
        String inner = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        byte[] ciphertext = Base64.getUrlDecoder().decode(inner.substring(2));
        String padded = Base64.getUrlEncoder().encodeToString(
                ("k:" + Base64.getUrlEncoder().encodeToString(ciphertext)).getBytes(StandardCharsets.UTF_8));
        assertThat(padded).contains("=");
        assertThat(UserToken.decrypt(UserToken.parse(padded), key, iv)).isEqualTo("user-with-padding");
    }

    @Test
    void tokenMadeByTheOpensslCommandLineDecrypts() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
        String userId = "PLiOA_EdK3xx1M4sJPsOlQZqgX";
        Process openssl = new ProcessBuilder("openssl", "enc", "-aes-256-cbc", "-nosalt",
                "-K", HexFormat.of().formatHex(key), "-iv", HexFormat.of().formatHex(iv)).start();
        openssl.getOutputStream().write(userId.getBytes(StandardCharsets.UTF_8));
        openssl.getOutputStream().close();
        byte[] ciphertext = openssl.getInputStream().readAllBytes();
        assertThat(openssl.waitFor()).isZero();

        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String token = url.encodeToString(("key_9:" + url.encodeToString(ciphertext)).getBytes(StandardCharsets.UTF_8));

        assertThat(UserToken.decrypt(UserToken.parse(token), key, iv)).isEqualTo(userId);
        assertThat(UserToken.encrypt("key_9", key, iv, userId)).isEqualTo(token);
    }

    @Test
    void malformedTokensAreRefused() {
        assertThatThrownBy(() -> UserToken.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserToken.parse("not base64 !!")).isInstanceOf(IllegalArgumentException.class);
        String noColon = Base64.getUrlEncoder().withoutPadding().encodeToString("abc".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> UserToken.parse(noColon)).isInstanceOf(IllegalArgumentException.class);
        String shortCipher = Base64.getUrlEncoder().withoutPadding().encodeToString("k:AAAA".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> UserToken.parse(shortCipher)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTokenDoesNotDecryptWithAnotherKey() {
        String token = UserToken.encrypt("k", key, iv, "someone");
        UserToken.Parts parts = UserToken.parse(token);
        byte[] other = random(32);
        // A wrong key almost always breaks the PKCS#7 padding; when it does not, the text differs.
        try {
            assertThat(UserToken.decrypt(parts, other, iv)).isNotEqualTo("someone");
        } catch (IllegalArgumentException expected) {
            assertThat(expected).hasMessageContaining("decrypt");
        }
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
