package io.auditrail.core.http;

import io.auditrail.core.config.SinkType;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.core.spi.AuditSinkProvider;
import io.auditrail.core.spi.SinkContext;
import java.util.Optional;

/** {@code auditrail.sink=http}: the {@link HostedApiSink}, configured under {@code auditrail.http}. */
public final class HttpSinkProvider implements AuditSinkProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public HttpSinkProvider() {
    }

    @Override
    public String name() {
        return SinkType.HTTP;
    }

    @Override
    public Optional<AuditSink> create(SinkContext context) {
        return Optional.of(new HostedApiSink(context.settings().getHttp().toHostedApiSettings(), context.codec()));
    }
}
