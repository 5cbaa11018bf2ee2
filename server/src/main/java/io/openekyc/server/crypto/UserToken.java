package io.openekyc.server.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The encrypted user token of the TrustVision dialect, exactly as spec 000's Go sample builds it:
 * {@code base64url_nopad(keyId + ":" + base64url_nopad(AES-256-CBC-PKCS7(userId, key, iv)))}.
 * Decoding also accepts padded base64url, which some client libraries produce.
 */
public final class UserToken {

    private UserToken() {
    }

    /** The two parts of a token before decryption. */
    public record Parts(String keyId, byte[] ciphertext) {
    }

    public static String encrypt(String keyId, byte[] key, byte[] iv, String userId) {
        byte[] ciphertext = cipher(Cipher.ENCRYPT_MODE, key, iv, userId.getBytes(StandardCharsets.UTF_8));
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String unique = keyId + ":" + url.encodeToString(ciphertext);
        return url.encodeToString(unique.getBytes(StandardCharsets.UTF_8));
    }

    /** Splits a token into key id and ciphertext; throws {@link IllegalArgumentException} when malformed. */
    public static Parts parse(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("token is empty");
        }
        String unique = new String(decodeUrl(token.trim()), StandardCharsets.UTF_8);
        int colon = unique.indexOf(':');
        if (colon <= 0 || colon == unique.length() - 1) {
            throw new IllegalArgumentException("token is not KEY_ID:CIPHERTEXT");
        }
        byte[] ciphertext = decodeUrl(unique.substring(colon + 1));
        if (ciphertext.length == 0 || ciphertext.length % 16 != 0) {
            throw new IllegalArgumentException("ciphertext is not a whole number of AES blocks");
        }
        return new Parts(unique.substring(0, colon), ciphertext);
    }

    /** Decrypts the user id; throws {@link IllegalArgumentException} when the key does not fit the ciphertext. */
    public static String decrypt(Parts parts, byte[] key, byte[] iv) {
        byte[] plain = cipher(Cipher.DECRYPT_MODE, key, iv, parts.ciphertext());
        String userId;
        try {
            userId = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plain)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("decrypted user id is not UTF-8", e);
        }
        if (userId.isEmpty() || userId.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("decrypted user id is empty or has control characters");
        }
        return userId;
    }

    private static byte[] decodeUrl(String value) {
        String unpadded = value.replace("=", "");
        if (!unpadded.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("not base64url");
        }
        return Base64.getUrlDecoder().decode(unpadded);
    }

    private static byte[] cipher(int mode, byte[] key, byte[] iv, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(input);
        } catch (javax.crypto.BadPaddingException | javax.crypto.IllegalBlockSizeException e) {
            throw new IllegalArgumentException("token does not decrypt with this key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC is not available", e);
        }
    }
}
