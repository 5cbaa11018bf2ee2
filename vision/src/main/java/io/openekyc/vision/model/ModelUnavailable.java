package io.openekyc.vision.model;

/** A model file is missing or damaged; the message names the command that installs it. */
public class ModelUnavailable extends RuntimeException {

    public ModelUnavailable(String message) {
        super(message);
    }

    public ModelUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
