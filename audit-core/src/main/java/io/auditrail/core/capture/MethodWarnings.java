package io.auditrail.core.capture;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Logs capture trouble at WARN at most once per interval for each audited method, and at
 * DEBUG in between: a method that fails on every call must not flood the log, and one
 * method's trouble must not silence another's (a WARN once per JVM hid every later method).
 */
final class MethodWarnings {

    static final long DEFAULT_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Logger log;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    /** One entry per audited method that ever had trouble, so bounded by the application's code. */
    private final Map<String, AtomicLong> nextWarning = new ConcurrentHashMap<>();

    MethodWarnings(Logger log) {
        this(log, DEFAULT_INTERVAL_NANOS, System::nanoTime);
    }

    MethodWarnings(Logger log, long intervalNanos, LongSupplier nanoTime) {
        this.log = log;
        this.intervalNanos = intervalNanos;
        this.nanoTime = nanoTime;
    }

    void warn(String method, String message, Throwable cause) {
        warn(method, () -> message, cause);
    }

    /** As {@link #warn(String, String, Throwable)}, building the message only when it is logged. */
    void warn(String method, Supplier<String> message, Throwable cause) {
        long now = nanoTime.getAsLong();
        AtomicLong next = nextWarning.computeIfAbsent(method, key -> new AtomicLong(now));
        long due = next.get();
        if (now - due >= 0 && next.compareAndSet(due, now + intervalNanos)) {
            log.warn("{} (more of this method's audit problems are logged at DEBUG for {} s)", message.get(),
                    TimeUnit.NANOSECONDS.toSeconds(intervalNanos), cause);
        } else if (log.isDebugEnabled()) {
            log.debug(message.get(), cause);
        }
    }
}
