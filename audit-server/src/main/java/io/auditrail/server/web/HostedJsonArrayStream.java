package io.auditrail.server.web;

import io.auditrail.core.json.AuditEventCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives the store's JSON Lines export and writes the hosted API's JSON array of flat
 * events, one event at a time: each line is read back into an event and written in the flat
 * shape as soon as it is complete, so memory holds one event however many are exported.
 * The codec writes each event on one line (line breaks in values are always escaped).
 */
final class HostedJsonArrayStream extends OutputStream {

    private final OutputStream out;
    private final AuditEventCodec codec;
    private final JsonMapper mapper;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
    private boolean first = true;

    HostedJsonArrayStream(OutputStream out, AuditEventCodec codec, JsonMapper mapper) throws IOException {
        this.out = out;
        this.codec = codec;
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
        String json = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (!first) {
            out.write(',');
        }
        first = false;
        out.write(mapper.writeValueAsBytes(HostedEventView.of(codec.fromJson(json))));
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
}
