package io.openekyc.server.auth;

import io.openekyc.server.tenants.Tenant;
import io.openekyc.server.tenants.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * API-key authentication for the dialects that use it (FinOS {@code X-FinOS-Api-Key}, FPT
 * {@code api-key}, ...): each dialect names its header and answers a refusal in its own format.
 * Keys are stored as SHA-256 digests; the tenant must be active.
 */
@Component
public class ApiKeyAuthentication {

    private final Tenants tenants;

    public ApiKeyAuthentication(Tenants tenants) {
        this.tenants = tenants;
    }

    /** The tenant whose active key the request carries in {@code header}, if any. */
    public Optional<Tenant> tenantOf(HttpServletRequest request, String header) {
        return tenants.byApiKey(request.getHeader(header));
    }
}
