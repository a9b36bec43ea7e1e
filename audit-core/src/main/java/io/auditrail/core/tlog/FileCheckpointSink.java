package io.auditrail.core.tlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends each checkpoint as one JSON line (see {@link #read(Path)} for the format) to a file,
 * forced to disk before {@link #publish} returns, so the file can be shipped off the host or handed
 * to the offline verifier. A failure to write is counted and logged, never thrown. Thread-safe.
 */
public final class FileCheckpointSink implements CheckpointSink {

    private static final Logger LOG = LoggerFactory.getLogger(FileCheckpointSink.class);

    private final Path file;
    private final AtomicLong failures = new AtomicLong();

    /**
     * Creates the sink; the file and its directory are created on first use.
     *
     * @param file the JSON Lines file
     */
    public FileCheckpointSink(Path file) {
        this.file = file.toAbsolutePath();
    }

    @Override
    public synchronized void publish(@Nullable String organizationId, SignedNote checkpoint) {
        try {
            byte[] line = (CheckpointLine.format(organizationId, checkpoint) + "\n").getBytes(StandardCharsets.UTF_8);
            Path directory = file.getParent();
            if (directory != null) {
                Files.createDirectories(directory);
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (IOException | RuntimeException e) {
            failures.incrementAndGet();
            LOG.warn("Could not append a checkpoint to {}: {}", file, e.toString());
        }
    }

    /**
     * How many checkpoints could not be written.
     *
     * @return the count since start
     */
    public long failures() {
        return failures.get();
    }

    /**
     * Reads the checkpoints of a file this sink (or the log sink, one line each) wrote. Each line is
     * {@code {"organization_id":..,"origin":..,"tree_size":..,"note":"<signed note text>"}}; only the
     * note counts, the other fields are for people. Blank lines are skipped.
     *
     * @param file the JSON Lines file
     * @return the notes, signatures not yet checked
     * @throws IllegalArgumentException when a line is malformed; the message names the line
     * @throws UncheckedIOException when the file cannot be read
     */
    public static List<SignedNote> read(Path file) {
        List<SignedNote> notes = new ArrayList<>();
        CheckpointLine.read(file, (number, note) -> notes.add(SignedNote.parse(note)));
        return notes;
    }

    @Override
    public String toString() {
        return "FileCheckpointSink[" + file + "]";
    }
}
