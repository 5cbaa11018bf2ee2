package io.openekyc.server.support;

import io.openekyc.server.OpenEkycServer;
import io.openekyc.server.crypto.UserToken;
import io.openekyc.server.tenants.TenantCredentials;
import io.openekyc.server.tenants.Tenants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the HTTP integration tests: one real server on a random port, backed by a fresh real
 * PostgreSQL database and a temporary data dir, shared by all test classes (Spring caches the
 * context). Each test makes its own tenants, so tests never see each other's data.
 */
@SpringBootTest(classes = OpenEkycServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"openekyc.password-iterations=20000", "server.address=127.0.0.1"})
public abstract class ServerTest {

    private static final AtomicInteger TENANTS = new AtomicInteger();
    protected static final Path DATA_DIR = createDataDir();
    private static final String DATABASE_URL = TestDatabase.create();

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE_URL);
        registry.add("openekyc.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected Tenants tenants;

    @Autowired
    protected JdbcClient jdbc;

    protected Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    /** A new tenant with a unique code. */
    protected TenantCredentials newTenant() {
        return tenants.create("t" + System.nanoTime() % 100000 + "_" + TENANTS.incrementAndGet(), "test");
    }

    protected String login(TenantCredentials tenant) {
        Http.Answer answer = http.postJson("/auth/users/login", null,
                Map.of("user_name", tenant.portalUser(), "password", tenant.portalPassword()));
        if (answer.status() != 200) {
            throw new IllegalStateException("login failed: " + answer.text());
        }
        return answer.json().get("data").get("access_token").asString();
    }

    protected static String userToken(TenantCredentials tenant, String userId) {
        return UserToken.encrypt(tenant.keyId(), Base64.getDecoder().decode(tenant.aesKey()),
                Base64.getDecoder().decode(tenant.aesIv()), userId);
    }

    /** Calls init for a user and returns its data block. */
    protected tools.jackson.databind.JsonNode init(TenantCredentials tenant, String userId) {
        Http.Answer answer = http.get("/ekyc/platform/init?encrypted_token=" + userToken(tenant, userId), null);
        if (answer.status() != 200) {
            throw new IllegalStateException("init failed: " + answer.text());
        }
        return answer.json().get("data");
    }

    protected long applicationId(String uniqueToken) {
        return jdbc.sql("select id from application where unique_token = cast(? as uuid)").param(uniqueToken)
                .query(Long.class).single();
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("openekyc-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
