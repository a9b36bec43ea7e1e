package io.auditrail.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.event.Actor;
import io.auditrail.core.event.ActorType;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.event.RequestContext;
import io.auditrail.core.event.Resource;
import io.auditrail.core.json.AuditEventCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The export's token-by-token rewrite gives the bytes of the way it was done before, kept here
 * as the oracle: each line read into an event, its {@link HostedEventView} serialised.
 */
class HostedJsonArrayStreamTest {

    private static final AuditEventCodec CODEC = new AuditEventCodec();

    static List<JsonMapper> mappers() {
        return List.of(JsonMapper.builder().build(),
                JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build(),
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build());
    }

    @ParameterizedTest
    @MethodSource("mappers")
    void writesWhatTheViewOfEachEventWrites(JsonMapper mapper) throws IOException {
        List<String> lines = lines();
        String expected = "[" + String.join(",", lines.stream()
                .map(line -> new String(mapper.writeValueAsBytes(HostedEventView.of(CODEC.fromJson(line))),
                        StandardCharsets.UTF_8))
                .toList()) + "]";
        byte[] export = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);

        assertThat(stream(mapper, export, export.length)).isEqualTo(expected);
        assertThat(stream(mapper, export, 1)).isEqualTo(expected);
        assertThat(stream(mapper, export, 13)).isEqualTo(expected);
    }

    private static String stream(JsonMapper mapper, byte[] export, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HostedJsonArrayStream array = new HostedJsonArrayStream(out, mapper);
        for (int i = 0; i < export.length; i += chunk) {
            array.write(export, i, Math.min(chunk, export.length - i));
        }
        array.finish();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Every shape a stored row takes, and numbers spelled as a database hands them back. */
    private static List<String> lines() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", null);
        nested.put("list", Arrays.asList(1L, "two", null, true, List.of(), Map.of()));
        nested.put("amount", new BigDecimal("12345678901234567890.01"));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("text", "quote \" back\\slash line\u2028sep bidi\u202e ctl\u0001 zoë 😀 <tag> =1");
        metadata.put("big", new BigInteger("123456789012345678901234567890"));
        metadata.put("small", new BigDecimal("0.0000001"));
        metadata.put("flag", false);
        metadata.put("nested", nested);
        AuditEvent full = AuditEvent.builder().id(UUID.fromString("0190f5a2-7b1c-7d3e-8f00-0123456789ab"))
                .timestamp(Instant.parse("2026-11-23T10:15:30.123456Z")).organizationId("org \"a\"")
                .actor(new Actor("u-1", "Zoë \u2028 Müller", "zoe@example.com", ActorType.SERVICE))
                .action("invoice.deleted").resource(new Resource("invoice", "inv\n1", "Invoice\t1"))
                .outcome(Outcome.failure("java.lang.IllegalStateException", "no \"way\""))
                .context(new RequestContext("10.0.0.1", "agent\u0000x", "req-1")).metadata(metadata).build();
        AuditEvent bare = AuditEvent.builder().id(UUID.fromString("0190f5a2-7b1c-7d3e-8f00-0123456789ac"))
                .timestamp(Instant.parse("2026-01-01T00:00:00Z")).actor(Actor.system("cron"))
                .action("job.ran").resource(Resource.of("job", "nightly")).build();
        List<String> lines = new ArrayList<>(List.of(CODEC.toJson(full), CODEC.toJson(bare)));
        String numbers = "{\"a\":1.50,\"b\":1.5e3,\"c\":-0,\"d\":0.0,\"e\":-0.00,\"f\":1E-7,\"g\":9223372036854775808,"
                + "\"h\":-9223372036854775808,\"i\":100.000,\"j\":[2.50,{\"k\":3.0e-2}],\"l\":1e400}";
        String bareLine = CODEC.toJson(bare);
        lines.add(bareLine.substring(0, bareLine.length() - 1) + ",\"metadata\":" + numbers + "}");
        return lines;
    }
}
