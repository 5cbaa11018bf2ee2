package io.openekyc.server.dialects.platform;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Spec 000's ImageData: an image by {@code id} (uploaded before) or inline {@code base64}, with metadata. */
public record ImageData(@JsonProperty("id") String id, @JsonProperty("base64") String base64,
                        @JsonProperty("label") String label, @JsonProperty("metadata") Object metadata) {
}
