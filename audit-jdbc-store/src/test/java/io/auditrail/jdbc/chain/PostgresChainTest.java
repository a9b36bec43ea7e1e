package io.auditrail.jdbc.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.chain.ChainVerification;
import io.auditrail.core.config.InitializeSchema;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.contract.PostgresConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class PostgresChainTest extends AbstractChainTest {

    @Override
    DataSource dataSource() {
        return PostgresConfig.get().dataSource();
    }

    @Override
    DataSource secondDataSource() {
        return copy(null, null);
    }

    private PGSimpleDataSource copy(String user, String password) {
        PGSimpleDataSource shared = (PGSimpleDataSource) dataSource();
        PGSimpleDataSource second = new PGSimpleDataSource();
        second.setURL(shared.getURL());
        second.setUser(user == null ? shared.getUser() : user);
        second.setPassword(user == null ? shared.getPassword() : password);
        return second;
    }

    @Override
    void dropGuards(Statement statement) throws SQLException {
        statement.execute("ALTER TABLE " + table + " DISABLE TRIGGER USER");
        statement.execute("DROP INDEX " + table + "_chain_seq_uk");
        statement.execute("DROP INDEX " + table + "_chain_prev_uk");
    }

    @Override
    void dropRoutines(Statement statement) throws SQLException {
        statement.execute("DROP FUNCTION IF EXISTS " + table + "_append_only() CASCADE");
        statement.execute("DROP FUNCTION IF EXISTS " + table + "_chain_purge(VARCHAR, BIGINT)");
    }

    @Test
    void applicationRoleWritesSealsAndPurgesButCannotChangeOrRemoveRows() throws SQLException {
        writeSealed("acme", 3);
        String role = table + "_app";
        privileged(s -> {
            s.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'app-secret'");
            s.execute("GRANT SELECT, INSERT ON " + table + " TO " + role);
            s.execute("GRANT UPDATE (chain_seq, prev_hash, hash) ON " + table + " TO " + role);
            s.execute("GRANT SELECT, INSERT, UPDATE ON " + table + "_chain_heads TO " + role);
            s.execute("GRANT SELECT, INSERT ON " + checkpointTable + " TO " + role);
            s.execute("GRANT EXECUTE ON FUNCTION " + table + "_chain_purge(VARCHAR, BIGINT) TO " + role);
        });
        try {
            DataSource app = copy(role, "app-secret");
            JdbcAuditChain appChain = chainBuilder(app, true).initializeSchema(InitializeSchema.NEVER).build();
            JdbcAuditStore appStore = JdbcAuditStore.builder(app).tableName(table)
                    .initializeSchema(InitializeSchema.NEVER).chain(appChain).build();
            appStore.write(List.of(event("acme", NOW, "by-app")));
            assertThat(appChain.sealPending()).isEqualTo(1);
            assertThat(appChain.writeCheckpoints()).hasSize(1);

            try (Connection connection = app.getConnection(); Statement s = connection.createStatement()) {
                assertRefused(s, "UPDATE " + table + " SET action = 'x.y'");
                assertRefused(s, "UPDATE " + table + " SET chain_seq = chain_seq + 10");
                assertRefused(s, "UPDATE " + table + " SET hash = prev_hash WHERE chain_seq = 2");
                assertRefused(s, "DELETE FROM " + table);
                assertRefused(s, "TRUNCATE " + table);
            }
            try (Connection connection = dataSource().getConnection(); Statement s = connection.createStatement()) {
                s.execute("SET session_replication_role = replica");
                try {
                    assertRefused(s, "UPDATE " + table + " SET action = 'x.y'");
                    assertRefused(s, "DELETE FROM " + table);
                    assertRefused(s, "TRUNCATE " + table);
                } finally {
                    s.execute("SET session_replication_role = DEFAULT");
                }
            }

            assertThat(appStore.purgeOlderThan(NOW.minusSeconds(500), "acme")).isEqualTo(3);
            ChainVerification result = appChain.verify("acme", null, null);
            assertThat(result.isIntact()).as("%s", result.problem()).isTrue();
            assertThat(result.rowsChecked()).isEqualTo(1);
        } finally {
            privileged(s -> {
                s.execute("DROP OWNED BY " + role);
                s.execute("DROP ROLE " + role);
            });
        }
    }

    private static void assertRefused(Statement statement, String sql) {
        assertThatThrownBy(() -> statement.execute(sql)).as(sql).isInstanceOf(SQLException.class);
    }
}
