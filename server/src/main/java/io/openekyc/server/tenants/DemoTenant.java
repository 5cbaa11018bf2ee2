package io.openekyc.server.tenants;

import io.openekyc.server.OpenEkycProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * On the first start of an empty database (with {@code openekyc.demo-tenant=true}, as
 * {@code openekyc serve} sets), creates tenant {@code demo} and writes its credentials to
 * {@code DATA_DIR/demo-tenant.json}, readable by the owner only.
 */
@Component
@Order(0)
public class DemoTenant implements ApplicationRunner {

    public static final String CODE = "demo";
    public static final String FILE = "demo-tenant.json";
    private static final Logger log = LoggerFactory.getLogger(DemoTenant.class);

    private final Tenants tenants;
    private final OpenEkycProperties properties;
    private final JsonMapper json;

    public DemoTenant(Tenants tenants, OpenEkycProperties properties, JsonMapper json) {
        this.tenants = tenants;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoTenant()) {
            return;
        }
        Path existing = properties.dataDir().resolve(FILE);
        if (tenants.any()) {
            if (Files.exists(existing)) {
                System.out.println("Demo tenant credentials: " + existing);
            }
            return;
        }
        TenantCredentials credentials = tenants.create(CODE, "system:first-start");
        Path file = properties.dataDir().resolve(FILE);
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, json.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(credentials) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        // Printed on purpose, once, to the console (not the log): the operator needs them to try the API.
        System.out.println("Created demo tenant; its credentials (also in " + file + "):");
        System.out.println(json.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(credentials));
        log.info("Created demo tenant '{}'; credentials written to {}", CODE, file);
    }
}
