package io.auditrail.micronaut;

import io.auditrail.core.config.StartupSummary;
import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.dispatch.AuditSinkDispatchers;
import io.auditrail.core.internal.chain.LogKeys;
import io.auditrail.core.tlog.NoteSigner;
import io.auditrail.micronaut.chain.ChainConfiguration;
import io.auditrail.micronaut.config.AuditrailConfiguration;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.reflect.ClassUtils;
import jakarta.inject.Singleton;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;

/** Logs core's {@link StartupSummary} when the context has started. */
@Singleton
@Requires(property = "auditrail.enabled", notEquals = "false")
final class StartupLog implements ApplicationEventListener<StartupEvent> {

    private final BeanContext context;
    private final AuditrailConfiguration configuration;

    StartupLog(BeanContext context, AuditrailConfiguration configuration) {
        this.context = context;
        this.configuration = configuration;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        summary().log();
    }

    StartupSummary summary() {
        List<AuditSinkDispatchers.SinkDispatch> sinks = context.findBean(AuditDispatcher.class)
                .filter(AuditSinkDispatchers.class::isInstance).map(AuditSinkDispatchers.class::cast)
                .map(AuditSinkDispatchers::sinks).orElse(List.of());
        boolean jdbc = sinks.stream().anyMatch(sink -> sink.name().equals("jdbc"));
        return new StartupSummary(sinks, jdbc ? configuration.getJdbc().getTableName() : null,
                configuration.getFailurePolicy(), jdbc ? transparencyLog() : null, logSinkReason(sinks));
    }

    /** The log as its keys configure it; they were checked when the log was built. */
    private StartupSummary.TransparencyLog transparencyLog() {
        return context.findBean(ChainConfiguration.class).filter(ChainConfiguration::isEnabled).map(settings -> {
            LogKeys keys = LogKeys.of(settings);
            NoteSigner signer = keys.signer();
            return new StartupSummary.TransparencyLog(keys.originPrefix(),
                    signer == null ? null : signer.keyName() + "+" + HexFormat.of().toHexDigits(signer.keyId()));
        }).orElse(null);
    }

    /** The log sink stands in for the JDBC store only when no sink was configured. */
    private StartupSummary.LogSinkReason logSinkReason(List<AuditSinkDispatchers.SinkDispatch> sinks) {
        List<String> configured = configuration.getSink();
        boolean onlyLog = sinks.size() == 1 && sinks.get(0).name().equals("log");
        if (!onlyLog || !configured.isEmpty()) {
            return null;
        }
        if (!ClassUtils.isPresent("io.auditrail.jdbc.JdbcAuditStore", getClass().getClassLoader())) {
            return StartupSummary.LogSinkReason.NO_JDBC_STORE;
        }
        return context.containsBean(DataSource.class) ? null : StartupSummary.LogSinkReason.NO_DATA_SOURCE;
    }
}
