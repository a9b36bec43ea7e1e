package io.auditrail.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.dispatch.AsyncSettings;
import io.auditrail.core.dispatch.outbox.OutboxRelaySettings;
import io.auditrail.core.event.ActorType;
import io.auditrail.core.validation.AuditLimits;
import io.auditrail.core.validation.MetadataRedactor;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditrailSettingsTest {

    @Test
    void theDefaultsAreCoresOwnDefaults() {
        AuditrailSettings settings = new AuditrailSettings();

        assertThat(settings.getAsync().toAsyncSettings()).isEqualTo(AsyncSettings.DEFAULTS);
        assertThat(AsyncSettings.DEFAULTS.writers()).as("one writer unless configured").isEqualTo(1);
        assertThat(settings.getLimits().toAuditLimits(AuditLimits.DEFAULTS.maxMetadataBytes())).isEqualTo(AuditLimits.DEFAULTS);
        assertThat(settings.getRedaction().getKeys()).containsExactlyInAnyOrderElementsOf(MetadataRedactor.DEFAULT_KEYS);
        assertThat(settings.getActor().toSystemActor().id()).isEqualTo("system");
        assertThat(settings.getActor().toSystemActor().type()).isEqualTo(ActorType.SYSTEM);
        assertThat(settings.isEnabled()).isTrue();
        assertThat(settings.getSink()).isEmpty();
        assertThat(settings.getDispatch()).isNull();
        assertThat(settings.getOutbox().toRelaySettings()).isEqualTo(OutboxRelaySettings.DEFAULTS);
        assertThat(settings.getOutbox().getTableName()).isEqualTo("audit_outbox");
        assertThat(settings.getOutbox().getInitializeSchema()).isEqualTo(InitializeSchema.EMBEDDED);
        assertThat(settings.getOutbox().isRelayEnabled()).isTrue();
    }

    @Test
    void theOutboxRelaySettingsComeFromTheOutboxKeys() {
        AuditrailSettings.Outbox outbox = new AuditrailSettings.Outbox();
        outbox.setBatchSize(7);
        outbox.setPollInterval(Duration.ofMillis(20));
        outbox.setLease(Duration.ofMinutes(1));
        outbox.setRetryInitialBackoff(Duration.ofMillis(50));
        outbox.setRetryMaxBackoff(Duration.ofSeconds(2));
        outbox.setDeliveredRetention(Duration.ofHours(3));

        OutboxRelaySettings settings = outbox.toRelaySettings();

        assertThat(settings.batchSize()).isEqualTo(7);
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofMillis(20));
        assertThat(settings.lease()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.backoff().initial()).isEqualTo(Duration.ofMillis(50));
        assertThat(settings.backoff().max()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.deliveredRetention()).isEqualTo(Duration.ofHours(3));
        outbox.setBatchSize(0);
        assertThatThrownBy(outbox::toRelaySettings).hasMessageContaining("outbox batch size");
    }

    @Test
    void additionalRedactionKeysNeverUnmaskADefault() {
        AuditrailSettings.Redaction redaction = new AuditrailSettings.Redaction();
        redaction.setAdditionalKeys(List.of("iban"));

        MetadataRedactor redactor = redaction.toRedactor();

        assertThat(redactor.isSecret("customer_iban")).isTrue();
        assertThat(redactor.isSecret("password")).isTrue();
        assertThat(redactor.isSecret("amount")).isFalse();
    }

    @Test
    void valuesOutOfRangeFailWithAClearMessage() {
        AuditrailSettings settings = new AuditrailSettings();
        settings.getAsync().setBatchSize(0);
        settings.getHttp().setBaseUri(URI.create("https://audit.example.com"));

        assertThatThrownBy(() -> settings.getAsync().toAsyncSettings()).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> settings.getLimits().toAuditLimits(3L * Integer.MAX_VALUE))
                .hasMessageContaining("auditrail.limits.max-metadata-size");
        assertThatThrownBy(() -> settings.getHttp().toHostedApiSettings()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writersOutsideOneToTheCapacityFailNamingTheKey() {
        AuditrailSettings.Async async = new AuditrailSettings.Async();
        async.setCapacity(8);

        async.setWriters(0);
        assertThatThrownBy(async::toAsyncSettings).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("auditrail.async.writers must be between 1 and auditrail.async.capacity (8) but was 0");
        async.setWriters(9);
        assertThatThrownBy(async::toAsyncSettings).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auditrail.async.writers").hasMessageEndingWith("but was 9");
        async.setWriters(8);
        assertThat(async.toAsyncSettings().writers()).isEqualTo(8);
    }

    @Test
    void theAsyncBackoffComesFromTheTwoRetryKeys() {
        AuditrailSettings.Async async = new AuditrailSettings.Async();
        async.setRetryInitialBackoff(Duration.ofSeconds(1));
        async.setRetryMaxBackoff(Duration.ofMinutes(2));

        assertThat(async.toAsyncSettings().backoff().initial()).isEqualTo(Duration.ofSeconds(1));
        assertThat(async.toAsyncSettings().backoff().max()).isEqualTo(Duration.ofMinutes(2));
    }
}
