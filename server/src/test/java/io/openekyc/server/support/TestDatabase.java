package io.openekyc.server.support;

import io.openekyc.server.database.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A fresh, real PostgreSQL database for a test run: on the local server at 127.0.0.1:5432 when it
 * answers (CI machines run one), otherwise in the embedded PostgreSQL under {@code target/}.
 */
public final class TestDatabase {

    private static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static EmbeddedPostgres embedded;

    private TestDatabase() {
    }

    /** JDBC URL of a new, empty database. */
    public static synchronized String create() {
        String name = "openekyc_test_" + Long.toString(System.nanoTime(), 36);
        String admin = adminUrl();
        try (Connection connection = DriverManager.getConnection(admin);
             var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + admin, e);
        }
        // Test databases are dropped when the test JVM exits, so runs do not pile them up.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(admin, name)));
        return admin.replaceFirst("/postgres\\?", "/" + name + "?");
    }

    private static void drop(String admin, String name) {
        try (Connection connection = DriverManager.getConnection(admin);
             var statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException | RuntimeException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static String adminUrl() {
        String local = LOCAL_SERVER + "postgres?user=postgres";
        Properties quick = new Properties();
        quick.setProperty("connectTimeout", "2");
        try (Connection ignored = DriverManager.getConnection(local, quick)) {
            return local;
        } catch (SQLException notRunning) {
            if (embedded == null) {
                embedded = EmbeddedPostgres.start(Path.of("target", "embedded-postgres-test"));
                Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
            }
            return "jdbc:postgresql://127.0.0.1:" + embedded.port() + "/postgres?user=" + EmbeddedPostgres.USER;
        }
    }
}
