package io.openekyc.vision;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The externally authored test data in {@code ../shared/data}; tests using it skip, saying why, when it is absent. */
public final class SharedData {

    private SharedData() {
    }

    public static Path root() {
        for (Path candidate : new Path[] {Path.of("..", "..", "shared", "data"), Path.of("..", "shared", "data")}) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, "../shared/data is absent: test skipped");
        return null;
    }

    public static byte[] read(String relative) {
        try {
            return Files.readAllBytes(root().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
