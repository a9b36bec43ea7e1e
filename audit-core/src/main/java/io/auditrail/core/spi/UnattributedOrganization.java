package io.auditrail.core.spi;

import org.jspecify.annotations.Nullable;

/**
 * The reserved organisation of security events that belong to no tenant, such as a failed
 * login for a username nobody has. Such events get their own chain and checkpoints, never a
 * {@code null} one; instance operators read them in the store (for example
 * {@code organization_id = '_unattributed'}), while tenant read scopes can never be this id:
 * the read endpoints refuse a caller who resolves to it, and the default organisation must
 * not be it.
 */
public final class UnattributedOrganization {

    /** The reserved id; the leading underscore keeps it out of typical tenant slugs and UUIDs. */
    public static final String ID = "_unattributed";

    private UnattributedOrganization() {
    }

    /**
     * Whether an organisation id is the reserved one.
     *
     * @param organizationId an id, possibly {@code null}
     * @return {@code true} for {@link #ID}
     */
    public static boolean is(@Nullable String organizationId) {
        return ID.equals(organizationId);
    }
}
