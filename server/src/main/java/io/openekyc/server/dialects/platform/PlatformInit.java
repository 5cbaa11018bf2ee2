package io.openekyc.server.dialects.platform;

import io.openekyc.server.OpenEkycProperties;
import io.openekyc.server.applications.Application;
import io.openekyc.server.applications.Applications;
import io.openekyc.server.auth.JwtService;
import io.openekyc.server.crypto.UserToken;
import io.openekyc.server.tenants.AesKey;
import io.openekyc.server.tenants.FlowSettings;
import io.openekyc.server.tenants.Tenant;
import io.openekyc.server.tenants.Tenants;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /ekyc/platform/init} of spec 000: decrypts the client's user token, creates or finds
 * the user's open application, and returns its unique token, an application-scoped access token
 * and the bootstrap configuration.
 */
@RestController
public class PlatformInit {

    /** JWT type of the application-scoped access token used by verify_id / verify_selfie. */
    public static final String APPLICATION_TOKEN = "application";

    private final Tenants tenants;
    private final Applications applications;
    private final JwtService jwt;
    private final OpenEkycProperties properties;

    public PlatformInit(Tenants tenants, Applications applications, JwtService jwt, OpenEkycProperties properties) {
        this.tenants = tenants;
        this.applications = applications;
        this.jwt = jwt;
        this.properties = properties;
    }

    @GetMapping("/ekyc/platform/init")
    public Envelope init(@RequestParam(name = "encrypted_token", required = false) String encryptedToken,
                         @RequestParam(name = "flow_id", required = false) String flowId,
                         @RequestParam(name = "card_types", required = false) String cardTypes,
                         @RequestParam(name = "lang", required = false) String lang) {
        TokenHolder holder = TokenHolder.resolve(encryptedToken, tenants);
        Tenant tenant = tenants.byId(holder.key().tenantId());
        FlowSettings settings = tenant.settings();
        List<String> allowed = requestedCardTypes(cardTypes, settings.allowedCardTypes());
        if (flowId != null && !flowId.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw PlatformError.invalidParameters("flow_id has an invalid format", List.of("flow_id"));
        }
        if (lang != null && !FlowSettings.LANGUAGES.contains(lang)) {
            throw PlatformError.invalidParameters("lang must be one of " + FlowSettings.LANGUAGES, List.of("lang"));
        }
        String language = lang != null ? lang : settings.language();
        Applications.Opened opened;
        try {
            opened = applications.openFor(tenant.id(), holder.userId(),
                    new Applications.Start(flowId, language, allowed, settings.requiredSteps()), holder.actor());
        } catch (Applications.Busy busy) {
            throw PlatformError.limitExceeded("concurrent init request in progress, retry shortly");
        }
        Application application = opened.application();
        String accessToken = jwt.issue(application.uniqueToken().toString(), APPLICATION_TOKEN,
                properties.tokens().applicationTtl(),
                Map.of("tenant", tenant.id(), "application", application.id()));
        Map<String, Object> bootstrap = Envelope.object(
                "lender_code", tenant.code(),
                "lender_country", settings.country(),
                "lender_language", application.lang(),
                "required_steps", application.requiredSteps(),
                "completed_steps", application.completedSteps(),
                "flow_selected_at", application.createdAt().getEpochSecond(),
                "client_custom_settings", Envelope.object(
                        "allow_card_types", application.cardTypes(),
                        "redirect_url", settings.redirectUrl() == null ? "" : settings.redirectUrl()));
        return Envelope.success(Envelope.object(
                "token", application.uniqueToken().toString(),
                "access_token", accessToken,
                "bootstrap", bootstrap), "platform init successfully");
    }

    private static List<String> requestedCardTypes(String cardTypes, List<String> tenantAllowed) {
        if (cardTypes == null || cardTypes.isBlank()) {
            return tenantAllowed;
        }
        List<String> requested = new ArrayList<>();
        for (String type : Arrays.asList(cardTypes.split(","))) {
            if (!type.isBlank()) {
                requested.add(type.trim());
            }
        }
        List<String> outside = requested.stream().filter(type -> !tenantAllowed.contains(type)).toList();
        if (requested.isEmpty() || !outside.isEmpty()) {
            throw PlatformError.invalidParameters("card_types not allowed for this lender: " + outside
                    + "; allowed: " + tenantAllowed, List.of("card_types"));
        }
        return requested.stream().distinct().toList();
    }

    /** The decrypted user token: which key (hence tenant) and which user. */
    record TokenHolder(AesKey key, String userId) {

        static final int MAX_USER_ID = 256;

        String actor() {
            return "user_token:" + key.keyId();
        }

        static TokenHolder resolve(String encryptedToken, Tenants tenants) {
            if (encryptedToken == null || encryptedToken.isBlank()) {
                throw PlatformError.invalidParameters("encrypted_token is missing", List.of("encrypted_token"));
            }
            UserToken.Parts parts;
            try {
                parts = UserToken.parse(encryptedToken);
            } catch (IllegalArgumentException e) {
                throw PlatformError.invalidParameters("encrypted_token has an invalid format", List.of("encrypted_token"));
            }
            AesKey key = tenants.aesKey(parts.keyId()).filter(AesKey::active)
                    .orElseThrow(() -> PlatformError.notFound("encryption key not found or inactive"));
            String userId;
            try {
                userId = UserToken.decrypt(parts, key.key(), key.iv());
            } catch (IllegalArgumentException e) {
                throw PlatformError.invalidParameters("encrypted_token cannot be decrypted", List.of("encrypted_token"));
            }
            if (userId.length() > MAX_USER_ID) {
                throw PlatformError.invalidParameters("the user id in encrypted_token is longer than "
                        + MAX_USER_ID + " characters", List.of("encrypted_token"));
            }
            return new TokenHolder(key, userId);
        }
    }
}
