package io.auditrail.core.internal.query;

/**
 * What one caller of the read endpoints may read: one organisation, and within it every event
 * (an organisation admin) or only the events the caller performed (a member). Each framework
 * module has its own public scope type and hands this one to {@link AuditReads}.
 *
 * @param organizationId the caller's organisation; every read is confined to it
 * @param actorId the caller's actor id, as recorded in the events they performed
 * @param admin whether the caller reads the whole organisation rather than only their own events
 */
public record ReadScope(String organizationId, String actorId, boolean admin) {
}
