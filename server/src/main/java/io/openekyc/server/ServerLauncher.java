package io.openekyc.server;

import io.openekyc.server.database.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Starts OpenEKYC: with {@code dbUrl} against that PostgreSQL, otherwise with the embedded
 * PostgreSQL under {@code DATA_DIR/postgres}, which is stopped when the context closes.
 */
public final class ServerLauncher {

    private ServerLauncher() {
    }

    /**
     * @param web       false for command-line work (tenant create, token) that needs no HTTP server
     * @param port      HTTP port (0 for a free one); ignored without web
     * @param dataDir   local state folder
     * @param dbUrl     JDBC URL of an external PostgreSQL, or null for the embedded one
     * @param extra     further Spring properties
     */
    public record Options(boolean web, int port, Path dataDir, String dbUrl, Map<String, Object> extra) {
    }

    public static ConfigurableApplicationContext start(Options options) {
        Path dataDir = options.dataDir().toAbsolutePath();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("openekyc.data-dir", dataDir.toString());
        EmbeddedPostgres embedded = null;
        if (options.dbUrl() == null || options.dbUrl().isBlank()) {
            embedded = EmbeddedPostgres.start(dataDir.resolve("postgres"));
            properties.put("spring.datasource.url", embedded.jdbcUrl());
        } else {
            properties.put("spring.datasource.url", options.dbUrl());
        }
        properties.put("server.port", options.port());
        properties.put("server.address", "127.0.0.1");
        properties.putAll(options.extra());

        SpringApplication application = new SpringApplication(OpenEkycServer.class);
        application.setWebApplicationType(options.web() ? WebApplicationType.SERVLET : WebApplicationType.NONE);
        application.setDefaultProperties(properties);
        EmbeddedPostgres database = embedded;
        if (database != null) {
            application.addListeners(event -> {
                if (event instanceof ContextClosedEvent) {
                    database.close();
                }
            });
        }
        try {
            ConfigurableApplicationContext context = application.run();
            if (database != null) {
                LoggerFactory.getLogger(ServerLauncher.class).info(
                        "Embedded PostgreSQL {} on 127.0.0.1:{}, data in {}", EmbeddedPostgres.BINARIES_VERSION,
                        database.port(), dataDir.resolve("postgres"));
            }
            return context;
        } catch (RuntimeException e) {
            if (database != null) {
                database.close();
            }
            throw e;
        }
    }
}
