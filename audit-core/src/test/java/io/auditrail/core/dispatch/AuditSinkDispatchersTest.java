package io.auditrail.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.TestEvents;
import io.auditrail.core.event.AuditEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class AuditSinkDispatchersTest {

    private final List<String> seen = new CopyOnWriteArrayList<>();

    private AuditSinkDispatchers.SinkDispatch recording(String name) {
        return new AuditSinkDispatchers.SinkDispatch(name, "sync", event -> seen.add(name + ":" + event.id()), null);
    }

    private static AuditSinkDispatchers.SinkDispatch failing(String name, String message) {
        return new AuditSinkDispatchers.SinkDispatch(name, "sync", event -> {
            throw new IllegalStateException(message);
        }, null);
    }

    @Test
    void everySinkGetsTheEventAndTheFirstFailureIsRethrownAfterAllWereTried() {
        AuditEvent event = TestEvents.event(1);
        AuditSinkDispatchers fanOut = new AuditSinkDispatchers(List.of(failing("remote", "first down"), recording("log"),
                failing("other", "second down"), recording("jdbc")), Duration.ofSeconds(1));

        assertThatThrownBy(() -> fanOut.dispatch(event)).isInstanceOf(IllegalStateException.class)
                .hasMessage("first down");

        assertThat(seen).containsExactly("log:" + event.id(), "jdbc:" + event.id());
    }

    @Test
    void closingDrainsEverySinkAndAddsUpWhatWasLeft() {
        AuditEvent left = TestEvents.event(2);
        List<Duration> timeouts = new CopyOnWriteArrayList<>();
        AuditDispatcher drained = new AuditDispatcher() {
            @Override
            public void dispatch(AuditEvent event) {
            }

            @Override
            public DrainResult close(Duration timeout) {
                timeouts.add(timeout);
                return new DrainResult(3, List.of());
            }
        };
        AuditDispatcher stuck = new AuditDispatcher() {
            @Override
            public void dispatch(AuditEvent event) {
            }

            @Override
            public DrainResult close(Duration timeout) {
                timeouts.add(timeout);
                return new DrainResult(1, List.of(left));
            }
        };
        AuditSinkDispatchers fanOut = new AuditSinkDispatchers(List.of(
                new AuditSinkDispatchers.SinkDispatch("a", "async", drained, null),
                new AuditSinkDispatchers.SinkDispatch("b", "async", stuck, null)), Duration.ofMillis(700));

        fanOut.close();

        assertThat(timeouts).containsExactly(Duration.ofMillis(700), Duration.ofMillis(700));
        assertThat(fanOut.close(Duration.ofSeconds(2))).isEqualTo(new DrainResult(4, List.of(left)));
        assertThat(fanOut.sinks()).extracting(AuditSinkDispatchers.SinkDispatch::name).containsExactly("a", "b");
        assertThat(fanOut.sinks().get(0).queueDepth()).as("no queue").isZero();
    }
}
