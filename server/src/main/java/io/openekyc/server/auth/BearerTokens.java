package io.openekyc.server.auth;

import io.openekyc.server.dialects.platform.PlatformError;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Reads and verifies the Bearer JWT of a request, answering spec 000's 401 verdicts. */
@Component
public class BearerTokens {

    private final JwtService jwt;

    public BearerTokens(JwtService jwt) {
        this.jwt = jwt;
    }

    public JwtService.Verified require(HttpServletRequest request, String type) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw PlatformError.missingAuthorization("authorization header is missing");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw PlatformError.missingAuthorization("authorization header must be: Bearer <JWT>");
        }
        JwtService.Verified verified = jwt.verify(header.substring(7).trim(), type);
        if (verified.refusal() == JwtService.Refusal.EXPIRED) {
            throw new PlatformError(HttpStatus.UNAUTHORIZED, "expired_token", "Provided token is expired");
        }
        if (!verified.ok()) {
            throw PlatformError.missingAuthorization("authorization token is invalid");
        }
        return verified;
    }
}
