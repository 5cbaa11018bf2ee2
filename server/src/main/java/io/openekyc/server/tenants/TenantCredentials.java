package io.openekyc.server.tenants;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A new tenant's secrets, shown once (printed by the CLI, written to demo-tenant.json). */
public record TenantCredentials(
        @JsonProperty("client_code") String clientCode,
        @JsonProperty("key_id") String keyId,
        @JsonProperty("aes_key") String aesKey,
        @JsonProperty("aes_iv") String aesIv,
        @JsonProperty("api_key") String apiKey,
        @JsonProperty("portal_user") String portalUser,
        @JsonProperty("portal_password") String portalPassword) {
}
