package io.auditrail.core.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.capture.InvalidAuditConfigurationException;
import io.auditrail.core.config.SinkType;
import io.auditrail.core.spi.AuditSink;
import java.util.List;
import org.junit.jupiter.api.Test;

class SinkSelectionTest {

    private static final AuditSink LOG = named("log");
    private static final AuditSink STORE = named("jdbc");

    @Test
    void aListedStoreThatIsMissingFailsInsteadOfBeingDroppedBesideTheOthers() {
        assertThatThrownBy(() -> SinkSelection.select(List.of(SinkType.JDBC, SinkType.LOG), List.of(LOG), () -> LOG))
                .isInstanceOf(InvalidAuditConfigurationException.class)
                .hasMessage("auditrail.sink lists jdbc but there is no JDBC audit store: add audit-jdbc-store and a "
                        + "DataSource");
    }

    @Test
    void aListedKafkaSinkThatIsMissingNamesTheModule() {
        assertThatThrownBy(() -> SinkSelection.select(List.of(SinkType.KAFKA), List.of(STORE), () -> LOG))
                .isInstanceOf(InvalidAuditConfigurationException.class)
                .hasMessage("auditrail.sink lists kafka but there is no Kafka audit sink: add io.auditrail:audit-kafka");
    }

    @Test
    void theLogSinkStandsInOnlyWhenNothingIsListedAndNothingIsThere() {
        assertThat(SinkSelection.select(List.of(), List.of(), () -> LOG)).containsExactly(LOG);
        assertThat(SinkSelection.select(List.of(), List.of(STORE), () -> {
            throw new AssertionError("not needed");
        })).containsExactly(STORE);
        assertThat(SinkSelection.select(List.of(SinkType.JDBC), List.of(STORE), () -> LOG)).containsExactly(STORE);
    }

    private static AuditSink named(String name) {
        return new AuditSink() {
            @Override
            public void write(List<io.auditrail.core.event.AuditEvent> events) {
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
