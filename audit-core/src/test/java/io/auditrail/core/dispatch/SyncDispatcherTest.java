package io.auditrail.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.TestEvents;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.spi.AuditMonitor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SyncDispatcherTest {

    @Test
    void writesOnTheCallersThreadAndPropagatesSinkFailures() {
        ControllableSink sink = new ControllableSink();
        List<String> seen = new CopyOnWriteArrayList<>();
        SyncDispatcher dispatcher = new SyncDispatcher(sink, new AuditMonitor() {
            @Override
            public void delivered(String name, List<AuditEvent> events, Duration latency) {
                seen.add("delivered:" + name + ":" + events.size());
            }

            @Override
            public void sinkFailed(String name, List<AuditEvent> events, Throwable error, boolean willRetry) {
                seen.add("failed:" + name + ":" + willRetry);
            }
        });

        dispatcher.dispatch(TestEvents.event(1));
        sink.failuresLeft.set(1);

        assertThatThrownBy(() -> dispatcher.dispatch(TestEvents.event(2))).hasMessage("database down");
        assertThat(sink.batches).hasSize(1);
        assertThat(seen).containsExactly("delivered:test:1", "failed:test:false");
    }
}
