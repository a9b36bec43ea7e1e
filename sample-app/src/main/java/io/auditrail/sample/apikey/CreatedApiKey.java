package io.auditrail.sample.apikey;

/**
 * A new API key with its secret, shown once to the admin who created it and never recorded
 * in the audit trail.
 *
 * @param key the key
 * @param secret the secret to hand to the client
 */
public record CreatedApiKey(ApiKey key, String secret) {
}
