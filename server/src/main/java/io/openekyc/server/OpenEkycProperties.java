package io.openekyc.server;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Server configuration ({@code openekyc.*} properties or {@code OPENEKYC_*} environment variables).
 *
 * @param dataDir       local state: embedded database, encrypted blobs, master key, demo credentials
 * @param masterKey     base64 of 32 bytes; when empty, {@code DATA_DIR/master.key} is used (created on first start)
 * @param demoTenant    create tenant {@code demo} on the first start of an empty database
 * @param upload        image upload limits
 * @param login         portal login lock-out
 * @param tokens        lifetimes of the JWTs we issue
 * @param passwordIterations PBKDF2 iterations for new portal passwords
 */
@ConfigurationProperties("openekyc")
public record OpenEkycProperties(
        @DefaultValue("${user.home}/.openekyc") Path dataDir,
        @DefaultValue("") String masterKey,
        @DefaultValue("false") boolean demoTenant,
        @DefaultValue Upload upload,
        @DefaultValue Login login,
        @DefaultValue Tokens tokens,
        @DefaultValue("600000") int passwordIterations) {

    public record Upload(@DefaultValue("10485760") long maxBytes, @DefaultValue("50000000") long maxPixels) {
    }

    public record Login(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window) {
    }

    public record Tokens(@DefaultValue("1h") Duration portalTtl, @DefaultValue("1h") Duration applicationTtl) {
    }
}
