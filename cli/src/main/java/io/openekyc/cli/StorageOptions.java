package io.openekyc.cli;

import io.openekyc.server.ServerLauncher;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Option;

/** Where the data lives: a data dir (embedded PostgreSQL + files) and optionally an external PostgreSQL. */
class StorageOptions {

    @Option(names = "--data-dir", description = "Local state folder (default: $OPENEKYC_DATA_DIR or ~/.openekyc).")
    Path dataDir;

    @Option(names = "--db-url", description = "JDBC URL of a PostgreSQL to use instead of the embedded one "
            + "(default: $OPENEKYC_DB_URL).")
    String dbUrl;

    Path dataDir() {
        if (dataDir != null) {
            return dataDir;
        }
        String env = System.getenv("OPENEKYC_DATA_DIR");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".openekyc");
    }

    String dbUrl() {
        if (dbUrl != null) {
            return dbUrl;
        }
        String env = System.getenv("OPENEKYC_DB_URL");
        return env == null || env.isBlank() ? null : env;
    }

    /** A context without HTTP server and with console logging off, for commands that print JSON. */
    ConfigurableApplicationContext quietContext() {
        return ServerLauncher.start(new ServerLauncher.Options(false, 0, dataDir(), dbUrl(),
                Map.of("logging.threshold.console", "OFF", "spring.main.log-startup-info", "false")));
    }
}
