package io.auditrail.core.internal.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.capture.InvalidAuditConfigurationException;
import io.auditrail.core.config.AuditrailSettings;
import io.auditrail.core.config.SinkType;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.http.HostedApiSink;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.sink.LogAuditSink;
import io.auditrail.core.spi.AuditSink;
import io.auditrail.core.spi.AuditSinkProvider;
import io.auditrail.core.spi.SinkContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SinkSelectionTest {

    private static final AuditSink STORE = named("jdbc");

    private final AuditrailSettings settings = new AuditrailSettings();
    private final SinkContext context = new SinkContext(settings, new AuditEventCodec(),
            key -> Optional.ofNullable(Map.of("auditrail.memo.label", "ours").get(key)));
    private final SinkSelection classPath = SinkSelection.fromClassPath(SinkSelection.class.getClassLoader());

    @Test
    void coreRegistersTheLogAndHttpSinksThroughTheServiceLoader() {
        assertThat(classPath.available(List.of())).containsExactly("http", "log");
    }

    @Test
    void aListedNameIsCreatedByItsProviderAfterTheApplicationsSinks() {
        settings.getHttp().setBaseUri(java.net.URI.create("https://audit.example.com"));
        settings.getHttp().setApiKey("k");

        AuditSinks sinks = classPath.select(List.of(" Log ", "http", "log"), List.of(STORE), context);

        assertThat(sinks.all()).hasSize(3).first().isSameAs(STORE);
        assertThat(sinks.all().get(1)).isInstanceOf(LogAuditSink.class);
        assertThat(sinks.all().get(2)).isInstanceOf(HostedApiSink.class);
    }

    @Test
    void anApplicationSinkOfTheListedNameTakesThePlaceOfTheProvidersAndIsNotClosedByAuditrail() {
        List<String> closed = new ArrayList<>();
        AuditSinkProvider memo = provider("memo", ctx -> Optional.of(closeable("memo", closed)));
        SinkSelection selection = new SinkSelection(List.of(memo));
        AuditSink own = closeable("memo", closed);

        try (AuditSinks sinks = selection.select(List.of("memo"), List.of(own), context)) {
            assertThat(sinks.all()).containsExactly(own);
        }
        assertThat(closed).isEmpty();
    }

    @Test
    void aSinkFromAnotherModuleReadsItsOwnKeysAndIsClosedWithTheList() {
        List<String> closed = new ArrayList<>();
        SinkSelection selection = new SinkSelection(List.of(provider("memo",
                ctx -> Optional.of(closeable(ctx.property("auditrail.memo.label").orElseThrow(), closed)))));

        try (AuditSinks sinks = selection.select(List.of("memo"), List.of(), context)) {
            assertThat(sinks.all()).extracting(AuditSink::name).containsExactly("ours");
            assertThat(closed).isEmpty();
        }
        assertThat(closed).containsExactly("ours");
    }

    @Test
    void anUnknownNameFailsWithTheNamesThatAreAvailable() {
        assertThatThrownBy(() -> classPath.select(List.of("log", "lgo"), List.of(STORE), context))
                .isInstanceOf(InvalidAuditConfigurationException.class)
                .hasMessage("auditrail.sink lists 'lgo', which no sink here is named; the sinks available are http, "
                        + "jdbc, log. A sink module adds its name through "
                        + "META-INF/services/io.auditrail.core.spi.AuditSinkProvider");
    }

    @Test
    void aListedStoreThatIsMissingFailsInsteadOfBeingDroppedBesideTheOthers() {
        assertThatThrownBy(() -> classPath.select(List.of(SinkType.JDBC, SinkType.LOG), List.of(), context))
                .isInstanceOf(InvalidAuditConfigurationException.class)
                .hasMessage("auditrail.sink lists jdbc but there is no JDBC audit store: add audit-jdbc-store and a "
                        + "DataSource");
    }

    @Test
    void aListedKafkaSinkWhoseModuleIsMissingNamesTheModule() {
        assertThatThrownBy(() -> classPath.select(List.of(SinkType.KAFKA), List.of(STORE), context))
                .isInstanceOf(InvalidAuditConfigurationException.class)
                .hasMessage("auditrail.sink lists kafka but there is no Kafka audit sink: add io.auditrail:audit-kafka");
    }

    @Test
    void theLogSinkStandsInOnlyWhenNothingIsListedAndNothingIsThere() {
        assertThat(classPath.select(List.of(), List.of(), context).all()).singleElement()
                .isInstanceOf(LogAuditSink.class);
        assertThat(classPath.select(List.of(), List.of(STORE), context).all()).containsExactly(STORE);
        assertThat(classPath.select(List.of(SinkType.JDBC), List.of(STORE), context).all()).containsExactly(STORE);
    }

    @Test
    void twoProvidersOfOneNameAreRefused() {
        AuditSinkProvider one = provider("memo", ctx -> Optional.empty());
        assertThatThrownBy(() -> new SinkSelection(List.of(one, one)))
                .hasMessage("Two audit sink providers are named 'memo'");
    }

    private static AuditSinkProvider provider(String name, java.util.function.Function<SinkContext,
            Optional<AuditSink>> factory) {
        return new AuditSinkProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<AuditSink> create(SinkContext context) {
                return factory.apply(context);
            }
        };
    }

    private static AuditSink closeable(String name, List<String> closed) {
        class Closeable implements AuditSink, AutoCloseable {
            @Override
            public void write(List<AuditEvent> events) {
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public void close() {
                closed.add(name);
            }
        }
        return new Closeable();
    }

    private static AuditSink named(String name) {
        return new AuditSink() {
            @Override
            public void write(List<AuditEvent> events) {
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
