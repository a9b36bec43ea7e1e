package io.auditrail.core.config;

import io.auditrail.core.capture.AuditFailurePolicy;
import io.auditrail.core.dispatch.AuditSinkDispatchers;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one INFO line that tells a user auditing is on and where events go: the sinks with
 * their dispatch, the JDBC table, the failure policy, the transparency log, and why events go to the
 * log when the JDBC store was expected but could not be set up. Written by each framework
 * module once its pipeline is built, with the text made here.
 *
 * @param sinks the sinks and how each is reached; empty when the application replaced the dispatcher
 * @param table the JDBC store's table, or {@code null} without the JDBC store
 * @param policy what a failure to record does to the business call
 * @param transparencyLog the log events are sealed into, or {@code null} when it is off
 * @param logSinkReason why the log sink stands in for the JDBC store, or {@code null}
 */
public record StartupSummary(List<AuditSinkDispatchers.SinkDispatch> sinks, String table, AuditFailurePolicy policy,
        @Nullable TransparencyLog transparencyLog, @Nullable LogSinkReason logSinkReason) {

    /** The logger of the line, so that it can be kept at INFO while the rest of io.auditrail is quieter. */
    public static final String LOGGER = "io.auditrail.startup";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    /**
     * What the transparency log is, as far as an operator checking the start-up needs it.
     *
     * @param originPrefix the prefix of every tree's origin line
     * @param signingKey the signing key as name and hex key id ({@code name+0a1b2c3d}), or
     *     {@code null} when checkpoints are unsigned
     */
    public record TransparencyLog(String originPrefix, @Nullable String signingKey) {
    }

    /** Why the log sink was chosen when nothing was configured. */
    public enum LogSinkReason {
        /** The JDBC store's module is missing. */
        NO_JDBC_STORE("audit-jdbc-store is not on the class path"),
        /** There is no DataSource to store events in. */
        NO_DATA_SOURCE("no DataSource was found"),
        /** Several DataSources and none primary: the store will not guess. */
        NO_SINGLE_DATA_SOURCE("there are several DataSources and none is primary");

        private final String text;

        LogSinkReason(String text) {
            this.text = text;
        }

        /**
         * The reason in words.
         *
         * @return the text
         */
        public String text() {
            return text;
        }
    }

    /** Copies the sinks. */
    public StartupSummary {
        sinks = List.copyOf(sinks);
    }

    /**
     * The line, for example {@code Auditrail is on: sink jdbc (transactional (in transaction)),
     * table audit_events, failure policy fail-open, transparency log off}.
     *
     * @return the text
     */
    public String text() {
        String sinkText = sinks.isEmpty() ? "sink: the application's own AuditDispatcher"
                : (sinks.size() == 1 ? "sink " : "sinks ") + sinks.stream()
                        .map(sink -> sink.name() + " (" + sink.mode() + ")").collect(Collectors.joining(", "));
        StringBuilder line = new StringBuilder("Auditrail is on: ").append(sinkText);
        if (logSinkReason != null) {
            line.append(", because ").append(logSinkReason.text())
                    .append(" (events are only logged; add a DataSource and audit-jdbc-store, or set auditrail.sink)");
        }
        if (table != null) {
            line.append(", table ").append(table);
        }
        return line.append(", failure policy ").append(policy.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .append(", transparency log ").append(describe(transparencyLog)).toString();
    }

    private static String describe(@Nullable TransparencyLog log) {
        if (log == null) {
            return "off";
        }
        return "on (origin prefix " + log.originPrefix() + ", "
                + (log.signingKey() == null ? "checkpoints unsigned)" : "signed by key " + log.signingKey() + ")");
    }

    /** Logs {@link #text()} at INFO on the {@value #LOGGER} logger. */
    public void log() {
        log.info(text());
    }
}
