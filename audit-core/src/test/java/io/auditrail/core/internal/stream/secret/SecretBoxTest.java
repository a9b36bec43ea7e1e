package io.auditrail.core.internal.stream.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.stream.DestinationKind;
import io.auditrail.core.stream.InvalidStreamException;
import io.auditrail.core.stream.StreamException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private final SecretBox box = new SecretBox(new byte[32]);

    @Test
    void sealsAndOpensForTheSameStreamOnly() {
        String sealed = box.seal("stream-1", "hec-token-123");
        assertThat(sealed).startsWith("v1:").doesNotContain("hec-token-123");
        assertThat(box.seal("stream-1", "hec-token-123")).as("fresh nonce").isNotEqualTo(sealed);
        assertThat(box.open("stream-1", sealed)).isEqualTo("hec-token-123");
        assertThatThrownBy(() -> box.open("stream-2", sealed)).isInstanceOf(StreamException.class);
        assertThatThrownBy(() -> new SecretBox(new byte[16]).open("stream-1", sealed)).isInstanceOf(StreamException.class);
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> box.open("stream-1", tampered)).isInstanceOf(StreamException.class);
    }

    @Test
    void checksTheShapeOfEachKindsSecretWithoutEchoingIt() {
        assertThat(SecretRules.check(DestinationKind.WEBHOOK, SecretRules.newWebhookSecret())).startsWith("whsec_");
        assertThatThrownBy(() -> SecretRules.check(DestinationKind.WEBHOOK, "plain-secret-value"))
                .isInstanceOf(InvalidStreamException.class).hasMessageContaining("whsec_")
                .hasMessageNotContaining("plain-secret-value");
        assertThatThrownBy(() -> SecretRules.check(DestinationKind.WEBHOOK, "whsec_c2hvcnQ="))
                .isInstanceOf(InvalidStreamException.class).hasMessageContaining("24 to 64 bytes");
        assertThatThrownBy(() -> SecretRules.check(DestinationKind.SPLUNK_HEC, "tok\r\nen-12345"))
                .isInstanceOf(InvalidStreamException.class);
        assertThatThrownBy(() -> SecretRules.check(DestinationKind.DATADOG, " "))
                .isInstanceOf(InvalidStreamException.class).hasMessageContaining("required");
    }
}
