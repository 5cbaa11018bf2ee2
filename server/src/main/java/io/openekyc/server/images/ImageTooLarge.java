package io.openekyc.server.images;

/** The upload is larger than the configured byte limit. */
public class ImageTooLarge extends RuntimeException {

    public ImageTooLarge(long limit) {
        super("file is larger than the limit of " + limit + " bytes");
    }
}
