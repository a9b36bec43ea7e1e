package io.auditrail.jdbc.contract;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Passes every call through to a real database and records, for each query executed, the
 * fetch size, the connection's auto-commit mode at that moment and how many rows the caller
 * read, and the row count of every update. Lets a test check that an export streams, without timing anything.
 */
final class StatementRecordingDataSource implements DataSource {

    /**
     * What one executed query looked like.
     *
     * @param sql the statement
     * @param fetchSize fetch size when it ran
     * @param autoCommit whether the connection was in auto-commit mode when it ran
     * @param rowsRead rows the caller advanced through
     */
    record ExecutedQuery(String sql, int fetchSize, boolean autoCommit, int[] rowsRead) {
    }

    private final DataSource target;
    private final List<ExecutedQuery> queries = new CopyOnWriteArrayList<>();
    private final List<Integer> updateCounts = new CopyOnWriteArrayList<>();

    StatementRecordingDataSource(DataSource target) {
        this.target = target;
    }

    List<ExecutedQuery> queries() {
        return queries;
    }

    List<Integer> updateCounts() {
        return updateCounts;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = target.getConnection();
        return proxy(Connection.class, connection, (method, args) -> {
            Object result = call(method, connection, args);
            if (result instanceof PreparedStatement statement && method.getName().equals("prepareStatement")) {
                return recording(connection, statement, (String) args[0]);
            }
            return result;
        });
    }

    private PreparedStatement recording(Connection connection, PreparedStatement statement, String sql) {
        int[] fetchSize = {0};
        return proxy(PreparedStatement.class, statement, (method, args) -> {
            if (method.getName().equals("setFetchSize")) {
                fetchSize[0] = (Integer) args[0];
            }
            Object result = call(method, statement, args);
            if (method.getName().equals("executeUpdate")) {
                updateCounts.add((Integer) result);
            }
            if (method.getName().equals("executeQuery")) {
                int[] rows = {0};
                queries.add(new ExecutedQuery(sql, fetchSize[0], connection.getAutoCommit(), rows));
                ResultSet resultSet = (ResultSet) result;
                return proxy(ResultSet.class, resultSet, (rsMethod, rsArgs) -> {
                    Object value = call(rsMethod, resultSet, rsArgs);
                    if (rsMethod.getName().equals("next") && Boolean.TRUE.equals(value)) {
                        rows[0]++;
                    }
                    return value;
                });
            }
            return result;
        });
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> handler.handle(method, args)));
    }

    private static Object call(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("not supported");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
