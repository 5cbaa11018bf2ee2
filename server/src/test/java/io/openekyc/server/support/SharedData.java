package io.openekyc.server.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Externally authored test data in {@code ../shared/data}; tests using it skip, saying why, when it is absent. */
public final class SharedData {

    private SharedData() {
    }

    /** The shared data folder (the test skips when it is absent). */
    public static Path root() {
        Path root = Path.of("..", "..", "shared", "data");
        assumeTrue(Files.isDirectory(root), "../shared/data is absent: test skipped");
        return root;
    }

    public static byte[] read(String relative) {
        Path root = Path.of("..", "..", "shared", "data");
        assumeTrue(Files.isDirectory(root), "../shared/data is absent: test skipped");
        try {
            return Files.readAllBytes(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
