package io.auditrail.server.tenant;

/**
 * A freshly issued key: the only time its secret exists outside the caller's hands.
 *
 * @param info what the server keeps about the key
 * @param plan the organisation's plan
 * @param secret the raw key, {@code al_...}; shown once, stored only as a SHA-256 hash
 */
public record IssuedKey(ApiKeyInfo info, Plan plan, String secret) {

    /** Keeps the secret out of logs. */
    @Override
    public String toString() {
        return "IssuedKey[info=" + info + ", plan=" + plan.name() + ", secret=****]";
    }
}
