package io.auditrail.micronaut.app;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.SQLException;

/** Posts an entry, then fails the enclosing transaction after the audited call succeeded. */
@Singleton
public class LedgerBatch {

    private final LedgerService ledger;

    public LedgerBatch(LedgerService ledger) {
        this.ledger = ledger;
    }

    @Transactional
    public void postThenFail(String entryId) throws SQLException {
        ledger.post(entryId, false);
        throw new IllegalArgumentException("batch " + entryId + " is unbalanced");
    }
}
