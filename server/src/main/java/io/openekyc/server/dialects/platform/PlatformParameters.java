package io.openekyc.server.dialects.platform;

import io.openekyc.server.applications.Application;
import io.openekyc.server.applications.Applications;
import io.openekyc.server.auth.PortalPrincipal;
import java.util.List;
import java.util.UUID;

/** Parsing of spec 000's common parameters, answering its verdicts on bad input. */
final class PlatformParameters {

    private PlatformParameters() {
    }

    /** The application with this numeric id at the caller's tenant; any other tenant's is "not found". */
    static Application application(Applications applications, PortalPrincipal principal, String applicationId) {
        if (applicationId == null || !applicationId.matches("\\d{1,18}")) {
            throw PlatformError.invalidParameters("application_id must be a number", List.of("application_id"));
        }
        return applications.byId(principal.tenantId(), Long.parseLong(applicationId))
                .orElseThrow(() -> PlatformError.notFound("applications not available"));
    }

    static UUID uuid(String value, String parameter) {
        try {
            if (value != null && value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException ignored) {
            // answered below
        }
        throw PlatformError.invalidParameters(parameter + " must be a UUID", List.of(parameter));
    }
}
