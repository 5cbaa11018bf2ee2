package io.openekyc.server.dialects.finos;

/** An error answered in FinOS's shape: {@code {"requestId","status":"failure","statusCode","error","transactionId"}}. */
public class FinosError extends RuntimeException {

    public static final String INVALID_IMAGE = "Invalid image file uploaded";
    public static final String TOO_LARGE = "The request is larger than the server is willing or able to process";
    public static final String BAD_API_KEY = "API Key is not valid or is expired / revoked.";
    public static final String WRONG_COMBINATION = "Missing / Wrong combination of parameters. Valid Parameter "
            + "combinations - (image1, image2, type) or (selfie, id) or (selfie, idFaceString)";

    private final int status;
    private final Object result;

    public FinosError(int status, String message) {
        this(status, message, null);
    }

    /** An error whose body also carries a {@code result} (e.g. 422's summary with the check codes). */
    public FinosError(int status, String message, Object result) {
        super(message);
        this.status = status;
        this.result = result;
    }

    public Object result() {
        return result;
    }

    public int status() {
        return status;
    }
}
