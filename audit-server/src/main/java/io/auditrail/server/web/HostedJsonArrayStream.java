package io.auditrail.server.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives the store's JSON Lines export and writes the hosted API's JSON array of flat
 * events, one event at a time: each line is written in the flat
 * shape as soon as it is complete, so memory holds one event however many are exported.
 * The codec writes each event on one line (line breaks in values are always escaped).
 * Each line is rewritten token by token ({@link HostedEventCopy}), not parsed into an event.
 */
final class HostedJsonArrayStream extends OutputStream {

    private final OutputStream out;
    private final JsonMapper mapper;
    private final Line line = new Line();
    private final ByteArrayOutputStream event = new ByteArrayOutputStream(1024);
    private boolean first = true;

    HostedJsonArrayStream(OutputStream out, JsonMapper mapper) throws IOException {
        this.out = out;
        this.mapper = mapper;
        out.write('[');
    }

    @Override
    public void write(int b) throws IOException {
        if (b == '\n') {
            writeEvent();
        } else {
            line.write(b);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                line.write(bytes, start, i - start);
                writeEvent();
                start = i + 1;
            }
        }
        line.write(bytes, start, offset + length - start);
    }

    private void writeEvent() throws IOException {
        if (line.size() == 0) {
            return;
        }
        event.reset();
        try (JsonParser parser = mapper.createParser(line.bytes(), 0, line.size());
                JsonGenerator generator = mapper.createGenerator(event)) {
            HostedEventCopy.copy(parser, generator);
        }
        line.reset();
        if (!first) {
            out.write(',');
        }
        first = false;
        event.writeTo(out);
    }

    /** Ends the array; the underlying stream stays open. */
    void finish() throws IOException {
        writeEvent();
        out.write(']');
        out.flush();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** The line's bytes without copying them out. */
    private static final class Line extends ByteArrayOutputStream {
        Line() {
            super(1024);
        }

        byte[] bytes() {
            return buf;
        }
    }
}
