package io.auditrail.client.internal;

import io.auditrail.client.AuditrailConnectionException;
import io.auditrail.core.event.AuditEvent;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON array of hosted events one element at a time from a response stream, so an
 * export of any size is held in memory one event at a time.
 */
public final class EventArrayReader implements Iterator<AuditEvent>, Closeable {

    private final InputStream in;
    private final JsonParser parser;
    private final ObjectReader elements;
    private final HostedEvents events;
    private JsonToken next;

    /**
     * Starts reading.
     *
     * @param in the response body; closed by {@link #close()}
     * @param mapper parses the array
     * @param events maps each element
     * @throws AuditrailConnectionException when the body is not a JSON array
     */
    public EventArrayReader(InputStream in, JsonMapper mapper, HostedEvents events) {
        this.in = in;
        // Each element is read on its own from a parser positioned inside the array: what follows it is the next one.
        this.elements = mapper.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.events = events;
        try {
            this.parser = mapper.createParser(in);
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new AuditrailConnectionException("the audit API's export is not a JSON array", null);
            }
            this.next = parser.nextToken();
        } catch (JacksonException e) {
            closeQuietly();
            throw new AuditrailConnectionException("the audit API's export could not be read: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            throw new AuditrailConnectionException("the audit API's export ended before its closing bracket", null);
        }
        return next == JsonToken.START_OBJECT;
    }

    @Override
    public AuditEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more events in the export");
        }
        try {
            JsonNode node = elements.readValue(parser);
            next = parser.nextToken();
            return events.toEvent(node);
        } catch (JacksonException e) {
            throw new AuditrailConnectionException("the audit API's export broke off: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } finally {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
