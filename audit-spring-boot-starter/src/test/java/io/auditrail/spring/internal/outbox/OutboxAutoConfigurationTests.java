package io.auditrail.spring.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.auditrail.core.dispatch.outbox.Outbox;
import io.auditrail.core.dispatch.outbox.OutboxEntry;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.jdbc.contract.H2Config;
import io.auditrail.jdbc.outbox.JdbcOutbox;
import io.auditrail.jdbc.outbox.OutboxClaimStrategy;
import io.auditrail.jdbc.outbox.OutboxTestEvents;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.auditrail.spring.autoconfigure.AuditrailAutoConfiguration;
import io.auditrail.spring.autoconfigure.AuditrailJdbcAutoConfiguration;
import io.auditrail.spring.autoconfigure.AuditrailOutboxAutoConfiguration;
import io.auditrail.core.dispatch.AuditSinkDispatchers;
import io.auditrail.spring.fixtures.RecordingSink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import io.auditrail.jdbc.DriverManagerDataSource;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@ExtendWith(OutputCaptureExtension.class)
class OutboxAutoConfigurationTests {

    private final ApplicationContextRunner runner = runnerOn(H2Config.INSTANCE.dataSource());

    private static ApplicationContextRunner runnerOn(DataSource dataSource) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AuditrailJdbcAutoConfiguration.class,
                        AuditrailOutboxAutoConfiguration.class, AuditrailAutoConfiguration.class))
                .withBean(DataSource.class, () -> dataSource)
                .withBean(RecordingSink.class, RecordingSink::new)
                .withPropertyValues("auditrail.dispatch=outbox", "auditrail.outbox.table-name=outbox_config_tests");
    }

    @Test
    void nothingOfTheOutboxWithoutOutboxDispatch() {
        runner.withPropertyValues("auditrail.dispatch=async").run(context -> assertThat(context)
                .doesNotHaveBean(Outbox.class).doesNotHaveBean(OutboxRelays.class));
    }

    @Test
    void theJdbcSinkStaysTransactionalAndEveryOtherSinkGetsTheOutboxAndARelay() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(JdbcOutbox.class);
            assertThat(context.getBean(JdbcOutbox.class).table().qualified()).isEqualTo("outbox_config_tests");
            assertThat(context.getBean(JdbcOutbox.class).claimStrategy()).isEqualTo(OutboxClaimStrategy.SKIP_LOCKED);
            assertThat(context.getBean(AuditSinkDispatchers.class).sinks())
                    .extracting(AuditSinkDispatchers.SinkDispatch::name, AuditSinkDispatchers.SinkDispatch::mode)
                    .containsExactlyInAnyOrder(tuple("jdbc", "transactional (after commit)"),
                            tuple("recording", "outbox (after commit)"));
            assertThat(context.getBean(OutboxRelays.class).relays()).singleElement()
                    .satisfies(relay -> assertThat(relay.owner()).startsWith("recording-"));
            assertThat(context.getBean(OutboxRelays.class).isRunning()).isTrue();
        });
    }

    @Test
    void thePendingBacklogOfEachRelayedSinkIsAGauge() {
        runner.withPropertyValues("auditrail.outbox.relay-enabled=false", "auditrail.outbox.table-name=outbox_gauge_tests")
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    context.getBean(MeterBinder.class).bindTo(registry);
                    Gauge pending = registry.get("auditrail.outbox.pending").tags("sink", "recording").gauge();
                    double before = pending.value();
                    context.getBean(Outbox.class).append("recording", List.of(OutboxTestEvents.event(1)));
                    assertThat(pending.value()).isEqualTo(before + 1);
                    assertThat(registry.find("auditrail.outbox.pending").tags("sink", "jdbc").gauge()).isNull();
                });
    }

    @Test
    void anOutboxAndAJdbcSinkOnAnH2FileThatDelaysWritesAreWarnedAbout(@TempDir Path directory, CapturedOutput output) {
        DataSource delayed = new DriverManagerDataSource("jdbc:h2:file:" + directory.resolve("delayed"), "sa", "");
        runnerOn(delayed).withPropertyValues("auditrail.outbox.relay-enabled=false")
                .run(context -> assertThat(context).hasSingleBean(JdbcOutbox.class));
        assertThat(output).contains("Auditrail's outbox runs on the H2 file database", "Auditrail's JDBC sink runs on the H2 "
                + "file database", "Add ;WRITE_DELAY=0 to the JDBC URL");
    }

    @Test
    void anH2FileThatWritesEachCommitIsNotWarnedAbout(@TempDir Path directory, CapturedOutput output) {
        DataSource durable = new DriverManagerDataSource("jdbc:h2:file:" + directory.resolve("durable") + ";WRITE_DELAY=0",
                "sa", "");
        runnerOn(durable).withPropertyValues("auditrail.outbox.relay-enabled=false")
                .run(context -> assertThat(context).hasSingleBean(JdbcOutbox.class));
        assertThat(output).doesNotContain("WRITE_DELAY");
    }

    @Test
    void anInstanceMayWriteWithoutRelaying() {
        runner.withPropertyValues("auditrail.outbox.relay-enabled=false").run(context -> assertThat(context)
                .hasSingleBean(JdbcOutbox.class).doesNotHaveBean(OutboxRelays.class));
    }

    @Test
    void anApplicationOutboxReplacesTheJdbcOne() {
        runner.withBean("myOutbox", Outbox.class, NoOutbox::new).run(context -> {
            assertThat(context).doesNotHaveBean(JdbcOutbox.class).hasSingleBean(Outbox.class).hasSingleBean(OutboxRelays.class);
        });
    }

    @Test
    void aBadTableNameFailsStartUpNamingIt() {
        runner.withPropertyValues("auditrail.outbox.table-name=audit outbox; drop").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining("audit outbox; drop"));
    }

    @Test
    void outboxDispatchWithoutTheJdbcStoreFailsStartUpWithAClearMessage() {
        runner.withClassLoader(new FilteredClassLoader(JdbcOutbox.class))
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("auditrail.dispatch is outbox but there is no audit outbox"));
    }

    @Test
    void twoSinksOfOneNameFailStartUp() {
        runner.withBean("second", RecordingSink.class, RecordingSink::new).run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining("two audit sinks are named 'recording'"));
    }

    @Test
    void badRelaySettingsFailStartUp() {
        runner.withPropertyValues("auditrail.outbox.batch-size=0").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining("outbox batch size"));
    }

    /** An outbox of the application's own, which never holds anything. */
    static final class NoOutbox implements Outbox {
        @Override
        public void append(String destination, List<AuditEvent> events) {
        }

        @Override
        public List<OutboxEntry> claim(String destination, String owner, int limit, Instant now, Duration lease) {
            return List.of();
        }

        @Override
        public int renew(String owner, List<OutboxEntry> entries, Instant leaseUntil) {
            return 0;
        }

        @Override
        public void markDelivered(String owner, List<OutboxEntry> entries, Instant now) {
        }

        @Override
        public void retryLater(String owner, List<Retry> retries, String error) {
        }

        @Override
        public void markDead(String owner, OutboxEntry entry, String reason, Instant now) {
        }

        @Override
        public long purgeDelivered(Instant cutoff) {
            return 0;
        }

        @Override
        public long pendingCount(String destination) {
            return 0;
        }
    }
}
