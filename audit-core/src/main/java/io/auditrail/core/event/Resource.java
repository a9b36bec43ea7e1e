package io.auditrail.core.event;

import org.jspecify.annotations.Nullable;

/**
 * What the action was done to.
 *
 * @param type resource type, for example {@code "invoice"}; required
 * @param id resource id; required
 * @param name human-readable name, or {@code null}
 */
public record Resource(String type, String id, @Nullable String name) {

    /** Validates presence of type and id; a blank name becomes {@code null}. */
    public Resource {
        Required.text(type, "resource.type");
        Required.text(id, "resource.id");
        name = Required.optionalText(name);
    }

    /**
     * A resource without a display name.
     *
     * @param type resource type
     * @param id resource id
     * @return the resource
     */
    public static Resource of(String type, String id) {
        return new Resource(type, id, null);
    }
}
