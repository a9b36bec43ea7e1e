package io.auditrail.micronaut.app;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.spi.AuditSink;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sink outside the database, as log, http and kafka are, that keeps what it receives. */
@Singleton
@Requires(property = "test.recording-sink", value = "true")
public class RecordingSink implements AuditSink {

    private final List<AuditEvent> received = new CopyOnWriteArrayList<>();

    @Override
    public void write(List<AuditEvent> events) {
        received.addAll(events);
    }

    @Override
    public String name() {
        return "recording";
    }

    public List<AuditEvent> received() {
        return received;
    }
}
