package io.auditrail.core.internal.stream.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.stream.DestinationKind;
import io.auditrail.core.stream.HealthState;
import io.auditrail.core.stream.InvalidStreamException;
import io.auditrail.core.stream.NewStream;
import io.auditrail.core.stream.StartPoint;
import io.auditrail.core.stream.StreamDefinition;
import io.auditrail.core.stream.StreamFormat;
import io.auditrail.core.stream.StreamHealth;
import io.auditrail.core.stream.StreamState;
import io.auditrail.core.stream.StreamUpdate;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamRequestsTest {

    @Test
    void aFullCreationRequestIsReadWithItsDefaults() {
        NewStream stream = StreamRequests.newStream("""
                {"name": "SIEM", "destination": "webhook", "url": "https://siem.example.com/audit",
                 "secret": "whsec_abc", "format": "ocsf", "backfill_from": "2026-12-01"}""");
        assertThat(stream).isEqualTo(new NewStream("SIEM", DestinationKind.WEBHOOK,
                URI.create("https://siem.example.com/audit"), StreamFormat.OCSF, "whsec_abc",
                StartPoint.backfillFrom(Instant.parse("2026-12-01T00:00:00Z"))));
        NewStream minimal = StreamRequests.newStream("""
                {"name": "HEC", "destination": "SPLUNK_HEC", "url": "https://hec.example.com:8088/services/collector/event",
                 "secret": "token", "backfill_from": "2026-12-01T09:30:00+01:00"}""");
        assertThat(minimal.format()).isEqualTo(StreamFormat.AUDITRAIL_JSON);
        assertThat(minimal.startPoint().backfillFrom()).isEqualTo(Instant.parse("2026-12-01T08:30:00Z"));
        assertThat(StreamRequests.newStream("""
                {"name": "n", "destination": "webhook", "url": "https://x.example", "secret": "s"}""")
                .startPoint().isNow()).isTrue();
    }

    @Test
    void aDatadogStreamMayNameItsSiteInsteadOfAUrl() {
        NewStream stream = StreamRequests.newStream("""
                {"name": "DD", "destination": "datadog", "site": "datadoghq.eu", "secret": "key"}""");
        assertThat(stream.url()).isEqualTo(URI.create("https://http-intake.logs.datadoghq.eu/api/v2/logs"));
        assertThatThrownBy(() -> StreamRequests.newStream("""
                {"name": "W", "destination": "webhook", "site": "datadoghq.eu", "secret": "key"}"""))
                .hasMessageStartingWith("site: only a datadog stream takes a site");
        assertThatThrownBy(() -> StreamRequests.newStream("""
                {"name": "DD", "destination": "datadog", "site": "datadoghq.eu", "url": "https://x.example", "secret": "k"}"""))
                .hasMessageStartingWith("site: give either a url or a Datadog site");
    }

    @Test
    void everyRefusalNamesItsField() {
        assertRefused("", "body: a JSON object is required");
        assertRefused("[1]", "body: a JSON object is required");
        assertRefused("{", "body: not valid JSON");
        assertRefused("{\"destination\": \"webhook\", \"url\": \"https://x.example\", \"secret\": \"s\"}", "name: required");
        assertRefused(create("name", "\"  \""), "name: must not be blank");
        assertRefused(create("name", "5"), "name: must be a string");
        assertRefused(create("destination", "\"email\""),
                "destination: 'email' is not one of webhook, splunk_hec, datadog");
        assertRefused(create("format", "\"cef\""), "format: 'cef' is not one of auditrail_json, ocsf");
        assertRefused(create("url", "\"/relative\""), "url: must be an absolute URL with a host");
        assertRefused(create("url", "\"https://x .example\""), "url: not a URL");
        assertRefused(create("backfill_from", "\"yesterday\""), "backfill_from: must be a date");
        assertRefused(create("headers", "{}"), "headers: unknown field; known fields are backfill_from,");
        assertRefused(create("bad\\u0007", "1"), "bad?: unknown field");
    }

    @Test
    void anUpdateChangesOnlyWhatItNamesAndNeverTheKindOrStart() {
        assertThat(StreamRequests.update("{\"name\": \"New\", \"secret\": \"whsec_x\"}"))
                .isEqualTo(new StreamUpdate("New", null, null, "whsec_x"));
        assertThat(StreamRequests.update("{\"url\": \"https://y.example/h\", \"format\": \"auditrail_json\"}"))
                .isEqualTo(new StreamUpdate(null, URI.create("https://y.example/h"), StreamFormat.AUDITRAIL_JSON, null));
        assertThatThrownBy(() -> StreamRequests.update("{}")).isInstanceOf(InvalidStreamException.class)
                .hasMessage("body: nothing to change; send one or more of format, name, secret, url");
        assertThatThrownBy(() -> StreamRequests.update("{\"destination\": \"datadog\"}"))
                .hasMessageStartingWith("destination: unknown field; known fields are format, name, secret, url;"
                        + " the destination and the start point stay as created");
        assertThatThrownBy(() -> StreamRequests.update("{\"name\": null}"))
                .hasMessageStartingWith("name: must be a string, not null");
    }

    @Test
    void aStreamIsWrittenWithItsHealthAndWithoutAnySecret() {
        Instant created = Instant.parse("2026-12-07T10:00:00Z");
        StreamDefinition stream = new StreamDefinition("0d9c1f4e-2b4a-4f7e-9a55-3f1c2b6d7e80", "acme", "SIEM",
                DestinationKind.SPLUNK_HEC, URI.create("https://hec.example.com/services/collector/event"),
                StreamFormat.OCSF, StreamState.PAUSED, StartPoint.now(), created, created.plusSeconds(5));
        StreamHealth health = new StreamHealth(stream.id(), HealthState.PAUSED, 42, Duration.ofSeconds(90),
                "HTTP 401 from receiver: bad token", created.plusSeconds(4), null, null, 10, 2);
        String json = StreamViews.stream(stream, health);
        assertThat(json).isEqualTo("{\"id\":\"0d9c1f4e-2b4a-4f7e-9a55-3f1c2b6d7e80\",\"name\":\"SIEM\","
                + "\"destination\":\"splunk_hec\",\"url\":\"https://hec.example.com/services/collector/event\","
                + "\"format\":\"ocsf\",\"active\":false,\"state\":\"paused\",\"lag_events\":42,\"lag_seconds\":90,"
                + "\"last_error\":\"HTTP 401 from receiver: bad token\",\"last_error_at\":\"2026-12-07T10:00:04Z\","
                + "\"last_delivered_at\":null,\"next_attempt_at\":null,\"delivered\":10,\"failed\":2,"
                + "\"backfill_from\":null,\"created_at\":\"2026-12-07T10:00:00Z\",\"updated_at\":\"2026-12-07T10:00:05Z\"}");
        assertThat(StreamViews.list(List.of(Map.entry(stream, health)))).startsWith("{\"streams\":[{\"id\":");
    }

    /** A valid creation body with some fields replaced or added, each given as "key", raw JSON value. */
    private static String create(String... overrides) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("name", "\"n\"", "destination", "\"webhook\"",
                "url", "\"https://x.example\"", "secret", "\"s\""));
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        StringBuilder json = new StringBuilder("{");
        fields.forEach((key, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(key).append("\":")
                .append(value));
        return json.append('}').toString();
    }

    private static void assertRefused(String body, String message) {
        assertThatThrownBy(() -> StreamRequests.newStream(body)).isInstanceOf(InvalidStreamException.class)
                .hasMessageStartingWith(message);
    }
}
