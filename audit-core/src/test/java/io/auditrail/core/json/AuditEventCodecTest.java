package io.auditrail.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.TestEvents;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.InvalidAuditEventException;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.event.RequestContext;
import io.auditrail.core.event.Resource;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditEventCodecTest {

    private final AuditEventCodec codec = new AuditEventCodec();

    private AuditEvent richEvent() {
        return TestEvents.invoiceDeleted()
                .outcome(Outcome.failure("java.lang.IllegalStateException", "already paid"))
                .context(new RequestContext("203.0.113.9", "curl/8.5", "req-1"))
                .metadata("amount", new BigDecimal("12.50"))
                .metadata("count", 3)
                .metadata("tags", List.of("a", "ü", true))
                .metadata("nested", Map.of("k", Map.of("deep", "v")))
                .metadata("nothing", null)
                .build();
    }

    @Test
    void roundTripsEveryField() {
        AuditEvent event = richEvent();

        assertThat(codec.fromJson(codec.toJson(event))).isEqualTo(event);
    }

    @Test
    void writesSchemaFieldNamesWithSixFractionDigits() {
        String json = codec.toJson(TestEvents.invoiceDeleted().build());

        assertThat(json).startsWith("{\"id\":\"").contains("\"timestamp\":\"2026-11-23T10:15:30.123456Z\"")
                .contains("\"organization_id\":\"acme\"")
                .contains("\"actor\":{\"id\":\"alice\",\"name\":\"Alice Liddell\",\"email\":\"alice@example.com\",\"type\":\"user\"}")
                .contains("\"resource\":{\"type\":\"invoice\",\"id\":\"inv-42\",\"name\":\"INV-2026-0042\"}")
                .contains("\"outcome\":\"success\"").doesNotContain("error").doesNotContain("context");
    }

    @Test
    void canonicalFormSortsKeysAtEveryLevelAndIgnoresInsertionOrder() {
        Map<String, Object> forward = new LinkedHashMap<>();
        forward.put("b", 1);
        forward.put("a", Map.of("z", 1, "y", 2));
        Map<String, Object> backward = new LinkedHashMap<>();
        backward.put("a", Map.of("y", 2, "z", 1));
        backward.put("b", 1);
        AuditEvent first = TestEvents.invoiceDeleted().metadata(forward).build();
        AuditEvent second = new AuditEvent(first.id(), first.timestamp(), first.organizationId(), first.actor(), first.action(),
                first.resource(), first.outcome(), first.context(), backward);

        String canonical = new String(codec.toCanonicalJson(first), StandardCharsets.UTF_8);
        assertThat(codec.toCanonicalJson(second)).isEqualTo(codec.toCanonicalJson(first));
        assertThat(canonical).startsWith("{\"action\":\"invoice.deleted\",\"actor\":{\"email\":")
                .contains("\"metadata\":{\"a\":{\"y\":2,\"z\":1},\"b\":1}").doesNotContainPattern("[{:,] ");
    }

    @Test
    void canonicalFormIsStableAcrossARoundTrip() {
        AuditEvent event = richEvent();

        assertThat(codec.toCanonicalJson(codec.fromJson(codec.toJson(event)))).isEqualTo(codec.toCanonicalJson(event));
    }

    /** The expected texts are what the encoder wrote before it stopped building sorted maps. */
    @Test
    void canonicalFormIsByteForByteTheOneHashChainsWereBuiltOn() {
        AuditEvent event = TestEvents.invoiceDeleted()
                .id(UUID.fromString("0193a8d2-7c4e-7b1a-9f3e-2d5c6b7a8e90"))
                .outcome(Outcome.failure("java.lang.IllegalStateException", "caf\u00e9 \u2028 \"quoted\" \\ \u0007"))
                .context(new RequestContext("203.0.113.9", null, "req-1"))
                .metadata("zeta", Map.of("\u00e9", 1, "E", List.of(new BigDecimal("1.50"),
                        Map.of("b", false, "a", "\ud83d\ude00"))))
                .metadata("amount", new BigDecimal("-0.000"))
                .metadata("big", new BigInteger("123456789012345678901234567890"))
                .metadata("nothing", null)
                .build();
        AuditEvent bare = AuditEvent.builder().id(event.id()).timestamp(Instant.parse("1970-01-01T00:00:00Z"))
                .actor(Actor.system("cron")).action("job.ran").resource(Resource.of("job", "j")).build();

        assertThat(new String(codec.toCanonicalJson(event), StandardCharsets.UTF_8)).isEqualTo("{"
                + "\"action\":\"invoice.deleted\","
                + "\"actor\":{\"email\":\"alice@example.com\",\"id\":\"alice\",\"name\":\"Alice Liddell\",\"type\":\"user\"},"
                + "\"context\":{\"ip\":\"203.0.113.9\",\"request_id\":\"req-1\"},"
                + "\"error\":{\"message\":\"caf\u00e9 \\u2028 \\\"quoted\\\" \\\\ \\u0007\","
                + "\"type\":\"java.lang.IllegalStateException\"},"
                + "\"id\":\"0193a8d2-7c4e-7b1a-9f3e-2d5c6b7a8e90\","
                + "\"metadata\":{\"amount\":0,\"big\":123456789012345678901234567890,\"nothing\":null,"
                + "\"zeta\":{\"E\":[1.5,{\"a\":\"\ud83d\ude00\",\"b\":false}],\"\u00e9\":1}},"
                + "\"organization_id\":\"acme\",\"outcome\":\"failure\","
                + "\"resource\":{\"id\":\"inv-42\",\"name\":\"INV-2026-0042\",\"type\":\"invoice\"},"
                + "\"timestamp\":\"2026-11-23T10:15:30.123456Z\"}");
        assertThat(new String(codec.toCanonicalJson(bare), StandardCharsets.UTF_8)).isEqualTo("{"
                + "\"action\":\"job.ran\",\"actor\":{\"id\":\"cron\",\"type\":\"system\"},"
                + "\"id\":\"0193a8d2-7c4e-7b1a-9f3e-2d5c6b7a8e90\",\"outcome\":\"success\","
                + "\"resource\":{\"id\":\"j\",\"type\":\"job\"},\"timestamp\":\"1970-01-01T00:00:00.000000Z\"}");
    }

    /** The canonical writer copies plain text itself; every ASCII character must come out as the generator writes it. */
    @Test
    void canonicalFormEscapesTextAsTheGeneratorDoesWhereverTheCharacterFalls() {
        for (char c = 0; c < 0x80; c++) {
            for (int at = 0; at < 17; at++) {
                String text = "abcdefghijklmnopq".substring(0, at) + c + "rstuvwxyz0123456".substring(at % 16);
                AuditEvent event = TestEvents.invoiceDeleted().metadata("k", text).build();

                assertThat(new String(codec.toCanonicalJson(event), StandardCharsets.UTF_8))
                        .contains("\"metadata\":" + codec.metadataToJson(Map.of("k", text)) + ",");
            }
        }
    }

    @Test
    void canonicalFormWritesSurrogatesAndQuestionMarksAsTheGeneratorDoes() {
        for (String text : List.of("lone \ud800 high", "lone \udc00 low", "?\ud83d\ude00?", "\ud83d", "a?b", "\u00e9?\ud800")) {
            AuditEvent event = TestEvents.invoiceDeleted().metadata("k", text).build();

            assertThat(new String(codec.toCanonicalJson(event), StandardCharsets.UTF_8))
                    .contains("\"metadata\":" + codec.metadataToJson(Map.of("k", text)) + ",");
        }
    }

    /** A batch reuses one buffer: nothing of an earlier event, however long or escaped, may leak into the next. */
    @Test
    void aBatchEncodesEveryEventAsItWouldBeEncodedAlone() {
        AuditEvent escaped = TestEvents.invoiceDeleted().metadata("k", "lone \ud800 \u2028 \"quoted\"").build();
        AuditEvent huge = TestEvents.invoiceDeleted().metadata("k", "x\u00e9".repeat(3000)).build();
        AuditEvent bare = AuditEvent.builder().actor(Actor.system("cron")).action("job.ran")
                .resource(Resource.of("job", "j")).build();
        List<AuditEvent> batch = List.of(huge, escaped, bare, richEvent(), huge, bare);

        List<byte[]> encoded = codec.toCanonicalJson(batch);

        assertThat(encoded).hasSize(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            assertThat(new String(encoded.get(i), StandardCharsets.UTF_8))
                    .isEqualTo(new String(codec.toCanonicalJson(batch.get(i)), StandardCharsets.UTF_8));
        }
        assertThat(codec.toCanonicalJson(List.of())).isEmpty();
    }

    @Test
    void formatsTimestampsOutsideFourDigitYearsWithASign() {
        assertThat(AuditEventCodec.formatTimestamp(Instant.parse("+10000-01-01T00:00:00.000001Z")))
                .isEqualTo("+10000-01-01T00:00:00.000001Z");
        assertThat(AuditEventCodec.formatTimestamp(Instant.parse("0000-12-31T23:59:59.999999Z")))
                .isEqualTo("0000-12-31T23:59:59.999999Z");
    }

    @Test
    void escapesControlSeparatorAndBidiCharactersSoEveryDocumentIsOneLine() {
        AuditEvent event = TestEvents.invoiceDeleted()
                .metadata("note", "line1\r\nline2\u0000\u001b[31mred\u2028\u202eevil\u0085").build();

        String json = codec.toJson(event);

        assertThat(json).doesNotContain("\n", "\r", "\u0000", "\u001b", "\u2028", "\u202e", "\u0085")
                .contains("line1\\r\\nline2\\u0000\\u001B[31mred\\u2028\\u202eevil\\u0085");
        assertThat(codec.fromJson(json)).isEqualTo(event);
    }

    @Test
    void hostedApiShapeUsesTheApiFieldsAndCarriesTheRestInMetadata() {
        AuditEvent event = richEvent();
        String json = codec.toHostedApiJson(event);

        assertThat(json).startsWith("{\"actor\":{\"id\":\"alice\",\"name\":\"Alice Liddell\",\"email\":\"alice@example.com\"},"
                + "\"action\":\"invoice.deleted\",\"resource\":{\"type\":\"invoice\",\"id\":\"inv-42\",\"name\":\"INV-2026-0042\"},"
                + "\"organization_id\":\"acme\",\"timestamp\":\"2026-11-23T10:15:30.123456Z\",\"metadata\":{\"amount\":12.5,")
                .contains("\"_auditrail\":{\"event_id\":\"" + event.id() + "\"")
                .contains("\"actor_type\":\"user\",\"outcome\":\"failure\",\"error_type\":\"java.lang.IllegalStateException\"")
                .contains("\"ip\":\"203.0.113.9\",\"user_agent\":\"curl/8.5\",\"request_id\":\"req-1\"");
    }

    @Test
    void readingGivesSpecificErrors() {
        assertThatThrownBy(() -> codec.fromJson("{not json")).isInstanceOf(InvalidAuditEventException.class)
                .hasMessageStartingWith("malformed JSON");
        String valid = codec.toJson(TestEvents.invoiceDeleted().build());
        assertThatThrownBy(() -> codec.fromJson(valid.replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"nope\"")))
                .hasMessage("id is not a UUID: 'nope'");
        assertThatThrownBy(() -> codec.fromJson(valid.replace("\"type\":\"user\"", "\"type\":\"robot\"")))
                .hasMessage("actor.type must be one of user, service, system, anonymous but was 'robot'");
        assertThatThrownBy(() -> codec.fromJson(valid.replace("\"action\":\"invoice.deleted\",", "")))
                .hasMessage("action is required and must not be blank");
    }

    @Test
    void measuresMetadataInUtf8Bytes() {
        assertThat(codec.metadataSize(Map.of())).isEqualTo(2);
        assertThat(codec.metadataSize(Map.of("k", "é"))).isEqualTo("{\"k\":\"é\"}".getBytes(StandardCharsets.UTF_8).length);
        assertThat(codec.metadataFromJson(codec.metadataToJson(Map.of("n", 1L)))).containsEntry("n",
                java.math.BigInteger.ONE);
        assertThat(Actor.anonymous().type().wireName()).isEqualTo("anonymous");
    }

    @Test
    void leavesTheCallersStreamOpen() {
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream() {
            @Override
            public void close() {
                closed.set(true);
            }
        };

        AuditEvent event = TestEvents.event(1);

        codec.writeJson(event, out);

        assertThat(closed).isFalse();
        assertThat(codec.fromJson(out.toString(StandardCharsets.UTF_8))).isEqualTo(event);
    }
}
