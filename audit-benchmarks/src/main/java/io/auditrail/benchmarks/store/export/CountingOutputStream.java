package io.auditrail.benchmarks.store.export;

import java.io.OutputStream;

/** Discards what it is given and counts the bytes, so an export is timed without any disk. */
final class CountingOutputStream extends OutputStream {

    private long bytes;

    @Override
    public void write(int b) {
        bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        bytes += len;
    }

    long bytes() {
        return bytes;
    }
}
