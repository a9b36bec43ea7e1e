package io.auditrail.benchmarks.caller;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ways the benchmarked methods are called, as the properties of the application each
 * starts. Every variant but {@link #DIRECT} is a Spring Boot application with the Auditrail
 * starter on its classpath; the starter is switched on only where the variant audits with it.
 */
enum CallerVariant {

    /** (a) A plain instance, no Spring. */
    DIRECT(Map.of()),
    /** (b) A Spring proxy whose only interceptor proceeds; no auditing. */
    PROXIED(Map.of("auditrail.enabled", "false", "bench.no-op-proxy", "true")),
    /**
     * (c) {@code @Audited} handed to the async queue of the JDBC sink. Drop, not block, on a
     * full queue: blocking would time the background writer, not the caller; the drops are
     * counted and reported with the figure.
     */
    AUDITED_ASYNC(Map.of("auditrail.sink", "jdbc", "auditrail.dispatch", "async",
            "auditrail.async.overflow-policy", "drop")),
    /** (d) baseline: the {@code @Transactional} method with auditing off. */
    PLAIN(Map.of("auditrail.enabled", "false")),
    /**
     * (d) limit: the same method inserting the audit row by hand in its own transaction
     * ({@link HandWrittenAuditRow}), Auditrail off: the least one more row can cost.
     */
    HAND_WRITTEN_INSERT(Map.of("auditrail.enabled", "false", "bench.hand-written-audit", "true")),
    /** (d) {@code @Audited} writing its row in the caller's transaction (the JDBC sink's default). */
    AUDITED_TRANSACTIONAL(Map.of("auditrail.sink", "jdbc", "auditrail.dispatch", "transactional")),
    /** (e) JaVers' {@code @JaversAuditable} on the same method and database, Auditrail off. */
    JAVERS(Map.of("auditrail.enabled", "false", "bench.javers", "true"));

    private static final String JAVERS_STARTER = "org.javers.spring.boot.sql.JaversSqlAutoConfiguration";

    private final Map<String, String> properties;

    CallerVariant(Map<String, String> properties) {
        this.properties = properties;
    }

    /**
     * The application's properties on the given database.
     *
     * @param database where the application keeps its data
     * @return Spring property names and values
     */
    Map<String, Object> properties(CallerDatabase database) {
        Map<String, Object> all = new LinkedHashMap<>(database.properties());
        all.put("spring.main.banner-mode", "off");
        all.put("spring.main.web-application-type", "none");
        // The JaVers starter fails on Boot 4 (see JaversJdbcConfiguration); JAVERS wires the same beans.
        all.put("spring.autoconfigure.exclude", JAVERS_STARTER);
        all.put("auditrail.jdbc.initialize-schema", "always");
        all.put("bench.javers.dialect", database.javersDialect());
        all.putAll(properties);
        return all;
    }
}
