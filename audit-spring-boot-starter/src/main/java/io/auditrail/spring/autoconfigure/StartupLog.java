package io.auditrail.spring.autoconfigure;

import io.auditrail.core.config.StartupSummary;
import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.dispatch.AuditSinkDispatchers;
import io.auditrail.core.internal.chain.LogKeys;
import io.auditrail.core.tlog.NoteSigner;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/** Logs core's {@link StartupSummary} once every singleton exists. */
final class StartupLog implements SmartInitializingSingleton {

    private static final String JDBC_STORE = "io.auditrail.jdbc.JdbcAuditStore";

    private final ListableBeanFactory beanFactory;
    private final AuditrailProperties properties;
    private final Environment environment;

    StartupLog(ListableBeanFactory beanFactory, AuditrailProperties properties, Environment environment) {
        this.beanFactory = beanFactory;
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        summary().log();
    }

    StartupSummary summary() {
        AuditDispatcher dispatcher = beanFactory.getBeanProvider(AuditDispatcher.class).getIfUnique();
        List<AuditSinkDispatchers.SinkDispatch> sinks = dispatcher instanceof AuditSinkDispatchers fanOut
                ? fanOut.sinks() : List.of();
        boolean jdbc = sinks.stream().anyMatch(sink -> sink.name().equals("jdbc"));
        boolean chain = environment.getProperty("auditrail.chain.enabled", Boolean.class, false);
        return new StartupSummary(sinks, jdbc ? properties.getJdbc().getTableName() : null,
                properties.getFailurePolicy(), chain && jdbc ? transparencyLog() : null, logSinkReason(sinks));
    }

    /** The log as its keys configure it; they were checked when the log was built. */
    private StartupSummary.@Nullable TransparencyLog transparencyLog() {
        AuditrailChainProperties settings = beanFactory.getBeanProvider(AuditrailChainProperties.class).getIfAvailable();
        if (settings == null) {
            return null;
        }
        LogKeys keys = LogKeys.of(settings);
        NoteSigner signer = keys.signer();
        return new StartupSummary.TransparencyLog(keys.originPrefix(),
                signer == null ? null : signer.keyName() + "+" + HexFormat.of().toHexDigits(signer.keyId()));
    }

    /** The log sink stands in for the JDBC store only when no sink was configured. */
    private StartupSummary.LogSinkReason logSinkReason(List<AuditSinkDispatchers.SinkDispatch> sinks) {
        boolean onlyLog = sinks.size() == 1 && sinks.get(0).name().equals("log");
        if (!onlyLog || !properties.getSink().isEmpty()) {
            return null;
        }
        if (!ClassUtils.isPresent(JDBC_STORE, getClass().getClassLoader())) {
            return StartupSummary.LogSinkReason.NO_JDBC_STORE;
        }
        if (beanFactory.getBeanNamesForType(DataSource.class).length == 0) {
            return StartupSummary.LogSinkReason.NO_DATA_SOURCE;
        }
        return beanFactory.getBeanProvider(DataSource.class).getIfUnique() == null
                ? StartupSummary.LogSinkReason.NO_SINGLE_DATA_SOURCE : null;
    }
}
