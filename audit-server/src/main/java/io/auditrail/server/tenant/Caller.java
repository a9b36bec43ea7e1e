package io.auditrail.server.tenant;

/**
 * Who is calling the API: resolved from the bearer key on every request.
 *
 * @param organizationId the key's organisation, the only one the caller may read or write
 * @param keyId the key's id
 * @param plan the organisation's plan
 */
public record Caller(String organizationId, String keyId, Plan plan) {
}
