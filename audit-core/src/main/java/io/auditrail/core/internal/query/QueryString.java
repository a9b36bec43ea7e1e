package io.auditrail.core.internal.query;

import io.auditrail.core.store.InvalidAuditQueryException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a raw URL query string ({@code a=1&b=x+y}) as UTF-8, strictly: a broken escape or a
 * byte sequence that is not UTF-8 is refused with the parameter's name, where a servlet
 * container would fail the whole request without saying which parameter was wrong.
 */
public final class QueryString {

    private QueryString() {
    }

    /**
     * Decodes a query string.
     *
     * @param raw the query string as sent, without the {@code ?}; {@code null} or empty for none
     * @return each name with its values in the order given; unmodifiable
     * @throws InvalidAuditQueryException naming the parameter whose name or value is not valid
     *         percent-encoded UTF-8
     */
    public static Map<String, List<String>> decode(String raw) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return Collections.unmodifiableMap(parameters);
        }
        for (String pair : raw.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name = decode(rawName, rawName);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), name);
            parameters.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
        }
        parameters.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(parameters);
    }

    private static String decode(String text, String parameter) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        ByteBuffer bytes = ByteBuffer.allocate(text.length() * 3);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes.put((byte) ' ');
            } else if (c == '%') {
                int high = i + 1 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = i + 2 < text.length() ? Character.digit(text.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw invalid(parameter, "has a '%' not followed by two hexadecimal digits");
                }
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else {
                int codePoint = text.codePointAt(i);
                bytes.put(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint) - 1;
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw invalid(parameter, "is not valid UTF-8 once percent-decoded");
        }
    }

    private static InvalidAuditQueryException invalid(String parameter, String problem) {
        return new InvalidAuditQueryException("parameter '" + parameter + "' " + problem);
    }
}
