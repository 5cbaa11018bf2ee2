package io.openekyc.server.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The root secret of an installation. Every at-rest encryption key and lookup-hash key is
 * derived from it (HMAC-SHA256 of a purpose label), so a single 32-byte value in configuration
 * or in {@code DIR/master.key} protects the whole data set.
 */
public final class MasterKey {

    private final byte[] key;

    private MasterKey(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the master key must be 32 bytes (base64 of 32 random bytes)");
        }
        this.key = key.clone();
    }

    public static MasterKey fromBase64(String base64) {
        try {
            return new MasterKey(Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the master key must be base64 of 32 random bytes", e);
        }
    }

    /** Reads the key file, creating it (mode 600) with a fresh random key when it does not exist. */
    public static MasterKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "master", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII);
            Files.move(temp, file);
            return new MasterKey(fresh);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key file " + file, e);
        }
    }

    /** A 32-byte key for one purpose, e.g. "image-encryption" or "lookup-hash". */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
