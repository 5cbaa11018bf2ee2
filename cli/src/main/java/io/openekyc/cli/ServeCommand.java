package io.openekyc.cli;

import io.openekyc.server.ServerLauncher;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Start the server (embedded PostgreSQL and files under the data dir by default).")
class ServeCommand implements Callable<Integer> {

    /** Set once the server runs, so main() leaves the JVM to the server's threads. */
    static volatile boolean serving;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port on 127.0.0.1 (default 8080).")
    int port;

    @Mixin
    StorageOptions storage;

    @Override
    public Integer call() {
        ServerLauncher.start(new ServerLauncher.Options(true, port, storage.dataDir(), storage.dbUrl(),
                Map.of("openekyc.demo-tenant", "true")));
        serving = true;
        return 0;
    }
}
