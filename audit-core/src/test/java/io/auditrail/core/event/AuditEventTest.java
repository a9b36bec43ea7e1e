package io.auditrail.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.TestEvents;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditEventTest {

    @Test
    void truncatesTimestampToMicroseconds() {
        AuditEvent event = TestEvents.invoiceDeleted().build();

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-23T10:15:30.123456Z"));
    }

    @Test
    void makesAFreshVersion7IdWhenNoneIsGiven() {
        AuditEvent first = TestEvents.invoiceDeleted().build();
        AuditEvent second = TestEvents.invoiceDeleted().build();

        assertThat(first.id().version()).isEqualTo(7);
        assertThat(first.id()).isNotEqualTo(second.id());
    }

    @Test
    void namesEachMissingRequiredField() {
        assertThatThrownBy(() -> TestEvents.invoiceDeleted().action(null).build())
                .isInstanceOf(InvalidAuditEventException.class).hasMessage("action is required and must not be blank");
        assertThatThrownBy(() -> TestEvents.invoiceDeleted().action("  ").build())
                .hasMessage("action is required and must not be blank");
        assertThatThrownBy(() -> TestEvents.invoiceDeleted().actor(null).build()).hasMessage("actor is required");
        assertThatThrownBy(() -> TestEvents.invoiceDeleted().resource(null).build()).hasMessage("resource is required");
        assertThatThrownBy(() -> Actor.user(" ", null, null)).hasMessage("actor.id is required and must not be blank");
        assertThatThrownBy(() -> new Resource(null, "1", null))
                .hasMessage("resource.type is required and must not be blank");
        assertThatThrownBy(() -> new Resource("invoice", "", null))
                .hasMessage("resource.id is required and must not be blank");
    }

    @Test
    void copiesMetadataDeeplyAndMakesItUnmodifiable() {
        Map<String, Object> nested = new HashMap<>(Map.of("a", 1));
        AuditEvent event = TestEvents.invoiceDeleted().metadata("nested", nested).metadata("list", List.of(1, 2)).build();
        nested.put("b", 2);

        assertThat(event.metadata().get("nested")).isEqualTo(Map.of("a", 1L));
        assertThatThrownBy(() -> event.metadata().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> copied = (Map<String, Object>) event.metadata().get("nested");
        assertThatThrownBy(() -> copied.put("c", 3)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void normalisesNumbersSoEqualValuesCompareEqual() {
        AuditEvent event = TestEvents.invoiceDeleted()
                .metadata("int", 7).metadata("double", 2.50d).metadata("decimal", new BigDecimal("2.500"))
                .metadata("whole", new BigDecimal("3.0")).build();

        assertThat(event.metadata()).containsEntry("int", 7L).containsEntry("double", new BigDecimal("2.5"))
                .containsEntry("decimal", new BigDecimal("2.5")).containsEntry("whole", 3L);
    }

    @Test
    void rejectsMetadataThatIsNotJson() {
        assertThatThrownBy(() -> TestEvents.invoiceDeleted().metadata("when", new Object()).build())
                .isInstanceOf(InvalidAuditEventException.class).hasMessageStartingWith("metadata.when is a java.lang.Object");
        assertThatThrownBy(() -> TestEvents.invoiceDeleted().metadata("x", Double.NaN).build())
                .hasMessage("metadata.x is NaN, which JSON cannot represent");
    }

    @Test
    void rejectsACyclicMapWithoutOverflowingTheStack() {
        Map<String, Object> cyclic = new HashMap<>();
        cyclic.put("self", cyclic);

        assertThatThrownBy(() -> TestEvents.invoiceDeleted().metadata("loop", cyclic).build())
                .isInstanceOf(InvalidAuditEventException.class).hasMessageContaining("nested deeper than 64 levels");
    }

    @Test
    void outcomeFailureCarriesTheExceptionClassAndOnlyOptionallyItsMessage() {
        IllegalStateException error = new IllegalStateException("card 4111 declined");

        assertThat(Outcome.failure(error, false)).isEqualTo(Outcome.failure("java.lang.IllegalStateException", null));
        assertThat(Outcome.failure(error, true).errorMessage()).isEqualTo("card 4111 declined");
        assertThatThrownBy(() -> new Outcome(Outcome.Status.FAILURE, null, null))
                .hasMessage("outcome failure requires an error type");
    }
}
