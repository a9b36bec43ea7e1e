package io.auditrail.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataRedactorTest {

    private final MetadataRedactor redactor = MetadataRedactor.withDefaults();

    @Test
    void masksSecretLookingKeysAtAnyDepthAndInAnySpelling() {
        Map<String, Object> metadata = Map.of(
                "userPassword", "hunter2",
                "Authorization", "Bearer abc",
                "X-Api-Key", "k",
                "amount", 12,
                "request", Map.of("access_token", "t", "headers", List.of(Map.of("Cookie", "sid=1"))));

        Map<String, Object> redacted = redactor.redact(metadata);

        assertThat(redacted).containsEntry("userPassword", MetadataRedactor.MASK)
                .containsEntry("Authorization", MetadataRedactor.MASK).containsEntry("X-Api-Key", MetadataRedactor.MASK)
                .containsEntry("amount", 12);
        assertThat(redacted.get("request"))
                .isEqualTo(Map.of("access_token", MetadataRedactor.MASK, "headers", List.of(Map.of("Cookie", MetadataRedactor.MASK))));
    }

    @Test
    void leavesMetadataWithoutSecretsUntouched() {
        Map<String, Object> metadata = Map.of("amount", 12, "nested", Map.of("currency", "EUR"));

        assertThat(redactor.redact(metadata)).isSameAs(metadata);
    }

    @Test
    void usesTheConfiguredKeysOnly() {
        MetadataRedactor custom = new MetadataRedactor(List.of("iban"));

        assertThat(custom.redact(Map.of("IBAN", "DE89", "password", "p")))
                .isEqualTo(Map.of("IBAN", MetadataRedactor.MASK, "password", "p"));
    }
}
