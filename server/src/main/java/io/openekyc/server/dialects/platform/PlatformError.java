package io.openekyc.server.dialects.platform;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** An error answered in spec 000's envelope with one of its verdicts. */
public class PlatformError extends RuntimeException {

    private final HttpStatus status;
    private final String verdict;
    private final Map<String, Object> data;

    public PlatformError(HttpStatus status, String verdict, String message, Map<String, Object> data) {
        super(message);
        this.status = status;
        this.verdict = verdict;
        this.data = data == null ? Map.of() : data;
    }

    public PlatformError(HttpStatus status, String verdict, String message) {
        this(status, verdict, message, Map.of());
    }

    public static PlatformError invalidParameters(String message, List<String> parameters) {
        return new PlatformError(HttpStatus.BAD_REQUEST, "invalid_parameters", message,
                Map.of("invalid_parameters", parameters));
    }

    public static PlatformError invalidParameters(String message, Map<String, String> formats) {
        return new PlatformError(HttpStatus.BAD_REQUEST, "invalid_parameters", message,
                Envelope.object("invalid_parameters", List.copyOf(formats.keySet()), "parameter_formats", formats));
    }

    public static PlatformError notFound(String message) {
        return new PlatformError(HttpStatus.NOT_FOUND, "record_not_found", message);
    }

    public static PlatformError missingAuthorization(String message) {
        return new PlatformError(HttpStatus.UNAUTHORIZED, "missing_authorization", message);
    }

    public static PlatformError limitExceeded(String message) {
        return new PlatformError(HttpStatus.TOO_MANY_REQUESTS, "limit_exceeded", message);
    }

    public HttpStatus status() {
        return status;
    }

    public String verdict() {
        return verdict;
    }

    public Map<String, Object> data() {
        return data;
    }
}
