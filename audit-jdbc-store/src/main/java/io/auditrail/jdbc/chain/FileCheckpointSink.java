package io.auditrail.jdbc.chain;

import io.auditrail.core.chain.Checkpoint;
import io.auditrail.core.chain.CheckpointJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Appends each checkpoint as one line of JSON to a file, the form the verifier's
 * {@code --checkpoints} option reads back. Thread-safe within one JVM.
 */
public final class FileCheckpointSink implements CheckpointSink {

    private final Path file;

    /**
     * Creates a sink.
     *
     * @param file the file to append to; created with its directories when missing
     */
    public FileCheckpointSink(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public synchronized void publish(Checkpoint checkpoint) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, CheckpointJson.toJson(checkpoint) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append a checkpoint to " + file, e);
        }
    }

    /**
     * Reads every checkpoint of a file this sink wrote.
     *
     * @param file the file
     * @return its checkpoints, in file order
     * @throws UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException when a line is not a checkpoint
     */
    public static List<Checkpoint> read(Path file) {
        List<Checkpoint> checkpoints = new ArrayList<>();
        try {
            int number = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    checkpoints.add(CheckpointJson.fromJson(line));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + " line " + number + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoints from " + file, e);
        }
        return checkpoints;
    }
}
