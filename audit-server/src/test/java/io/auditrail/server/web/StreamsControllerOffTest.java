package io.auditrail.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.stream.StreamService;
import io.auditrail.server.tenant.Caller;
import io.auditrail.server.tenant.Plan;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpStatus;

class StreamsControllerOffTest {

    @Test
    void withStreamsOffEveryOperationIsA404SayingHowToTurnThemOn() {
        StreamsController controller = new StreamsController(
                new StaticListableBeanFactory().getBeanProvider(StreamService.class));
        Caller caller = new Caller("acme", "key_1", new Plan("starter", 10L, Duration.ofDays(30)));
        assertThatThrownBy(() -> controller.list(caller)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(e.getMessage())
                    .isEqualTo("Streams are not enabled on this server (auditrail.streams.enabled=true and"
                            + " auditrail.streams.encryption-key turn them on)");
        });
        assertThatThrownBy(() -> controller.pause(caller, "0d9c1f4e-2b4a-4f7e-9a55-3f1c2b6d7e80"))
                .isInstanceOf(ApiException.class).hasMessageStartingWith("Streams are not enabled");
    }
}
