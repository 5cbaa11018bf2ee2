package io.openekyc.server.images;

import java.util.Optional;

/** Where encrypted image bytes live (filesystem today; a database or S3 store can replace it). */
public interface BlobStore {

    /** Stores bytes under a key; writing the same key again replaces them atomically. */
    void put(String key, byte[] bytes);

    Optional<byte[]> get(String key);

    boolean exists(String key);
}
