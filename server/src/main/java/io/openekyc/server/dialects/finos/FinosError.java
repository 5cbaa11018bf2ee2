package io.openekyc.server.dialects.finos;

/** An error answered in FinOS's shape: {@code {"requestId","status":"failure","statusCode","error","transactionId"}}. */
public class FinosError extends RuntimeException {

    public static final String INVALID_IMAGE = "Invalid image file uploaded";
    public static final String TOO_LARGE = "The request is larger than the server is willing or able to process";
    public static final String BAD_API_KEY = "API Key is not valid or is expired / revoked.";
    public static final String WRONG_COMBINATION = "Missing / Wrong combination of parameters. Valid Parameter "
            + "combinations - (image1, image2, type) or (selfie, id) or (selfie, idFaceString)";

    private final int status;

    public FinosError(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
