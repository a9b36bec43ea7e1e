package io.auditrail.server.tenant;

import java.time.Instant;

/**
 * An organisation (tenant) of the server.
 *
 * @param id the organisation id events are stored under
 * @param plan its plan
 * @param createdAt when it was created
 */
public record Organization(String id, Plan plan, Instant createdAt) {
}
