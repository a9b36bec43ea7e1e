package io.auditrail.jdbc.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.contract.PostgresConfig;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL: the log's tests, and the hardening of issue 18 (D5, D6, the roles) checked with
 * second database users.
 */
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
        for (String guarded : List.of(table, table + "_leaves", table + "_nodes", checkpointTable)) {
            statement.execute("ALTER TABLE " + guarded + " DISABLE TRIGGER USER");
        }
    }

    @Override
    void dropRoutines(Statement statement) throws SQLException {
        statement.execute("DROP FUNCTION IF EXISTS " + table + "_append_only() CASCADE");
        statement.execute("DROP FUNCTION IF EXISTS " + table + "_log_immutable() CASCADE");
        statement.execute("DROP FUNCTION IF EXISTS " + table + "_log_purge(VARCHAR, BIGINT)");
    }

    private List<String> logTables() {
        return List.of(table + "_leaves", table + "_nodes", checkpointTable);
    }

    @Test
    void combinedApplicationAndSealerRoleCanOnlyInsertAndSelect() throws SQLException {
        writeSealed("acme", 3);
        String role = table + "_app";
        privileged(s -> {
            s.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'app-secret'");
            s.execute("GRANT SELECT, INSERT ON " + table + ", " + String.join(", ", logTables()) + " TO " + role);
            s.execute("GRANT EXECUTE ON FUNCTION " + table + "_log_purge(VARCHAR, BIGINT) TO " + role);
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
                assertChangesRefused(s);
            }
            try (Connection connection = dataSource().getConnection(); Statement s = connection.createStatement()) {
                s.execute("SET session_replication_role = replica");
                try {
                    assertChangesRefused(s);
                } finally {
                    s.execute("SET session_replication_role = DEFAULT");
                }
            }

            assertThat(appStore.purgeOlderThan(NOW.minusSeconds(500), "acme")).isEqualTo(3);
            AbstractChainTest.assertIntact(appChain.verify("acme", null, null));
            assertThat(appChain.verify("acme", null, null).leavesChecked()).isEqualTo(1);
        } finally {
            dropRole(role);
        }
    }

    @Test
    void withASeparateSealerRoleTheApplicationRoleOnlyInsertsEvents() throws SQLException {
        String app = table + "_app";
        String sealer = table + "_sealer";
        privileged(s -> {
            s.execute("CREATE ROLE " + app + " LOGIN PASSWORD 'app-secret'");
            s.execute("CREATE ROLE " + sealer + " LOGIN PASSWORD 'sealer-secret'");
            s.execute("GRANT SELECT, INSERT ON " + table + " TO " + app);
            s.execute("GRANT SELECT ON " + String.join(", ", logTables()) + " TO " + app);
            s.execute("GRANT SELECT ON " + table + " TO " + sealer);
            s.execute("GRANT SELECT, INSERT ON " + String.join(", ", logTables()) + " TO " + sealer);
            s.execute("GRANT EXECUTE ON FUNCTION " + table + "_log_purge(VARCHAR, BIGINT) TO " + sealer);
        });
        try {
            DataSource appSource = copy(app, "app-secret");
            JdbcAuditChain appChain = chainBuilder(appSource, true).initializeSchema(InitializeSchema.NEVER).build();
            JdbcAuditStore appStore = JdbcAuditStore.builder(appSource).tableName(table)
                    .initializeSchema(InitializeSchema.NEVER).build();
            appStore.write(List.of(event("acme", OLD, "by-app-0"), event("acme", OLD, "by-app-1")));
            assertThat(appChain.sealPending()).as("the app role cannot seal").isZero();
            assertThat(appChain.failedSealings()).as("and the failure is counted, not swallowed").isPositive();
            assertThatThrownBy(() -> appStore.purgeOlderThan(NOW, "acme")).isInstanceOf(RuntimeException.class);
            try (Connection connection = appSource.getConnection(); Statement s = connection.createStatement()) {
                assertChangesRefused(s);
                assertRefused(s, "INSERT INTO " + table + "_leaves VALUES ('acme', 0, 1)");
                assertRefused(s, "INSERT INTO " + checkpointTable + " (organization_key, kind, tree_size, root_hash,"
                        + " created_at, note) VALUES ('acme', 'RETENTION', 9, '" + "0".repeat(64) + "', now(), 'x')");
                assertRefused(s, "SELECT " + table + "_log_purge('acme', 9)");
            }

            DataSource sealerSource = copy(sealer, "sealer-secret");
            JdbcAuditChain sealerChain = chainBuilder(sealerSource, true).initializeSchema(InitializeSchema.NEVER).build();
            assertThat(sealerChain.sealPending()).isEqualTo(2);
            assertThat(sealerChain.writeCheckpoints()).hasSize(1);
            try (Connection connection = sealerSource.getConnection(); Statement s = connection.createStatement()) {
                assertChangesRefused(s);
            }
            assertThat(sealerChain.purgeOlderThan(NOW.minusSeconds(500), "acme", java.util.Set.of())).isEqualTo(2);
            AbstractChainTest.assertIntact(appChain.verify("acme", null, null));
        } finally {
            dropRole(app);
            dropRole(sealer);
        }
    }

    /** D5: the purge function's rights cannot be borrowed through an operator planted on the search path. */
    @Test
    void d5PlantedOperatorOnTheSearchPathNeverRunsWithTheOwnersRights() throws SQLException {
        writeSealed("acme", 3);
        String role = table + "_planter";
        String schema = table + "_evil";
        privileged(s -> {
            s.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'planter-secret'");
            s.execute("CREATE SCHEMA " + schema + " AUTHORIZATION " + role);
            s.execute("GRANT SELECT, INSERT ON " + table + ", " + String.join(", ", logTables()) + " TO " + role);
            s.execute("GRANT EXECUTE ON FUNCTION " + table + "_log_purge(VARCHAR, BIGINT) TO " + role);
        });
        try {
            PGSimpleDataSource planter = copy(role, "planter-secret");
            try (Connection connection = planter.getConnection(); Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE " + schema + ".ran_as (who NAME)");
                s.execute("GRANT INSERT ON " + schema + ".ran_as TO PUBLIC");
                s.execute("CREATE FUNCTION " + schema + ".eq(a VARCHAR, b VARCHAR) RETURNS BOOLEAN LANGUAGE sql AS"
                        + " 'INSERT INTO " + schema + ".ran_as VALUES (current_user) RETURNING true'");
                s.execute("CREATE FUNCTION " + schema + ".eq(a BIGINT, b BIGINT) RETURNS BOOLEAN LANGUAGE sql AS"
                        + " 'INSERT INTO " + schema + ".ran_as VALUES (current_user) RETURNING true'");
                s.execute("CREATE OPERATOR " + schema + ".= (LEFTARG = VARCHAR, RIGHTARG = VARCHAR, FUNCTION = "
                        + schema + ".eq)");
                s.execute("CREATE OPERATOR " + schema + ".= (LEFTARG = BIGINT, RIGHTARG = BIGINT, FUNCTION = "
                        + schema + ".eq)");
                s.execute("SET search_path = " + schema + ", public, pg_catalog");
                s.execute("SELECT CAST('a' AS VARCHAR) = CAST('b' AS VARCHAR)");
                assertThat(ranAs(s, schema)).as("the planted operator is live for the planter").containsOnly(role);
                s.execute("INSERT INTO " + checkpointTable + " (organization_key, kind, tree_size, root_hash, created_at,"
                        + " note) VALUES ('acme', 'RETENTION', 3, '" + "0".repeat(64) + "', now(), 'forged')");
                try (ResultSet deleted = s.executeQuery("SELECT " + table + "_log_purge('acme', 3)")) {
                    deleted.next();
                    assertThat(deleted.getLong(1)).isEqualTo(3);
                }
                assertThat(ranAs(s, schema)).as("nothing ran with the owner's rights").containsOnly(role);
            }
            assertThat(count("organization_id = 'acme'")).isZero();
            AbstractChainTest.assertProblem(chain.verify("acme", null, null),
                    io.auditrail.core.tlog.LogProblem.Type.BAD_SIGNATURE, 3);
        } finally {
            privileged(s -> s.execute("DROP SCHEMA " + schema + " CASCADE"));
            dropRole(role);
        }
    }

    /** D6: no session setting opens the DELETE path, not even for a role holding DELETE. */
    @Test
    void d6NoSessionSettingUnlocksDeletes() throws SQLException {
        writeSealed("acme", 3);
        chain.writeCheckpoints();
        String role = table + "_deleter";
        privileged(s -> {
            s.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'deleter-secret'");
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON " + table + ", " + String.join(", ", logTables())
                    + " TO " + role);
        });
        try (Connection connection = copy(role, "deleter-secret").getConnection(); Statement s = connection.createStatement()) {
            for (String setting : List.of("auditrail.chain_purge", "auditrail.log_purge", "auditrail.purge")) {
                s.execute("SET " + setting + " = 'on'");
                s.execute("SELECT set_config('" + setting + "', 'on', false)");
            }
            assertChangesRefused(s);
        } finally {
            dropRole(role);
        }
        privileged(s -> {
            s.execute("SET auditrail.chain_purge = 'on'");
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

    private static List<String> ranAs(Statement s, String schema) throws SQLException {
        List<String> roles = new ArrayList<>();
        try (ResultSet row = s.executeQuery("SELECT who FROM " + schema + ".ran_as")) {
            while (row.next()) {
                roles.add(row.getString(1));
            }
        }
        return roles;
    }

    private void dropRole(String role) throws SQLException {
        privileged(s -> {
            s.execute("DROP OWNED BY " + role);
            s.execute("DROP ROLE " + role);
        });
    }

    private static void assertRefused(Statement statement, String sql) {
        assertThatThrownBy(() -> statement.execute(sql)).as(sql).isInstanceOf(SQLException.class);
    }
}
