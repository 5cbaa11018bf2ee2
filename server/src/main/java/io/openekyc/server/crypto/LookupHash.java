package io.openekyc.server.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hash (HMAC-SHA256) used to find encrypted values by equality, e.g. an application by
 * its user id, without storing the value in clear or a plain hash that could be brute-forced.
 */
public final class LookupHash {

    private final SecretKeySpec key;

    public LookupHash(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    public byte[] of(String scope, byte[] value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(scope.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public byte[] of(String scope, String value) {
        return of(scope, value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
