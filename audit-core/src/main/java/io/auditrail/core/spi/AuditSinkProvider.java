package io.auditrail.core.spi;

import java.util.Optional;

/**
 * A sink {@code auditrail.sink} can name. Providers are found with {@link java.util.ServiceLoader}:
 * a module adds a sink by shipping its provider and one line naming it in
 * {@code META-INF/services/io.auditrail.core.spi.AuditSinkProvider}; the Spring Boot starter and
 * the Micronaut module then accept the name and create the sink when it is listed, without a
 * change of their own.
 */
public interface AuditSinkProvider {

    /**
     * The value of {@code auditrail.sink} that selects this sink, lower case; also the
     * {@link AuditSink#name()} of the sink it creates, which lets an application's own sink bean of
     * that name take its place.
     *
     * @return such as {@code "log"}
     */
    String name();

    /**
     * Creates the sink from the settings, when {@code auditrail.sink} lists it and the application
     * has no sink of that name. Called once per start; a sink that is {@link AutoCloseable} is
     * closed after its dispatcher has drained.
     *
     * @param context the settings and the codec
     * @return the sink, or empty when it needs what only the framework has (the JDBC store needs the
     *         application's {@code DataSource}) and the framework did not provide it
     * @throws RuntimeException when the settings do not describe a usable sink; start-up fails with it
     */
    Optional<AuditSink> create(SinkContext context);
}
