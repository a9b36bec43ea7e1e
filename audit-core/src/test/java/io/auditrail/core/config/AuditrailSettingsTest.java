package io.auditrail.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.dispatch.AsyncSettings;
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
        assertThat(settings.getLimits().toAuditLimits(AuditLimits.DEFAULTS.maxMetadataBytes())).isEqualTo(AuditLimits.DEFAULTS);
        assertThat(settings.getRedaction().getKeys()).containsExactlyInAnyOrderElementsOf(MetadataRedactor.DEFAULT_KEYS);
        assertThat(settings.getActor().toSystemActor().id()).isEqualTo("system");
        assertThat(settings.getActor().toSystemActor().type()).isEqualTo(ActorType.SYSTEM);
        assertThat(settings.isEnabled()).isTrue();
        assertThat(settings.getSink()).isEmpty();
        assertThat(settings.getDispatch()).isNull();
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
    void theAsyncBackoffComesFromTheTwoRetryKeys() {
        AuditrailSettings.Async async = new AuditrailSettings.Async();
        async.setRetryInitialBackoff(Duration.ofSeconds(1));
        async.setRetryMaxBackoff(Duration.ofMinutes(2));

        assertThat(async.toAsyncSettings().backoff().initial()).isEqualTo(Duration.ofSeconds(1));
        assertThat(async.toAsyncSettings().backoff().max()).isEqualTo(Duration.ofMinutes(2));
    }
}
