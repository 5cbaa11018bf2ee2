package io.openekyc.server.images;

import java.util.UUID;

/** An image as stored: its id, real format and size. */
public record StoredImage(UUID id, long tenantId, String mediaType, int width, int height, long sizeBytes,
                          String blobKey) {
}
