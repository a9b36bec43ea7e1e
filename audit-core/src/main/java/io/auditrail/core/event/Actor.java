package io.auditrail.core.event;

import org.jspecify.annotations.Nullable;

/**
 * Who performed the action.
 *
 * @param id stable identifier, such as a username or a JWT {@code sub}; required
 * @param name display name, or {@code null}
 * @param email email address, or {@code null}
 * @param type kind of actor; required
 */
public record Actor(String id, @Nullable String name, @Nullable String email, ActorType type) {

    /** Validates presence of the required fields and turns blank optional fields into {@code null}. */
    public Actor {
        Required.text(id, "actor.id");
        Required.present(type, "actor.type");
        name = Required.optionalText(name);
        email = Required.optionalText(email);
    }

    /**
     * A human user.
     *
     * @param id the user's stable id
     * @param name display name, or {@code null}
     * @param email email, or {@code null}
     * @return the actor
     */
    public static Actor user(String id, @Nullable String name, @Nullable String email) {
        return new Actor(id, name, email, ActorType.USER);
    }

    /**
     * The application itself.
     *
     * @param id for example {@code "system"} or the service name
     * @return the actor
     */
    public static Actor system(String id) {
        return new Actor(id, null, null, ActorType.SYSTEM);
    }

    /**
     * Another service.
     *
     * @param id the service or API key id
     * @param name display name, or {@code null}
     * @return the actor
     */
    public static Actor service(String id, @Nullable String name) {
        return new Actor(id, name, null, ActorType.SERVICE);
    }

    /**
     * An unauthenticated caller.
     *
     * @return the actor with id {@code "anonymous"}
     */
    public static Actor anonymous() {
        return new Actor("anonymous", null, null, ActorType.ANONYMOUS);
    }
}
