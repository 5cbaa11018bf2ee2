package io.openekyc.server.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/** Guards {@code /portal/**}: a valid portal JWT, or spec 000's 401. */
@Component
public class PortalAuthentication implements HandlerInterceptor {

    public static final String TOKEN_TYPE = "portal";

    private final BearerTokens bearer;

    public PortalAuthentication(BearerTokens bearer) {
        this.bearer = bearer;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        var claims = bearer.require(request, TOKEN_TYPE).claims();
        request.setAttribute(PortalPrincipal.ATTRIBUTE, new PortalPrincipal(
                ((Number) claims.getClaim("tenant")).longValue(), Long.parseLong(claims.getSubject()),
                (String) claims.getClaim("user_name")));
        return true;
    }
}
