package io.auditrail.micronaut.web;

/**
 * What one caller may read: never more than one organisation, and within it either every
 * event (an organisation admin) or only the events the caller performed (a member).
 *
 * @param organizationId the caller's organisation; every read is confined to it
 * @param actorId the caller's actor id, as recorded in the events they performed
 * @param admin whether the caller reads the whole organisation rather than only their own events
 */
public record AuditReadScope(String organizationId, String actorId, boolean admin) {

    /** Checks that the organisation and the actor are named. */
    public AuditReadScope {
        if (organizationId == null || organizationId.isBlank()) {
            throw new IllegalArgumentException("organizationId is required");
        }
        if (actorId == null || actorId.isBlank()) {
            throw new IllegalArgumentException("actorId is required");
        }
    }
}
