package io.openekyc.cli;

import io.openekyc.server.ServerLauncher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

@Command(name = "serve", description = "Start the server (embedded PostgreSQL and files under the data dir by default).")
class ServeCommand implements Callable<Integer> {

    /** Set once the server runs, so main() leaves the JVM to the server's threads. */
    static volatile boolean serving;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port on 127.0.0.1 (default 8080).")
    int port;

    @Mixin
    StorageOptions storage;

    @Unmatched
    List<String> properties = new ArrayList<>();

    @Override
    public Integer call() {
        Map<String, Object> extra = new HashMap<>();
        extra.put("openekyc.demo-tenant", "true");
        for (String property : properties) {
            int equals = property.indexOf('=');
            if (!property.startsWith("--") || equals < 3) {
                throw new IllegalArgumentException("unexpected argument " + property + " (properties go as --name=value)");
            }
            extra.put(property.substring(2, equals), property.substring(equals + 1));
        }
        ServerLauncher.start(new ServerLauncher.Options(true, port, storage.dataDir(), storage.dbUrl(), extra));
        serving = true;
        return 0;
    }
}
