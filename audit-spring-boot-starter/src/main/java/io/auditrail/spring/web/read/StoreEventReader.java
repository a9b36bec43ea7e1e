package io.auditrail.spring.web.read;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.store.AuditPage;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.core.store.AuditStore;
import io.auditrail.core.store.ExportFormat;
import io.auditrail.core.store.Usage;
import java.io.OutputStream;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Reads the application's own store. */
final class StoreEventReader implements AuditEventReader {

    private final AuditStore store;

    StoreEventReader(AuditStore store) {
        this.store = store;
    }

    @Override
    public AuditPage query(AuditQuery query) {
        return store.query(query);
    }

    @Override
    public Optional<AuditEvent> findById(@Nullable String organizationId, UUID id) {
        return store.findById(organizationId, id);
    }

    @Override
    public long export(AuditQuery query, ExportFormat format, OutputStream out) {
        return store.export(query, format, out);
    }

    @Override
    public Usage usage(@Nullable String organizationId) {
        return store.usage(organizationId);
    }
}
