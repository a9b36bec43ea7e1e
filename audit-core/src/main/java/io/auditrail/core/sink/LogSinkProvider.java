package io.auditrail.core.sink;

import io.auditrail.core.config.SinkType;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.core.spi.AuditSinkProvider;
import io.auditrail.core.spi.SinkContext;
import java.util.Optional;

/** {@code auditrail.sink=log}: the {@link LogAuditSink}. */
public final class LogSinkProvider implements AuditSinkProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public LogSinkProvider() {
    }

    @Override
    public String name() {
        return SinkType.LOG;
    }

    @Override
    public Optional<AuditSink> create(SinkContext context) {
        return Optional.of(new LogAuditSink(context.codec()));
    }
}
