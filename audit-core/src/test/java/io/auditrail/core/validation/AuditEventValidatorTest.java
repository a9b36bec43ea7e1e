package io.auditrail.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.TestEvents;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.InvalidAuditEventException;
import io.auditrail.core.event.RequestContext;
import io.auditrail.core.event.Resource;
import io.auditrail.core.json.AuditEventCodec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditEventValidatorTest {

    private final AuditEventValidator validator = new AuditEventValidator(AuditLimits.DEFAULTS, new AuditEventCodec());

    @ParameterizedTest
    @ValueSource(strings = {"invoice", "invoice.", ".deleted", "invoice..deleted", "invoice deleted", "invoice/deleted",
        "factur\u00e9.deleted", "invoice.deleted.", "."})
    void rejectsActionsNotInDotNotation(String action) {
        assertThatThrownBy(() -> validator.checkAction(action)).isInstanceOf(InvalidAuditEventException.class)
                .hasMessageStartingWith("action must be in dot notation such as 'invoice.deleted'")
                .hasMessageEndingWith("but was '" + action + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"invoice.deleted", "member.role.changed", "api_key.created", "user.login-failed", "a.b",
        "V2.Z-9"})
    void acceptsDotNotation(String action) {
        validator.checkAction(action);
    }

    @ParameterizedTest
    @ValueSource(strings = {"inv\r\n42", "inv\u000042", "inv\u001b[2J", "inv\u202e24", "inv\u2028"})
    void rejectsControlCharactersInIdentifiersNamingFieldAndPosition(String id) {
        AuditEvent event = TestEvents.invoiceDeleted().resource(Resource.of("invoice", id)).build();

        assertThatThrownBy(() -> validator.validate(event)).isInstanceOf(InvalidAuditEventException.class)
                .hasMessageStartingWith("resource.id contains control character U+")
                .hasMessageContaining("at index 3");
    }

    @Test
    void rejectsControlCharactersInActorOrganisationAndRequestIds() {
        assertThatThrownBy(() -> validator.validate(TestEvents.invoiceDeleted().actor(Actor.user("al\nice", null, null)).build()))
                .hasMessageStartingWith("actor.id contains control character U+000A at index 2");
        assertThatThrownBy(() -> validator.validate(TestEvents.invoiceDeleted().organizationId("ac\u0000me").build()))
                .hasMessageStartingWith("organization_id contains control character U+0000");
        assertThatThrownBy(() -> validator.validate(TestEvents.invoiceDeleted()
                .context(new RequestContext(null, null, "r\r1")).build()))
                .hasMessageStartingWith("context.request_id contains control character U+000D");
    }

    @Test
    void rejectsIdentifiersOverTheLengthBound() {
        AuditEvent event = TestEvents.invoiceDeleted().resource(Resource.of("invoice", "x".repeat(256))).build();

        assertThatThrownBy(() -> validator.validate(event))
                .hasMessage("resource.id is 256 characters long, over the limit of 255");
    }

    @Test
    void escapesAndCutsDisplayTextInsteadOfRejectingIt() {
        AuditEvent event = TestEvents.invoiceDeleted()
                .actor(Actor.user("mallory", "Mallory\r\n2026-01-01 INFO admin logged in", null))
                .resource(new Resource("invoice", "inv-1", "\u202eevil"))
                .context(new RequestContext("10.0.0.1", "x".repeat(5000), null))
                .build();

        AuditEvent safe = validator.validate(event);

        assertThat(safe.actor().name()).isEqualTo("Mallory\\u000d\\u000a2026-01-01 INFO admin logged in");
        assertThat(safe.resource().name()).isEqualTo("\\u202eevil");
        assertThat(safe.context().userAgent()).hasSize(1024).endsWith("…");
        assertThat(safe.id()).isEqualTo(event.id());
    }

    @Test
    void returnsTheSameInstanceWhenNothingNeedsEscaping() {
        AuditEvent event = TestEvents.invoiceDeleted().build();

        assertThat(validator.validate(event)).isSameAs(event);
    }

    @Test
    void rejectsMetadataOverTheSizeBound() {
        AuditEvent event = TestEvents.invoiceDeleted().metadata("blob", "x".repeat(70_000)).build();

        assertThatThrownBy(() -> validator.validate(event))
                .hasMessage("metadata is 70011 bytes serialised, over the limit of 65536");
    }

    @Test
    void rejectsMetadataNestedDeeperThanTheLimit() {
        Object deep = "leaf";
        for (int i = 0; i < 16; i++) {
            deep = Map.of("d", deep);
        }
        AuditEvent event = TestEvents.invoiceDeleted().metadata("root", deep).build();

        assertThatThrownBy(() -> validator.validate(event))
                .hasMessageStartingWith("metadata.root.d.d.d.d.d.d.d.d.d.d.d.d.d.d.d is nested deeper than the limit of 16");
    }

    @Test
    void rejectsBadMetadataKeys() {
        assertThatThrownBy(() -> validator.validate(TestEvents.invoiceDeleted().metadata("a\nb", 1).build()))
                .hasMessageStartingWith("metadata key 'a\\u000ab' contains control character U+000A");
        assertThatThrownBy(() -> validator.validate(TestEvents.invoiceDeleted().metadata(" ", 1).build()))
                .hasMessage("metadata has a blank key");
        assertThatThrownBy(() -> validator.validate(TestEvents.invoiceDeleted()
                .metadata("list", List.of(Map.of("k".repeat(300), 1))).build()))
                .hasMessageStartingWith("metadata.list[0] key");
    }
}
