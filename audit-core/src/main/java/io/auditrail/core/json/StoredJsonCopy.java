package io.auditrail.core.json;

import java.math.BigDecimal;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Copies stored metadata from a parser to a generator with the number forms an event's
 * metadata takes once validated (an integral value as an integer, a decimal without trailing
 * zeros, written plain), so that the copy has the bytes the parsed, validated and
 * re-serialised map would have had.
 */
final class StoredJsonCopy {

    private StoredJsonCopy() {
    }

    /**
     * Copies an object whose start the caller has already read and written.
     *
     * @param parser positioned on the object's first token after its start
     * @param first that token
     * @param generator inside the started object
     */
    static void copyObjectBody(JsonParser parser, JsonToken first, JsonGenerator generator) {
        int depth = 1;
        JsonToken token = first;
        while (true) {
            switch (token) {
                case START_OBJECT -> {
                    generator.writeStartObject();
                    depth++;
                }
                case START_ARRAY -> {
                    generator.writeStartArray();
                    depth++;
                }
                case END_OBJECT -> {
                    generator.writeEndObject();
                    depth--;
                }
                case END_ARRAY -> {
                    generator.writeEndArray();
                    depth--;
                }
                case PROPERTY_NAME -> generator.writeName(parser.currentName());
                case VALUE_STRING -> generator.writeString(parser.getString());
                case VALUE_NUMBER_INT -> copyInteger(parser, generator);
                case VALUE_NUMBER_FLOAT -> writeDecimal(parser.getDecimalValue(), generator);
                case VALUE_TRUE -> generator.writeBoolean(true);
                case VALUE_FALSE -> generator.writeBoolean(false);
                case VALUE_NULL -> generator.writeNull();
                default -> throw new IllegalStateException("unexpected JSON token " + token);
            }
            if (depth == 0) {
                return;
            }
            token = parser.nextToken();
        }
    }

    private static void copyInteger(JsonParser parser, JsonGenerator generator) {
        JsonParser.NumberType type = parser.getNumberType();
        if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
            generator.writeNumber(parser.getLongValue());
        } else {
            generator.writeNumber(parser.getBigIntegerValue());
        }
    }

    /** The validated form: zero and integral decimals become integers, other decimals lose trailing zeros. */
    private static void writeDecimal(BigDecimal value, JsonGenerator generator) {
        if (value.signum() == 0) {
            generator.writeNumber(0L);
            return;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            generator.writeNumber(stripped.toBigIntegerExact());
        } else {
            generator.writeNumber(stripped);
        }
    }
}
