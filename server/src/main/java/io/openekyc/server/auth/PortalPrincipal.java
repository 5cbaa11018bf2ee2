package io.openekyc.server.auth;

/** The portal user behind a request, resolved from its Bearer JWT. */
public record PortalPrincipal(long tenantId, long userId, String userName) {

    public static final String ATTRIBUTE = "io.openekyc.server.auth.PortalPrincipal";

    /** How the audit trail names this actor (no PII: portal users are staff accounts). */
    public String actor() {
        return "portal_user:" + userId;
    }
}
