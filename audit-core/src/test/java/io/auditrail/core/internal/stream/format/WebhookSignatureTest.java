package io.auditrail.core.internal.stream.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Resource;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.internal.stream.secret.SecretRules;
import io.auditrail.core.stream.DestinationKind;
import io.auditrail.core.stream.StreamFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void reproducesTheStandardWebhooksTestVector() {
        byte[] key = SecretRules.webhookKey("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        String signature = WebhookSignature.sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void theMessageIdIsTheSameForTheSameBatchAndDiffersOtherwise() {
        assertThat(DestinationRequests.messageId("s1", 10, 20)).isEqualTo(DestinationRequests.messageId("s1", 10, 20))
                .startsWith("msg_").hasSize(36);
        assertThat(DestinationRequests.messageId("s1", 10, 20)).isNotEqualTo(DestinationRequests.messageId("s1", 10, 21))
                .isNotEqualTo(DestinationRequests.messageId("s2", 10, 20));
    }

    @Test
    void aRetryIsSignedAnewWithItsOwnTimestampUnderTheSameId() {
        String secret = SecretRules.newWebhookSecret();
        AuditEvent event = AuditEvent.builder().actor(Actor.system("s")).action("a.b").resource(Resource.of("r", "1")).build();
        EventFormatter formatter = EventFormatter.of(StreamFormat.AUDITRAIL_JSON, new AuditEventCodec());
        OutgoingRequest first = DestinationRequests.build(DestinationKind.WEBHOOK, secret, formatter, "msg_x", "audit.events",
                List.of(event), Instant.ofEpochSecond(1000));
        OutgoingRequest retry = DestinationRequests.build(DestinationKind.WEBHOOK, secret, formatter, "msg_x", "audit.events",
                List.of(event), Instant.ofEpochSecond(1060));
        assertThat(retry.headers().get("webhook-id")).isEqualTo(first.headers().get("webhook-id"));
        assertThat(retry.headers().get("webhook-timestamp")).isEqualTo("1060");
        assertThat(retry.headers().get("webhook-signature")).isNotEqualTo(first.headers().get("webhook-signature"));
    }
}
