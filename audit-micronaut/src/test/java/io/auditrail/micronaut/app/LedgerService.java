package io.auditrail.micronaut.app;

import io.auditrail.annotations.Audited;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A transactional business change audited in the same transaction. */
@Singleton
public class LedgerService {

    private final TransactionOperations<Connection> transactions;

    public LedgerService(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Transactional
    @Audited(action = "ledger.posted", resourceId = "#entryId")
    public void post(String entryId, boolean reject) throws SQLException {
        try (PreparedStatement insert = transactions.getConnection().prepareStatement("INSERT INTO mn_ledger (id) VALUES (?)")) {
            insert.setString(1, entryId);
            insert.executeUpdate();
        }
        if (reject) {
            throw new IllegalStateException("entry " + entryId + " rejected");
        }
    }
}
