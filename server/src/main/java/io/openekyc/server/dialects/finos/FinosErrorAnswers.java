package io.openekyc.server.dialects.finos;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors raised by FinOS controllers, in FinOS's body. Framework errors on FinOS paths: see ErrorAnswers. */
@RestControllerAdvice(basePackageClasses = FinosErrorAnswers.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class FinosErrorAnswers {

    @ExceptionHandler(FinosError.class)
    public ResponseEntity<Map<String, Object>> finosError(FinosError error, HttpServletRequest request) {
        return FinosResponses.failure(request, error.status(), error.getMessage(), error.result());
    }
}
