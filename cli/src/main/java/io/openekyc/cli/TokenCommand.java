package io.openekyc.cli;

import io.openekyc.server.crypto.UserToken;
import io.openekyc.server.tenants.AesKey;
import io.openekyc.server.tenants.Tenants;
import java.util.Base64;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "token", description = "Print a user's encrypted token (spec 000) and hosted link, "
        + "from a tenant's stored key or from a given key, iv and key id.")
class TokenCommand implements Callable<Integer> {

    @Option(names = "--user", required = true, description = "The client's user id to encrypt.")
    String user;

    @Option(names = "--tenant", description = "Tenant code whose active key to use (with --data-dir or --db-url).")
    String tenant;

    @Mixin
    StorageOptions storage;

    @Option(names = "--key", description = "AES-256 key, base64 (with --iv and --key-id).")
    String key;

    @Option(names = "--iv", description = "16-byte IV, base64.")
    String iv;

    @Option(names = "--key-id")
    String keyId;

    @Override
    public Integer call() {
        String token;
        boolean given = key != null || iv != null || keyId != null;
        if (given == (tenant != null)) {
            throw new IllegalArgumentException("give either --tenant CODE, or --key, --iv and --key-id");
        }
        if (given) {
            if (key == null || iv == null || keyId == null) {
                throw new IllegalArgumentException("--key, --iv and --key-id go together");
            }
            token = UserToken.encrypt(keyId, decode(key, 32, "--key"), decode(iv, 16, "--iv"), user);
        } else {
            try (ConfigurableApplicationContext context = storage.quietContext()) {
                Tenants tenants = context.getBean(Tenants.class);
                long tenantId = tenants.byCode(tenant)
                        .orElseThrow(() -> new IllegalArgumentException("no tenant " + tenant)).id();
                AesKey key = tenants.activeAesKey(tenantId)
                        .orElseThrow(() -> new IllegalArgumentException("tenant has no active AES key"));
                token = UserToken.encrypt(key.keyId(), key.key(), key.iv(), user);
            }
        }
        System.out.println("{\"encrypted_token\":\"" + token + "\",\"link\":\"/lu/" + token + "\"}");
        return 0;
    }

    private static byte[] decode(String base64, int length, String option) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " is not base64");
        }
        if (bytes.length != length) {
            throw new IllegalArgumentException(option + " must decode to " + length + " bytes");
        }
        return bytes;
    }
}
