package io.auditrail.core.json;

import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.event.RequestContext;
import io.auditrail.core.event.Resource;
import io.auditrail.core.event.UnsafeCharacters;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Writes one event's canonical JSON straight into bytes, fields in sorted key order. Sinks encode
 * every event this way, and through Jackson most of the time went to its per-character escaping
 * loop and its buffer pool. Text with nothing to escape (ASCII, and non-ASCII that is neither a
 * surrogate nor unsafe) is copied here; any other text, and numbers other than {@code Long}, are
 * written by the codec's own generator ({@code jackson}), so the bytes equal the generator's in
 * every case. Not thread-safe: one per thread, reused for the events of a batch.
 */
final class CanonicalEventWriter {

    /** The ASCII characters the codec's generator escapes; a zero entry is written as it is. */
    private static final int[] ASCII_ESCAPES = new LineSafeEscapes().getEscapeCodesForAscii();

    private static final byte[] ACTION = quotedName("action");
    private static final byte[] ACTOR = quotedName("actor");
    private static final byte[] CONTEXT = quotedName("context");
    private static final byte[] EMAIL = quotedName("email");
    private static final byte[] ERROR = quotedName("error");
    private static final byte[] ID = quotedName("id");
    private static final byte[] IP = quotedName("ip");
    private static final byte[] MESSAGE = quotedName("message");
    private static final byte[] METADATA = quotedName("metadata");
    private static final byte[] NAME = quotedName("name");
    private static final byte[] ORGANIZATION_ID = quotedName("organization_id");
    private static final byte[] OUTCOME = quotedName("outcome");
    private static final byte[] REQUEST_ID = quotedName("request_id");
    private static final byte[] RESOURCE = quotedName("resource");
    private static final byte[] TIMESTAMP = quotedName("timestamp");
    private static final byte[] TYPE = quotedName("type");
    private static final byte[] USER_AGENT = quotedName("user_agent");
    private static final byte[] NULL = ascii("null");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");

    private static final Comparator<Map.Entry<String, ?>> BY_KEY = (a, b) -> a.getKey().compareTo(b.getKey());

    private final Function<Object, byte[]> jackson;
    /** Room for a typical event (about 600 bytes), so the buffer rarely grows. */
    private byte[] bytes = new byte[1024];
    private int length;
    /** Whether the next property of the open object needs a comma before it. */
    private boolean afterValue;

    /**
     * @param jackson the codec's generator writing one JSON value, the reference for anything
     *        this class does not copy itself
     */
    CanonicalEventWriter(Function<Object, byte[]> jackson) {
        this.jackson = jackson;
    }

    /**
     * The event's canonical bytes. The buffer is kept for the next call, so a batch encoded by
     * one writer allocates little more than the bytes it returns.
     */
    byte[] write(AuditEvent event) {
        length = 0;
        startObject();
        property(ACTION, event.action());
        Actor actor = event.actor();
        name(ACTOR);
        startObject();
        property(EMAIL, actor.email());
        property(ID, actor.id());
        property(NAME, actor.name());
        property(TYPE, actor.type().wireName());
        endObject();
        RequestContext context = event.context();
        if (!context.isEmpty()) {
            name(CONTEXT);
            startObject();
            property(IP, context.ip());
            property(REQUEST_ID, context.requestId());
            property(USER_AGENT, context.userAgent());
            endObject();
        }
        Outcome outcome = event.outcome();
        if (!outcome.isSuccess()) {
            name(ERROR);
            startObject();
            property(MESSAGE, outcome.errorMessage());
            property(TYPE, outcome.errorType());
            endObject();
        }
        name(ID);
        asciiString(event.id().toString());
        if (!event.metadata().isEmpty()) {
            name(METADATA);
            sorted(event.metadata());
        }
        property(ORGANIZATION_ID, event.organizationId());
        property(OUTCOME, outcome.status().wireName());
        Resource resource = event.resource();
        name(RESOURCE);
        startObject();
        property(ID, resource.id());
        property(NAME, resource.name());
        property(TYPE, resource.type());
        endObject();
        name(TIMESTAMP);
        asciiString(AuditEventCodec.formatTimestamp(event.timestamp()));
        endObject();
        return Arrays.copyOf(bytes, length);
    }

    /** A metadata value with the keys of every object sorted. */
    private void sorted(@Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            // Metadata keys are strings (AuditEvent checks); sorting the entries spares a lookup per key.
            @SuppressWarnings("unchecked")
            Map.Entry<String, ?>[] entries = map.entrySet().toArray(new Map.Entry[map.size()]);
            Arrays.sort(entries, BY_KEY);
            startObject();
            for (Map.Entry<String, ?> entry : entries) {
                comma();
                string(entry.getKey());
                append((byte) ':');
                sorted(entry.getValue());
                afterValue = true;
            }
            endObject();
        } else if (value instanceof List<?> list) {
            append((byte) '[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    append((byte) ',');
                }
                sorted(list.get(i));
            }
            append((byte) ']');
        } else if (value == null) {
            append(NULL);
        } else if (value instanceof String text) {
            string(text);
        } else if (value instanceof Boolean flag) {
            append(flag ? TRUE : FALSE);
        } else if (value instanceof Long number) {
            asciiText(number.toString());
        } else {
            append(jackson.apply(value));
        }
    }

    private void startObject() {
        append((byte) '{');
        afterValue = false;
    }

    private void endObject() {
        append((byte) '}');
        afterValue = true;
    }

    private void name(byte[] quotedName) {
        comma();
        append(quotedName);
    }

    private void comma() {
        if (afterValue) {
            append((byte) ',');
        }
    }

    /** A string property, left out when the value is {@code null}, as the readable form does. */
    private void property(byte[] quotedName, @Nullable String value) {
        if (value != null) {
            name(quotedName);
            string(value);
            afterValue = true;
        }
    }

    /**
     * A string, copied character by character: anything the codec's generator would write
     * differently (an escape, a surrogate, an unsafe character) hands the whole string to it.
     */
    private void string(String text) {
        int start = length;
        // At most three bytes per UTF-16 unit for the text that is copied here.
        ensure(text.length() * 3 + 2);
        byte[] out = bytes;
        int at = length;
        out[at++] = '"';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (ASCII_ESCAPES[c] != 0) {
                    length = start;
                    append(jackson.apply(text));
                    return;
                }
                out[at++] = (byte) c;
            } else if (Character.isSurrogate(c) || UnsafeCharacters.isUnsafe(c)) {
                length = start;
                append(jackson.apply(text));
                return;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            } else {
                out[at++] = (byte) (0xE0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        out[at++] = '"';
        length = at;
    }

    /** Text known to be plain ASCII (a UUID, a timestamp), quoted without looking for escapes. */
    private void asciiString(String text) {
        append((byte) '"');
        asciiText(text);
        append((byte) '"');
        afterValue = true;
    }

    private void asciiText(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
    }

    private void append(byte b) {
        ensure(1);
        bytes[length++] = b;
    }

    private void append(byte[] more) {
        ensure(more.length);
        System.arraycopy(more, 0, bytes, length, more.length);
        length += more.length;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    private static byte[] quotedName(String name) {
        return ascii("\"" + name + "\":");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
