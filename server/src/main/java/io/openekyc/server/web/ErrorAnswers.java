package io.openekyc.server.web;

import io.openekyc.server.dialects.finos.FinosError;
import io.openekyc.server.dialects.finos.FinosResponses;
import io.openekyc.server.dialects.platform.Envelope;
import jakarta.servlet.http.HttpServletRequest;
import io.openekyc.server.dialects.platform.PlatformError;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into spec 000's envelope (our native dialect). Other dialects register
 * their own advice for their packages. No stack trace ever reaches a client: an unexpected
 * error is logged with an Error ID, and only the id is returned.
 */
@RestControllerAdvice
public class ErrorAnswers {

    private static final Logger log = LoggerFactory.getLogger(ErrorAnswers.class);

    @ExceptionHandler(PlatformError.class)
    public ResponseEntity<Envelope> platformError(PlatformError error) {
        return answer(error.status(), Envelope.error(error.verdict(), error.getMessage(), error.data()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<?> wrongMethod(HttpServletRequest request) {
        return answer(request, HttpStatus.METHOD_NOT_ALLOWED,
                Envelope.error("invalid_method", "method is not correct for the requested route", null),
                "Method not allowed");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    public ResponseEntity<?> unknownRoute(HttpServletRequest request) {
        return answer(request, HttpStatus.NOT_FOUND, Envelope.error("not_found", "route not found", null), "Not found");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<Envelope> missingParameter(MissingServletRequestParameterException e) {
        return invalid("parameter " + e.getParameterName() + " is required", e.getParameterName());
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    public ResponseEntity<Envelope> missingPart(MissingServletRequestPartException e) {
        return invalid("part " + e.getRequestPartName() + " is required", e.getRequestPartName());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<Envelope> wrongType(MethodArgumentTypeMismatchException e) {
        return invalid("parameter " + e.getName() + " has an invalid format", e.getName());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<Envelope> unreadableBody() {
        return answer(HttpStatus.BAD_REQUEST, Envelope.error("invalid_parameters", "request body is not valid JSON", null));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<Envelope> wrongContentType(HttpMediaTypeNotSupportedException e) {
        return answer(HttpStatus.BAD_REQUEST, Envelope.error("invalid_parameters",
                "content type " + e.getContentType() + " is not supported here", null));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ResponseEntity<?> tooLarge(HttpServletRequest request) {
        return answer(request, HttpStatus.PAYLOAD_TOO_LARGE, Envelope.error("invalid_parameters",
                "file is larger than the server accepts", null), FinosError.TOO_LARGE);
    }

    @ExceptionHandler(MultipartException.class)
    public ResponseEntity<?> badMultipart(HttpServletRequest request) {
        return answer(request, HttpStatus.BAD_REQUEST, Envelope.error("invalid_parameters",
                "request is not a valid multipart/form-data body", null), FinosError.INVALID_IMAGE);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<?> unexpected(Exception e, HttpServletRequest request) {
        String errorId = UUID.randomUUID().toString().replace("-", "");
        log.error("Unexpected error. Error ID: {}", errorId, e);
        return answer(request, HttpStatus.INTERNAL_SERVER_ERROR,
                Envelope.error("failure", "Unexpected error. Error ID: " + errorId, null),
                "Internal Server Error. Error ID: " + errorId);
    }

    private static ResponseEntity<Envelope> invalid(String message, String parameter) {
        return answer(HttpStatus.BAD_REQUEST, Envelope.error("invalid_parameters", message,
                java.util.Map.of("invalid_parameters", List.of(parameter))));
    }

    private static ResponseEntity<Envelope> answer(HttpStatus status, Envelope body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** The failure in FinOS's body on a FinOS path, in spec 000's envelope everywhere else. */
    private static ResponseEntity<?> answer(HttpServletRequest request, HttpStatus status, Envelope envelope,
                                            String finosMessage) {
        if (request != null && FinosResponses.isFinosPath(request.getRequestURI())) {
            return FinosResponses.failure(request, status.value(), finosMessage);
        }
        return answer(status, envelope);
    }
}
