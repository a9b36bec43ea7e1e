package io.auditrail.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.InvalidAuditEventException;
import io.auditrail.core.event.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link AuditEventCodec#storedMetadataToJson(String)} must give the text that parsing the
 * stored JSON, validating it as an event's metadata and serialising it again gives, including
 * for number spellings a database returns that a validated event never holds.
 */
class StoredMetadataTest {

    private final AuditEventCodec codec = new AuditEventCodec();

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"k\": \"v\"}",
        "{\"amount\": 1.50, \"zero\": 0.0, \"minusZero\": -0, \"integral\": 4.000, \"exp\": 1.5e3, \"small\": 1E-7}",
        "{\"huge\": 1.5E+30, \"big\": -123456789012345678901234567890, \"long\": 9223372036854775807}",
        "{\"bigdec\": 12345678901234567890.123456789000, \"neg\": -0.000100}",
        "{\"z\": 1, \"a\": {\"nested\": [1, 2.0, \"x\", true, false, null, [], {}]}, \"n\": null}",
        "{\"text\": \"😀 ünïcödé 日本語 \\u2028 \\u202E \\u0007 \\t\\r\\n \\\" \\\\ /\"}",
        "{\"\": \"empty key\", \"line\\u2028key\": \"v\"}",
        "  {\"spaced\" :  [ 1 , 2 ] }  ",
    })
    void givesTheBytesOfTheValidatedMap(String stored) {
        AuditEvent validated = AuditEvent.builder().actor(Actor.system("s")).action("a.b")
                .resource(Resource.of("t", "1")).metadata(codec.metadataFromJson(stored)).build();

        assertThat(codec.storedMetadataToJson(stored)).isEqualTo(codec.metadataToJson(validated.metadata()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "{}", " { } "})
    void treatsAbsentOrEmptyMetadataAsNone(String stored) {
        assertThat(codec.storedMetadataToJson(stored)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1]", "\"text\"", "{\"k\": ", "{\"k\" 1}"})
    void refusesWhatIsNotAJsonObject(String stored) {
        assertThatThrownBy(() -> codec.storedMetadataToJson(stored)).isInstanceOf(InvalidAuditEventException.class)
                .hasMessageMatching("(metadata must be a JSON object|malformed JSON: .+)");
    }

    @Test
    void readsNullAsNone() {
        assertThat(codec.storedMetadataToJson(null)).isNull();
    }
}
