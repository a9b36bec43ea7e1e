package io.auditrail.core.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

class CheckpointSinksTest {

    @TempDir
    Path dir;

    private final TestLog acme = new TestLog("acme", 6);
    private final TestLog none = new TestLog(null, 2);

    @Test
    void theFileSinkAppendsLinesTheVerifierReadsBack() throws IOException {
        Path file = dir.resolve("nested").resolve("checkpoints.jsonl");
        FileCheckpointSink sink = new FileCheckpointSink(file);
        sink.publish("acme", acme.checkpoint(3));
        sink.publish(null, none.checkpoint(2));
        sink.publish("acme", acme.checkpoint(6));

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        JsonNode first = TlogJson.read(lines.get(0), "line");
        assertThat(first.get("organization_id").asString()).isEqualTo("acme");
        assertThat(first.get("origin").asString()).isEqualTo("auditrail/org/acme");
        assertThat(first.get("tree_size").asLong()).isEqualTo(3);
        assertThat(first.get("note").asString()).isEqualTo(acme.checkpoint(3).format());
        assertThat(TlogJson.read(lines.get(1), "line").get("organization_id").isNull()).isTrue();
        assertThat(FileCheckpointSink.read(file)).extracting(SignedNote::format)
                .containsExactly(acme.checkpoint(3).format(), none.checkpoint(2).format(), acme.checkpoint(6).format());
        assertThat(sink.failures()).isZero();
    }

    @Test
    void aFileSinkThatCannotWriteCountsInsteadOfThrowing() throws IOException {
        Path directory = Files.createDirectory(dir.resolve("a-directory"));
        FileCheckpointSink sink = new FileCheckpointSink(directory);

        sink.publish("acme", acme.checkpoint(6));

        assertThat(sink.failures()).isEqualTo(1);
    }

    @Test
    void readingAMalformedFileNamesTheLine() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.write(file, List.of(CheckpointLine.format("acme", acme.checkpoint(6)), "", "{\"note\":42}"));

        assertThatThrownBy(() -> FileCheckpointSink.read(file)).hasMessageContaining("line 3")
                .hasMessageContaining("\"note\" must be a string");
    }

    @Test
    void theLogSinkWritesTheSameLineOnItsOwnLogger() {
        Logger logger = (Logger) LoggerFactory.getLogger(LogCheckpointSink.LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        Level level = logger.getLevel();
        logger.setLevel(Level.INFO);
        try {
            new LogCheckpointSink().publish("acme", acme.checkpoint(6));
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }

        assertThat(appender.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.INFO);
            assertThat(event.getFormattedMessage()).doesNotContain("\n")
                    .isEqualTo(CheckpointLine.format("acme", acme.checkpoint(6)));
            Path logged = dir.resolve("logged.jsonl");
            Files.writeString(logged, event.getFormattedMessage() + "\n");
            assertThat(FileCheckpointSink.read(logged)).singleElement().extracting(SignedNote::format)
                    .isEqualTo(acme.checkpoint(6).format());
        });
    }

    @Test
    void exportLinesAndProofBundlesRoundTrip() {
        LogExportLine line = LogExportLine.of(4, acme.events.get(4));
        assertThat(line.toJson()).startsWith("{\"leaf_index\":4,\"event\":{").doesNotContain("\n", "leaf_hash");
        assertThat(LogExportLine.parse(line.toJson())).isEqualTo(line);
        LogExportLine purged = LogExportLine.purged(0, null, acme.leaves.get(0));
        assertThat(LogExportLine.parse(purged.toJson())).isEqualTo(purged);
        assertThat(acme.hasher.leafHash(LogExportLine.parse(line.toJson()).event())).isEqualTo(acme.leaves.get(4));

        InclusionProofBundle bundle = new InclusionProofBundle(acme.events.get(4), 4, 6,
                MerkleTree.inclusionProof(4, 6, acme.nodes), acme.checkpoint(6).format());
        InclusionProofBundle read = InclusionProofBundle.parse(bundle.toJson());
        assertThat(read.verify(acme.hasher, TestLog.SIGNER.verifier(), LogOrigin.DEFAULT_PREFIX))
                .isEqualTo(new LogVerification("acme", true, 1, 6, null));
        assertThat(read.toJson()).isEqualTo(bundle.toJson());

        assertThatThrownBy(() -> LogExportLine.parse("{\"leaf_index\":-1,\"leaf_hash\":\"AA==\"}"))
                .hasMessageContaining("leaf_index");
        assertThatThrownBy(() -> LogExportLine.parse("{\"leaf_index\":1}")).hasMessageContaining("event or a leaf hash");
        assertThatThrownBy(() -> LogExportLine.parse("{\"leaf_index\":1,\"leaf_hash\":\"AA==\"}"))
                .hasMessageContaining("32-byte");
        assertThatThrownBy(() -> LogExportLine.parse("[1]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> InclusionProofBundle.parse(bundle.toJson().replace("\"tree_size\":6", "\"tree_size\":4")))
                .hasMessageContaining("not inside a tree");
        assertThatThrownBy(() -> InclusionProofBundle.parse("{\"leaf_index\":0,\"tree_size\":1}"))
                .hasMessageContaining("\"event\"");
    }
}
