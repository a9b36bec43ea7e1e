package io.auditrail.core.internal.wiring;

import io.auditrail.core.capture.InvalidAuditConfigurationException;
import io.auditrail.core.config.SinkType;
import io.auditrail.core.sink.LogAuditSink;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.core.spi.AuditSinkProvider;
import io.auditrail.core.spi.SinkContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which sinks run from {@code auditrail.sink}, the application's sinks and the
 * {@link AuditSinkProvider}s on the class path. A listed name is served by an application sink of
 * that name, else created by its provider; a name nothing serves fails start-up rather than being
 * dropped silently beside the others, with the names that are available. With nothing listed and
 * nothing present, the log sink stands in.
 */
public final class SinkSelection {

    private static final Logger LOG = LoggerFactory.getLogger(SinkSelection.class);

    /** Sinks Auditrail ships in modules of their own, and how to add them when a name finds nothing. */
    private static final Map<String, String> MODULES = Map.of(
            SinkType.JDBC, "there is no JDBC audit store: add audit-jdbc-store and a DataSource",
            SinkType.KAFKA, "there is no Kafka audit sink: add io.auditrail:audit-kafka");

    private final List<AuditSinkProvider> providers;

    /**
     * Uses the given providers.
     *
     * @param providers the sinks {@code auditrail.sink} may name
     * @throws IllegalStateException when two providers claim the same name
     */
    public SinkSelection(List<AuditSinkProvider> providers) {
        Set<String> names = new TreeSet<>();
        for (AuditSinkProvider provider : providers) {
            if (!names.add(provider.name())) {
                throw new IllegalStateException("Two audit sink providers are named '" + provider.name() + "'");
            }
        }
        this.providers = List.copyOf(providers);
    }

    /**
     * Uses the providers registered in {@code META-INF/services/io.auditrail.core.spi.AuditSinkProvider}.
     * A provider whose class the loader cannot load counts as absent, as its module would.
     *
     * @param classLoader the application's class loader
     * @return the selection
     */
    public static SinkSelection fromClassPath(ClassLoader classLoader) {
        List<AuditSinkProvider> found = new ArrayList<>();
        Iterator<AuditSinkProvider> providers = ServiceLoader.load(AuditSinkProvider.class, classLoader).iterator();
        while (true) {
            try {
                if (!providers.hasNext()) {
                    return new SinkSelection(found);
                }
                found.add(providers.next());
            } catch (ServiceConfigurationError e) {
                LOG.debug("Skipping an audit sink provider that cannot be loaded", e);
            }
        }
    }

    /**
     * A name as {@code auditrail.sink} is matched: trimmed, lower case.
     *
     * @param configured one listed value
     * @return the sink name
     */
    public static String normalize(String configured) {
        return configured.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The names {@code auditrail.sink} accepts here, for messages.
     *
     * @param present the application's sinks
     * @return the providers' names and those of the present sinks, sorted
     */
    public Set<String> available(List<AuditSink> present) {
        Set<String> names = new TreeSet<>();
        providers.forEach(provider -> names.add(provider.name()));
        present.forEach(sink -> names.add(sink.name()));
        return names;
    }

    /**
     * The sinks to dispatch to.
     *
     * @param configured the names {@code auditrail.sink} lists, empty when it is not set
     * @param present the application's sinks (the framework's JDBC store among them)
     * @param context what a provider creates its sink from
     * @return the present sinks, then those created for listed names no present sink has; or the
     *         log sink alone when nothing is listed or present
     * @throws InvalidAuditConfigurationException naming a listed sink that is not there and how to add it,
     *         or an unknown name with the names that are available
     */
    public AuditSinks select(List<String> configured, List<AuditSink> present, SinkContext context) {
        List<AuditSink> created = new ArrayList<>();
        for (String name : new LinkedHashSet<>(configured.stream().map(SinkSelection::normalize).toList())) {
            if (present.stream().noneMatch(sink -> sink.name().equals(name))) {
                created.add(create(name, present, context));
            }
        }
        if (present.isEmpty() && configured.isEmpty()) {
            return new AuditSinks(List.of(new LogAuditSink(context.codec())), List.of());
        }
        List<AuditSink> all = new ArrayList<>(present);
        all.addAll(created);
        return new AuditSinks(all, created);
    }

    private AuditSink create(String name, List<AuditSink> present, SinkContext context) {
        Optional<AuditSinkProvider> provider = providers.stream().filter(p -> p.name().equals(name)).findFirst();
        Optional<AuditSink> sink = provider.flatMap(p -> p.create(context));
        if (sink.isPresent()) {
            return sink.get();
        }
        String remedy = MODULES.get(name);
        if (remedy != null) {
            throw new InvalidAuditConfigurationException("auditrail.sink lists " + name + " but " + remedy);
        }
        if (provider.isPresent()) {
            throw new InvalidAuditConfigurationException("auditrail.sink lists " + name + " but its provider "
                    + provider.get().getClass().getName() + " created no sink");
        }
        throw new InvalidAuditConfigurationException("auditrail.sink lists '" + name + "', which no sink here is "
                + "named; the sinks available are " + String.join(", ", available(present))
                + ". A sink module adds its name through META-INF/services/io.auditrail.core.spi.AuditSinkProvider");
    }
}
