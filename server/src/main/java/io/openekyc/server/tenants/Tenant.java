package io.openekyc.server.tenants;

/** A lender or fintech using OpenEKYC; everything it owns is invisible to every other tenant. */
public record Tenant(long id, String code, FlowSettings settings, boolean active) {
}
