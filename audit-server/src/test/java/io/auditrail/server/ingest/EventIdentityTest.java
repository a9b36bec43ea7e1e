package io.auditrail.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdentityTest {

    private final UUID sent = UUID.fromString("01a20887-bcaf-7000-99a2-2d29974357eb");

    @Test
    void aCanonicalUuidKeyIsTheId() {
        UUID key = UUID.randomUUID();
        assertThat(EventIdentity.resolve("acme", key.toString(), sent)).isEqualTo(key);
        assertThat(EventIdentity.resolve("acme", key.toString().toUpperCase(), null)).isEqualTo(key);
    }

    @Test
    void anyOtherKeyIsANameBasedIdPerOrganisation() {
        UUID acme = EventIdentity.resolve("acme", "order-42", null);
        assertThat(EventIdentity.resolve("acme", "order-42", sent)).isEqualTo(acme);
        assertThat(EventIdentity.resolve("globex", "order-42", null)).isNotEqualTo(acme);
        assertThat(EventIdentity.resolve("acme", "1-1-1-1-1", null)).isNotEqualTo(UUID.fromString("1-1-1-1-1"));
    }

    @Test
    void withoutAKeyTheSinksEventIdOrAFreshOneIsUsed() {
        assertThat(EventIdentity.resolve("acme", null, sent)).isEqualTo(sent);
        UUID fresh = EventIdentity.resolve("acme", null, null);
        assertThat(fresh.version()).isEqualTo(7);
    }

    @Test
    void blankLongOrControlCharacterKeysAreRefused() {
        assertThatThrownBy(() -> EventIdentity.resolve("acme", " ", null))
                .isInstanceOf(InvalidEventRequestException.class).hasMessageContaining("Idempotency-Key");
        assertThatThrownBy(() -> EventIdentity.resolve("acme", "x".repeat(256), null))
                .isInstanceOf(InvalidEventRequestException.class);
        assertThatThrownBy(() -> EventIdentity.resolve("acme", "a\u0000b", null))
                .isInstanceOf(InvalidEventRequestException.class);
    }
}
