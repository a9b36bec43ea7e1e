package io.auditrail.core.event;

import java.util.Locale;

/** Kind of party that performed an audited action. */
public enum ActorType {
    /** A human user, authenticated. */
    USER,
    /** Another service or an API key acting on its own behalf. */
    SERVICE,
    /** The application itself: scheduled jobs, start-up tasks, calls with no authentication. */
    SYSTEM,
    /** A caller that is explicitly unauthenticated, such as an anonymous web visitor. */
    ANONYMOUS;

    /**
     * Lower-case wire name, as in JSON and SQL.
     *
     * @return for example {@code "user"}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire name.
     *
     * @param wireName a name such as {@code "user"}, case-insensitive
     * @return the type
     * @throws InvalidAuditEventException when the name is not one of the four types
     */
    public static ActorType fromWireName(String wireName) {
        for (ActorType type : values()) {
            if (type.name().equalsIgnoreCase(wireName)) {
                return type;
            }
        }
        throw new InvalidAuditEventException(
                "actor.type must be one of user, service, system, anonymous but was '" + wireName + "'");
    }
}
