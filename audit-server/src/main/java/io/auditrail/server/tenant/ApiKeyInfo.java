package io.auditrail.server.tenant;

import java.time.Instant;

/**
 * What is kept about an API key: never the key itself, only its hash (not exposed here) and a prefix to recognise it by.
 *
 * @param id key id, for example {@code key_3f9a0c1d2b4e5f60}, used to revoke it
 * @param organizationId the one organisation the key may read and write
 * @param prefix the key's first characters, for example {@code al_Xk3p9Q}
 * @param name a label chosen by the administrator, or {@code null}
 * @param createdAt when the key was issued
 * @param revokedAt when it was revoked, or {@code null} while it works
 */
public record ApiKeyInfo(String id, String organizationId, String prefix, String name, Instant createdAt,
        Instant revokedAt) {
}
