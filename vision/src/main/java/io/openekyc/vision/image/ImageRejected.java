package io.openekyc.vision.image;

/** The bytes are not an image we accept; the message is safe to show to a client. */
public class ImageRejected extends Exception {

    public ImageRejected(String message) {
        super(message);
    }

    public ImageRejected(String message, Throwable cause) {
        super(message, cause);
    }
}
