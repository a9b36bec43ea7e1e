package io.auditrail.core.capture;

import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.event.AuditEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

final class RecordingDispatcher implements AuditDispatcher {

    final List<AuditEvent> events = new CopyOnWriteArrayList<>();
    volatile RuntimeException failure;

    @Override
    public void dispatch(AuditEvent event) {
        if (failure != null) {
            throw failure;
        }
        events.add(event);
    }
}
