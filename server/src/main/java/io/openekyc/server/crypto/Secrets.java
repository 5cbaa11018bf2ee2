package io.openekyc.server.crypto;

import io.openekyc.server.OpenEkycProperties;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the master key and the keys derived from it. */
@Configuration(proxyBeanMethods = false)
public class Secrets {

    @Bean
    MasterKey masterKey(OpenEkycProperties properties) {
        if (!properties.masterKey().isBlank()) {
            return MasterKey.fromBase64(properties.masterKey());
        }
        Path file = properties.dataDir().resolve("master.key");
        return MasterKey.loadOrCreate(file);
    }

    /** Encrypts PII and secrets stored in the database and the blob store. */
    @Bean
    SecretBox secretBox(MasterKey masterKey) {
        return new SecretBox(masterKey.derive("openekyc/at-rest-encryption/v1"));
    }

    @Bean
    LookupHash lookupHash(MasterKey masterKey) {
        return new LookupHash(masterKey.derive("openekyc/lookup-hash/v1"));
    }

    @Bean
    PasswordHasher passwordHasher(OpenEkycProperties properties) {
        return new PasswordHasher(properties.passwordIterations());
    }
}
