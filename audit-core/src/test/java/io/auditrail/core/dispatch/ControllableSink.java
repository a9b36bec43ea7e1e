package io.auditrail.core.dispatch;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.spi.AuditSink;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/** A sink whose failures and speed the test decides. */
final class ControllableSink implements AuditSink {

    final List<List<AuditEvent>> batches = new CopyOnWriteArrayList<>();
    final List<List<UUID>> attempts = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    volatile RuntimeException failure = new IllegalStateException("database down");
    volatile Semaphore gate;
    final CountDownLatch firstCall = new CountDownLatch(1);

    @Override
    public void write(List<AuditEvent> events) {
        attempts.add(events.stream().map(AuditEvent::id).toList());
        firstCall.countDown();
        Semaphore current = gate;
        if (current != null) {
            current.acquireUninterruptibly();
        }
        if (failuresLeft.getAndUpdate(n -> n > 0 ? n - 1 : n) != 0) {
            throw failure;
        }
        batches.add(events);
    }

    List<AuditEvent> delivered() {
        List<AuditEvent> all = new ArrayList<>();
        batches.forEach(all::addAll);
        return all;
    }

    @Override
    public String name() {
        return "test";
    }
}
