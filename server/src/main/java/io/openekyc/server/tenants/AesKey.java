package io.openekyc.server.tenants;

/** One of a tenant's AES key pairs for the encrypted user token. */
public record AesKey(long tenantId, String keyId, byte[] key, byte[] iv, boolean active) {
}
