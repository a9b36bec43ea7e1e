package io.auditrail.sample.apikey;

/**
 * An API key of an organisation; only a hash of its secret is stored.
 *
 * @param id key id
 * @param organizationId its organisation
 * @param name what it is for
 * @param revoked whether it no longer works
 */
public record ApiKey(String id, String organizationId, String name, boolean revoked) {
}
