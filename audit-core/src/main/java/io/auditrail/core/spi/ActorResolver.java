package io.auditrail.core.spi;

import io.auditrail.core.event.Actor;
import java.util.Optional;

/**
 * Finds who is acting on the current thread, for example from the security context.
 * When it returns empty, the configured system actor is recorded; an event never lacks an actor.
 */
@FunctionalInterface
public interface ActorResolver {

    /**
     * The current actor.
     *
     * @return the actor, or empty when nobody is authenticated
     */
    Optional<Actor> currentActor();
}
