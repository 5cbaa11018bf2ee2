package io.openekyc.server.tenants;

import io.openekyc.server.auth.PortalPrincipal;
import io.openekyc.server.dialects.platform.Envelope;
import io.openekyc.server.dialects.platform.PlatformError;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The tenant's flow settings for its portal users: read, and change with validation and audit. */
@RestController
public class PortalSettings {

    private final Tenants tenants;
    private final JsonMapper json;

    public PortalSettings(Tenants tenants, JsonMapper json) {
        this.tenants = tenants;
        this.json = json;
    }

    @GetMapping("/portal/settings")
    public Envelope read(@RequestAttribute(PortalPrincipal.ATTRIBUTE) PortalPrincipal principal) {
        return Envelope.success(view(principal.tenantId(), tenants.byId(principal.tenantId()).settings()),
                "get settings successfully");
    }

    @PutMapping("/portal/settings")
    public Envelope change(@RequestAttribute(PortalPrincipal.ATTRIBUTE) PortalPrincipal principal,
                           @RequestBody Map<String, Object> changes) {
        if (changes == null || changes.isEmpty()) {
            throw PlatformError.invalidParameters("no settings given", FlowSettings.FORMATS);
        }
        try {
            FlowSettings updated = tenants.changeSettings(principal.tenantId(), changes, principal.actor());
            return Envelope.success(view(principal.tenantId(), updated), "settings updated");
        } catch (FlowSettings.InvalidSettings e) {
            throw PlatformError.invalidParameters("some parameters has invalid format", e.formats());
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> view(long tenantId, FlowSettings settings) {
        Map<String, Object> view = new LinkedHashMap<>(json.convertValue(settings, Map.class));
        view.put("callback_secret_set", tenants.hasCallbackSecret(tenantId));
        return view;
    }
}
