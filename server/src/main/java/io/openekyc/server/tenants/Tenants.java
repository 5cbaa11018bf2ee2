package io.openekyc.server.tenants;

import io.openekyc.server.audit.AuditLog;
import io.openekyc.server.crypto.PasswordHasher;
import io.openekyc.server.crypto.SecretBox;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Tenants and their credentials: AES key pairs, API keys, portal users, flow settings. */
@Service
public class Tenants {

    public static final Pattern CODE = Pattern.compile("^[a-z0-9_]{1,40}$");
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final SecretBox secrets;
    private final PasswordHasher passwords;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    public Tenants(JdbcClient jdbc, JsonMapper json, SecretBox secrets, PasswordHasher passwords, AuditLog audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.secrets = secrets;
        this.passwords = passwords;
        this.audit = audit;
    }

    /** Creates a tenant with one AES key pair, one API key and one portal user; returns their secrets. */
    @Transactional
    public TenantCredentials create(String code, String actor) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("tenant code must match " + CODE.pattern());
        }
        long tenantId;
        try {
            tenantId = jdbc.sql("insert into tenant (code, settings) values (?, cast(? as jsonb)) returning id")
                    .params(code, json.writeValueAsString(FlowSettings.defaults()))
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("tenant " + code + " already exists");
        }
        byte[] key = randomBytes(32);
        byte[] iv = randomBytes(16);
        String keyId = code + "_" + HexFormat.of().formatHex(randomBytes(4));
        jdbc.sql("insert into tenant_aes_key (tenant_id, key_id, key_ct, iv_ct) values (?, ?, ?, ?)")
                .params(tenantId, keyId, secrets.seal(key, "aes-key:" + keyId), secrets.seal(iv, "aes-iv:" + keyId))
                .update();
        String apiKey = "oek_" + randomText(40);
        jdbc.sql("insert into tenant_api_key (tenant_id, key_hash, key_prefix) values (?, ?, ?)")
                .params(tenantId, sha256(apiKey), apiKey.substring(0, 8))
                .update();
        String portalUser = code + "_admin";
        String password = randomText(24);
        jdbc.sql("insert into portal_user (tenant_id, user_name, password_hash) values (?, ?, ?)")
                .params(tenantId, portalUser, passwords.hash(password))
                .update();
        audit.record(tenantId, actor, "tenant.created", "tenant:" + tenantId);
        Base64.Encoder b64 = Base64.getEncoder();
        return new TenantCredentials(code, keyId, b64.encodeToString(key), b64.encodeToString(iv), apiKey,
                portalUser, password);
    }

    public Optional<Tenant> byCode(String code) {
        return jdbc.sql("select id, code, settings, active from tenant where code = ?").param(code)
                .query(this::map).optional();
    }

    public Tenant byId(long id) {
        return jdbc.sql("select id, code, settings, active from tenant where id = ?").param(id)
                .query(this::map).single();
    }

    private Tenant map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Tenant(rs.getLong("id"), rs.getString("code"),
                json.readValue(rs.getString("settings"), FlowSettings.class), rs.getBoolean("active"));
    }

    public boolean any() {
        return jdbc.sql("select exists (select 1 from tenant)").query(Boolean.class).single();
    }

    /** Applies validated changes to a tenant's settings, and audits which keys changed (not their values). */
    @Transactional
    public FlowSettings changeSettings(long tenantId, Map<String, ?> changes, String actor) {
        Tenant tenant = byId(tenantId);
        FlowSettings updated = tenant.settings().with(changes);
        jdbc.sql("update tenant set settings = cast(? as jsonb), updated_at = now() where id = ?")
                .params(json.writeValueAsString(updated), tenantId).update();
        if (changes.containsKey(FlowSettings.CALLBACK_SECRET)) {
            String secret = FlowSettings.secretOrNull(changes.get(FlowSettings.CALLBACK_SECRET));
            jdbc.sql("update tenant set callback_secret_ct = ? where id = ?")
                    .params(secret == null ? null : secrets.sealString(secret, "callback-secret:" + tenantId), tenantId)
                    .update();
        }
        audit.record(tenantId, actor, "tenant.settings_changed", "tenant:" + tenantId,
                Map.of("keys", changes.keySet().stream().sorted().toList()));
        return updated;
    }

    public boolean hasCallbackSecret(long tenantId) {
        return jdbc.sql("select callback_secret_ct is not null from tenant where id = ?").param(tenantId)
                .query(Boolean.class).single();
    }

    /** The AES key pair with this key id, of an active tenant. */
    public Optional<AesKey> aesKey(String keyId) {
        return jdbc.sql("""
                select k.tenant_id, k.key_id, k.key_ct, k.iv_ct, k.active and t.active as active
                from tenant_aes_key k join tenant t on t.id = k.tenant_id where k.key_id = ?""")
                .param(keyId)
                .query((rs, n) -> new AesKey(rs.getLong("tenant_id"), rs.getString("key_id"),
                        secrets.open(rs.getBytes("key_ct"), "aes-key:" + keyId),
                        secrets.open(rs.getBytes("iv_ct"), "aes-iv:" + keyId),
                        rs.getBoolean("active")))
                .optional();
    }

    /** The newest active AES key pair of a tenant. */
    public Optional<AesKey> activeAesKey(long tenantId) {
        return jdbc.sql("select key_id from tenant_aes_key where tenant_id = ? and active order by id desc limit 1")
                .param(tenantId).query(String.class).optional().flatMap(this::aesKey);
    }

    /** The active tenant owning this API key, if any. */
    public Optional<Tenant> byApiKey(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select t.id from tenant_api_key k join tenant t on t.id = k.tenant_id
                where k.key_hash = ? and k.active and t.active""")
                .param(sha256(apiKey.trim())).query(Long.class).optional().map(this::byId);
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
