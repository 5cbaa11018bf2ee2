package io.openekyc.server.dialects.finos;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** FinOS request ids, transaction ids and response bodies. */
public final class FinosResponses {

    public static final String API_KEY_HEADER = "X-FinOS-Api-Key";
    public static final String REQUEST_ID = FinosResponses.class.getName() + ".requestId";
    private static final Pattern SAFE_TRANSACTION = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private FinosResponses() {
    }

    /** Paths served in the FinOS dialect (their errors use FinOS's body, not spec 000's envelope). */
    public static boolean isFinosPath(String path) {
        return path.startsWith("/ekyc/face/") || path.startsWith("/ekyc/ocr/")
                || path.startsWith("/ekyc/recognition/") || path.startsWith("/ekyc/transaction/");
    }

    /** FinOS-style request id ("millis-uuid"), one per request. */
    public static String requestId(HttpServletRequest request) {
        Object existing = request.getAttribute(REQUEST_ID);
        if (existing instanceof String id) {
            return id;
        }
        String id = System.currentTimeMillis() + "-" + UUID.randomUUID();
        request.setAttribute(REQUEST_ID, id);
        return id;
    }

    /** The client's transactionId header, when it is present and sane. */
    public static String transactionId(HttpServletRequest request) {
        String value = request.getHeader("transactionId");
        return value != null && SAFE_TRANSACTION.matcher(value).matches() ? value : null;
    }

    public static ResponseEntity<Map<String, Object>> success(HttpServletRequest request, Object result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", requestId(request));
        body.put("result", result);
        body.put("status", "success");
        body.put("statusCode", "200");
        String transaction = transactionId(request);
        if (transaction != null) {
            body.put("transactionId", transaction);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    public static ResponseEntity<Map<String, Object>> failure(HttpServletRequest request, int status, String error) {
        return failure(request, status, error, null);
    }

    public static ResponseEntity<Map<String, Object>> failure(HttpServletRequest request, int status, String error,
                                                              Object result) {
        Map<String, Object> body = new LinkedHashMap<>();
        // As in the spec, a request refused for its API key carries an empty requestId.
        body.put("requestId", status == 401 ? "" : requestId(request));
        body.put("status", "failure");
        body.put("statusCode", String.valueOf(status));
        if (result != null) {
            body.put("result", result);
        }
        body.put("error", error);
        String transaction = transactionId(request);
        if (transaction != null) {
            body.put("transactionId", transaction);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
