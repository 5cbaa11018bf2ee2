package io.openekyc.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    @Test
    void sealedValuesOpenOnlyInTheirOwnContext(@TempDir Path dir) {
        SecretBox box = new SecretBox(MasterKey.loadOrCreate(dir.resolve("master.key")).derive("test"));
        byte[] sealed = box.sealString("Nguyễn Văn A", "row:1");
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Nguy");
        assertThat(box.openString(sealed, "row:1")).isEqualTo("Nguyễn Văn A");
        assertThatThrownBy(() -> box.open(sealed, "row:2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        SecretBox box = new SecretBox(new byte[32]);
        assertThat(box.sealString("same", "c")).isNotEqualTo(box.sealString("same", "c"));
    }

    @Test
    void masterKeyFileIsCreatedOwnerOnlyAndReused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("master.key");
        byte[] first = MasterKey.loadOrCreate(file).derive("x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(MasterKey.loadOrCreate(file).derive("x")).isEqualTo(first);
        assertThat(MasterKey.loadOrCreate(file).derive("y")).isNotEqualTo(first);
    }

    @Test
    void passwordsVerifyOnlyWithTheRightPassword() {
        PasswordHasher hasher = new PasswordHasher(1000);
        String hash = hasher.hash("correct horse");
        assertThat(hash).startsWith("pbkdf2-sha256$1000$").doesNotContain("correct");
        assertThat(hasher.matches("correct horse", hash)).isTrue();
        assertThat(hasher.matches("correct horsE", hash)).isFalse();
        assertThat(hasher.hash("correct horse")).isNotEqualTo(hash);
    }
}
