package io.openekyc.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.openekyc.server.crypto.SecretBox;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Issues and verifies our HS256 JWTs. Signing keys live in the database (encrypted), so a restart
 * or a second node accepts tokens issued before; each token names its key in {@code kid}, so keys
 * can rotate while older tokens stay valid until they expire.
 */
@Service
public class JwtService {

    public static final String ISSUER = "openekyc";

    /** Why a token was refused. */
    public enum Refusal { EXPIRED, INVALID }

    /** The verified claims, or the reason for refusal. */
    public record Verified(JWTClaimsSet claims, Refusal refusal) {
        public boolean ok() {
            return refusal == null;
        }
    }

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> keyCache = new ConcurrentHashMap<>();

    public JwtService(JdbcClient jdbc, SecretBox secrets, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public String issue(String subject, String type, Duration ttl, Map<String, Object> extraClaims) {
        String kid = currentKid();
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).subject(subject).claim("typ", type)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString());
        extraClaims.forEach(claims::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims.build());
        try {
            jwt.sign(new MACSigner(secret(kid).orElseThrow()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign JWT", e);
        }
        return jwt.serialize();
    }

    public Verified verify(String token, String expectedType) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || jwt.getHeader().getKeyID() == null) {
                return new Verified(null, Refusal.INVALID);
            }
            Optional<byte[]> secret = secret(jwt.getHeader().getKeyID());
            if (secret.isEmpty() || !jwt.verify(new MACVerifier(secret.get()))) {
                return new Verified(null, Refusal.INVALID);
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!ISSUER.equals(claims.getIssuer()) || !expectedType.equals(claims.getClaim("typ"))
                    || claims.getExpirationTime() == null) {
                return new Verified(null, Refusal.INVALID);
            }
            if (!claims.getExpirationTime().toInstant().isAfter(clock.instant())) {
                return new Verified(null, Refusal.EXPIRED);
            }
            return new Verified(claims, null);
        } catch (ParseException | JOSEException | RuntimeException e) {
            return new Verified(null, Refusal.INVALID);
        }
    }

    /** Starts signing with a fresh key; tokens signed by older keys stay valid until they expire. */
    public synchronized String rotate() {
        jdbc.sql("update jwt_signing_key set retired_at = now() where retired_at is null").update();
        return createKey();
    }

    private synchronized String currentKid() {
        return jdbc.sql("select kid from jwt_signing_key where retired_at is null order by created_at desc limit 1")
                .query(String.class).optional()
                .orElseGet(this::createKey);
    }

    private String createKey() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String kid = "k" + HexFormat.of().formatHex(secret, 0, 6) + Long.toHexString(clock.millis());
        // Two nodes racing on first start each insert a key; both are valid, the newest signs.
        jdbc.sql("insert into jwt_signing_key (kid, secret_ct) values (?, ?)")
                .params(kid, secrets.seal(secret, "jwt-key:" + kid)).update();
        keyCache.put(kid, secret);
        return kid;
    }

    private Optional<byte[]> secret(String kid) {
        byte[] cached = keyCache.get(kid);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<byte[]> stored = jdbc.sql("select secret_ct from jwt_signing_key where kid = ?").param(kid)
                .query((rs, n) -> secrets.open(rs.getBytes(1), "jwt-key:" + kid)).optional();
        stored.ifPresent(secret -> keyCache.put(kid, secret));
        return stored;
    }
}
