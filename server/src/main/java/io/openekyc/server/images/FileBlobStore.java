package io.openekyc.server.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/** Blobs as files under a root folder; writes go through a temp file and an atomic move. */
public final class FileBlobStore implements BlobStore {

    private static final Pattern SAFE_KEY = Pattern.compile("[a-z0-9]+(/[a-z0-9]+)*");

    private final Path root;

    public FileBlobStore(Path root) {
        this.root = root.toAbsolutePath();
    }

    @Override
    public void put(String key, byte[] bytes) {
        Path target = pathOf(key);
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".blob", ".tmp");
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write blob " + key, e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(Files.readAllBytes(pathOf(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read blob " + key, e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.exists(pathOf(key));
    }

    private Path pathOf(String key) {
        if (!SAFE_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("blob keys are lower-case alphanumeric segments");
        }
        return root.resolve(key);
    }
}
