package io.auditrail.core.internal.stream.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.event.RequestContext;
import io.auditrail.core.event.Resource;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.stream.StreamFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

/**
 * Every OCSF object the stream format emits satisfies its class's required attributes and its
 * objects' rules as published in OCSF 1.3.0 (github.com/ocsf/ocsf-schema, tag 1.3.0; see
 * {@link OcsfSchema}), for every class the mapping uses, with and without optional context.
 */
class OcsfSchemaConformanceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OcsfSchema SCHEMA = new OcsfSchema();
    private final EventFormatter formatter = EventFormatter.of(StreamFormat.OCSF, new AuditEventCodec());

    @ParameterizedTest(name = "{0} on {1} -> {2} activity {3}")
    @CsvSource({
        "user.login, session, events/iam/authentication.json, 1",
        "user.logout, session, events/iam/authentication.json, 2",
        "user.2fa.verified, session, events/iam/authentication.json, 1",
        "member.added, member, events/iam/account_change.json, 1",
        "member.removed, member, events/iam/account_change.json, 6",
        "member.role_changed, member, events/iam/account_change.json, 99",
        "user.password.reset, user, events/iam/account_change.json, 4",
        "user.mfa.disabled, user, events/iam/account_change.json, 11",
        "api_key.created, api_key, events/iam/entity_management.json, 1",
        "api_key.revoked, api_key, events/iam/entity_management.json, 4",
        "role.updated, role, events/iam/entity_management.json, 3",
        "invoice.deleted, invoice, events/application/api.json, 4",
        "invoice.viewed, invoice, events/application/api.json, 2",
        "invoice.sent, invoice, events/application/api.json, 3",
        "report.generated, report, events/application/api.json, 99",
    })
    void eachMappedEventSatisfiesItsClass(String action, String resourceType, String classFile, int activity) {
        for (AuditEvent event : List.of(full(action, resourceType), bare(action, resourceType))) {
            JsonNode ocsf = JSON.readTree(formatter.format(event));
            assertThat(SCHEMA.violations(classFile, ocsf)).as(ocsf.toString()).isEmpty();
            assertThat(ocsf.get("activity_id").asInt()).isEqualTo(activity);
            assertThat(ocsf.get("metadata").get("version").asString()).isEqualTo(OcsfSchema.VERSION)
                    .isEqualTo(StreamFormat.OCSF_VERSION);
            assertThat(ocsf.get("metadata").get("uid").asString()).isEqualTo(event.id().toString());
            assertThat(ocsf.get("time").asLong()).isEqualTo(event.timestamp().toEpochMilli());
        }
    }

    @Test
    void theCheckerCatchesAMissingRequiredAttribute() {
        JsonNode ocsf = JSON.readTree(formatter.format(full("user.login", "session")));
        ((tools.jackson.databind.node.ObjectNode) ocsf).remove("user");
        assertThat(SCHEMA.violations("events/iam/authentication.json", ocsf)).contains("missing required attribute user");
        JsonNode api = JSON.readTree(formatter.format(full("invoice.deleted", "invoice")));
        ((tools.jackson.databind.node.ObjectNode) api.get("metadata").get("product")).remove("vendor_name");
        assertThat(SCHEMA.violations("events/application/api.json", api))
                .contains("metadata.product misses required attribute vendor_name");
    }

    @Test
    void aFailureCarriesTheFailureStatus() {
        AuditEvent failed = full("invoice.deleted", "invoice").toBuilder()
                .outcome(Outcome.failure("java.lang.IllegalStateException", null)).build();
        JsonNode ocsf = JSON.readTree(formatter.format(failed));
        assertThat(ocsf.get("status_id").asInt()).isEqualTo(2);
        assertThat(ocsf.get("status_detail").asString()).isEqualTo("java.lang.IllegalStateException");
        assertThat(SCHEMA.violations("events/application/api.json", ocsf)).isEmpty();
    }

    private static AuditEvent full(String action, String resourceType) {
        return AuditEvent.builder().organizationId("acme").actor(Actor.user("u-1", "Alice", "alice@example.com"))
                .action(action).resource(new Resource(resourceType, "r-1", "Thing"))
                .context(new RequestContext("203.0.113.9", "curl/8", "req-1")).metadata("k", "v").build();
    }

    private static AuditEvent bare(String action, String resourceType) {
        return AuditEvent.builder().actor(Actor.system("scheduler")).action(action)
                .resource(Resource.of(resourceType, "r-2")).build();
    }
}
