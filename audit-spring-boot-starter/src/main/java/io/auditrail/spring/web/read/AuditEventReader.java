package io.auditrail.spring.web.read;

import io.auditrail.core.store.AuditReader;
import io.auditrail.core.store.AuditStore;

/**
 * Where the read endpoints read events: the application's own {@link AuditStore}
 * ({@link #of(AuditStore)}), or the hosted audit-log API when events go there
 * ({@link HostedEventReader}). The endpoints decide scope (organisation, member or admin) before
 * calling; a reader only reads what the query names.
 */
public interface AuditEventReader extends AuditReader {

    /**
     * Reads the store directly.
     *
     * @param store the application's store
     * @return a reader that delegates every call
     */
    static AuditEventReader of(AuditStore store) {
        return new StoreEventReader(store);
    }
}
