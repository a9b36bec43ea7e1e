package io.auditrail.jdbc.chain;

import io.auditrail.core.chain.Checkpoint;
import io.auditrail.core.chain.CheckpointSigner;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Takes a signed checkpoint of every chain head, whether or not the chain grew since the last
 * one, commits them to the checkpoint table and then hands them to the sink.
 */
final class CheckpointWriter {

    private final DataSource dataSource;
    private final ChainHeads heads;
    private final CheckpointStore store;
    private final CheckpointSigner signer;
    private final CheckpointSink sink;
    private final Clock clock;

    CheckpointWriter(DataSource dataSource, ChainTables tables, CheckpointStore store, CheckpointSigner signer,
            CheckpointSink sink, Clock clock) {
        this.dataSource = dataSource;
        this.heads = new ChainHeads(tables);
        this.store = store;
        this.signer = signer;
        this.sink = sink;
        this.clock = clock;
    }

    List<Checkpoint> write() throws SQLException {
        List<Checkpoint> checkpoints = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                for (ChainHeads.Head head : heads.all(connection)) {
                    checkpoints.add(sign(new Checkpoint(ChainTables.organization(head.chainKey()),
                            Checkpoint.Kind.HEAD, head.seq(), head.hash(), now, null)));
                }
                store.insert(connection, checkpoints);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        checkpoints.forEach(sink::publish);
        return checkpoints;
    }

    Checkpoint sign(Checkpoint checkpoint) {
        return signer == null ? checkpoint : signer.sign(checkpoint);
    }
}
