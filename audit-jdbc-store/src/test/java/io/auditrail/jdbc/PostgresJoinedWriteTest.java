package io.auditrail.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Resource;
import io.auditrail.jdbc.contract.PostgresConfig;
import io.auditrail.jdbc.contract.SingleConnectionDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The transactional mode's write on PostgreSQL through pgjdbc: the savepoint that keeps a
 * failed insert from aborting the caller's transaction costs no round trip of its own. Counts
 * the driver calls that each wait for the server; the contract tests check the savepoint's
 * effect on every database.
 */
class PostgresJoinedWriteTest {

    /** Calls on a connection or statement that send something and wait for the answer. */
    private static final Set<String> ROUND_TRIPS = Set.of("setSavepoint", "releaseSavepoint", "rollback", "commit",
            "execute", "executeUpdate", "executeQuery", "executeBatch", "executeLargeUpdate", "executeLargeBatch");

    @Test
    void aJoinedEventIsOneRoundTripSavepointIncluded() throws SQLException {
        DataSource dataSource = PostgresConfig.get().dataSource();
        String table = "audit_joined_" + System.nanoTime();
        JdbcAuditStore.builder(dataSource).tableName(table).initializeSchema(InitializeSchema.ALWAYS).build();
        List<String> calls = new CopyOnWriteArrayList<>();
        try (Connection connection = dataSource.getConnection();
                SingleConnectionDataSource shared = new SingleConnectionDataSource(counting(connection, calls))) {
            connection.setAutoCommit(false);
            JdbcAuditStore joined = JdbcAuditStore.builder(shared).tableName(table)
                    .initializeSchema(InitializeSchema.NEVER).joinCallerTransactionsWhen(() -> true).build();
            calls.clear();

            joined.write(List.of(event()));

            assertThat(calls).containsExactly("execute");
            connection.commit();
        } finally {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    private static AuditEvent event() {
        return AuditEvent.builder().organizationId("acme").actor(Actor.system("job")).action("invoice.sent")
                .resource(Resource.of("invoice", "inv-1")).build();
    }

    /** The connection, and every statement it creates, recording the calls that are round trips. */
    private static <T> T counting(T target, List<String> calls) {
        Class<?> type = target instanceof Connection ? Connection.class
                : target instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
        Object proxy = Proxy.newProxyInstance(PostgresJoinedWriteTest.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> {
                    if (ROUND_TRIPS.contains(method.getName())) {
                        calls.add(method.getName());
                    }
                    Object result = invoke(method, target, args);
                    return result instanceof Statement statement ? counting(statement, calls) : result;
                });
        @SuppressWarnings("unchecked")
        T typed = (T) proxy;
        return typed;
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
