package io.auditrail.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Resource;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one-pass copy of stored metadata either gives exactly the text of parsing, validating
 * and serialising it again, or declines and leaves it to the token copy.
 */
class CompactStoredJsonTest {

    private final AuditEventCodec codec = new AuditEventCodec();

    @Test
    void returnsTheStoredStringItselfWhenTheCodecWroteIt() {
        String stored = codec.metadataToJson(validated("{\"amount\": 42, \"currency\": \"EUR\", \"rate\": -0.25}"));

        assertThat(CompactStoredJson.compact(stored)).isSameAs(stored);
    }

    @Test
    void dropsTheSpacesPostgresqlPutsBetweenTokens() {
        String jsonb = "{\"a\": [1, {\"b\": null}, true, false, \"x, y: z\"], \"é 日本\": \"q \\\" \\\\ \\n\"}";

        assertThat(CompactStoredJson.compact(jsonb))
                .isEqualTo("{\"a\":[1,{\"b\":null},true,false,\"x, y: z\"],\"é 日本\":\"q \\\" \\\\ \\n\"}")
                .isEqualTo(oracle(jsonb));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", " { } ", "{\"n\": -0}", "{\"n\": 1.50}", "{\"n\": 0.0}", "{\"n\": 1e3}", "{\"n\": 1E-7}", "{\"n\": 01}",
        "{\"s\": \"\\u0041\"}", "{\"s\": \"\\/\"}", "{\"s\": \"\u2028\"}", "{\"s\": \"\u202E\"}", "{\"s\": \"\u0085\"}",
        "{\"s\": \"\u007F\"}", "{\"s\": \"😀\"}", "{\"k\" 1}", "{\"k\": }", "{\"k\": 1,}", "{\"k\": 1} x", "[1]",
        "{\"k\": tru}", "{\"k\": \"open}", "{'k': 1}", "{\"k\": 1.}", "{\"k\": -}", "{\"k\": .5}",
    })
    void leavesEverythingElseToTheTokenCopy(String stored) {
        assertThat(CompactStoredJson.compact(stored)).isNull();
    }

    /** Random documents in every spelling; whatever the fast path accepts must match the oracle byte for byte. */
    @Test
    void agreesWithTheValidatedMapOnRandomDocuments() {
        Random random = new Random(19);
        int accepted = 0;
        for (int i = 0; i < 3000; i++) {
            String stored = object(random, 0);
            String fast = CompactStoredJson.compact(stored);
            String expected = oracle(stored);
            assertThat(codec.storedMetadataToJson(stored)).as(stored).isEqualTo(expected);
            if (fast != null) {
                assertThat(fast).as(stored).isEqualTo(expected);
                accepted++;
            }
        }
        assertThat(accepted).as("documents the fast path copied").isBetween(300, 2700);
    }

    private String oracle(String stored) {
        return codec.metadataToJson(validated(stored));
    }

    private java.util.Map<String, Object> validated(String stored) {
        return AuditEvent.builder().actor(Actor.system("s")).action("a.b").resource(Resource.of("t", "1"))
                .metadata(codec.metadataFromJson(stored)).build().metadata();
    }

    private static String object(Random random, int depth) {
        StringBuilder json = new StringBuilder().append(space(random)).append('{');
        int size = 1 + random.nextInt(4);
        for (int i = 0; i < size; i++) {
            json.append(i == 0 ? "" : ",").append(space(random)).append(key(random, i)).append(space(random))
                    .append(':').append(space(random)).append(value(random, depth)).append(space(random));
        }
        return json.append('}').append(space(random)).toString();
    }

    private static String value(Random random, int depth) {
        return switch (random.nextInt(depth < 3 ? 7 : 5)) {
            case 0 -> string(random);
            case 1, 2 -> number(random);
            case 3 -> new String[] {"true", "false", "null"}[random.nextInt(3)];
            case 4 -> random.nextInt(4) == 0 ? "[]" : "[" + space(random) + value(random, depth + 1) + ","
                    + space(random) + value(random, depth + 1) + "]";
            default -> object(random, depth + 1);
        };
    }

    private static String number(Random random) {
        String[] forms = {"0", "-0", "7", "-17", "120", "9223372036854775807", "-123456789012345678901234567890",
            "1.5", "-0.25", "0.05", "10.50", "0.0", "-0.0", "4.000", "1e3", "1.5E+30", "1E-7", "12.500e-1"};
        return forms[random.nextInt(forms.length)];
    }

    /** Unique within the object: stored metadata is a map, and {@code jsonb} keeps one value per key. */
    private static String key(Random random, int index) {
        return "\"" + index + string(random).substring(1);
    }

    private static String string(Random random) {
        String[] parts = {"k", "amount", " ", ",", ":", "ü", "日本", "😀", "\\\"", "\\\\", "\\n", "\\t", "\\r", "\\b",
            "\\f", "\\/", "\\u0041", "\\u2028", "\u2028", "\u202E", "\u00A0", "\uFF1D", "{", "]"};
        StringBuilder text = new StringBuilder("\"");
        int length = random.nextInt(4);
        for (int i = 0; i < length; i++) {
            text.append(parts[random.nextInt(parts.length)]);
        }
        return text.append('"').toString();
    }

    private static String space(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> " ";
            case 1 -> "\n\t ";
            default -> "";
        };
    }
}
