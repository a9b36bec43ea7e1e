package io.auditrail.jdbc.query;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Collects {@code AND}-ed conditions and their parameters. */
final class Conditions {

    private final StringJoiner sql = new StringJoiner(" AND ");
    private final List<Object> parameters = new ArrayList<>();
    private int count;

    Conditions add(String condition, Object... values) {
        sql.add(condition);
        parameters.addAll(List.of(values));
        count++;
        return this;
    }

    Conditions addIfPresent(String condition, Object value) {
        return value == null ? this : add(condition, value);
    }

    String where() {
        return count == 0 ? "" : " WHERE " + sql;
    }

    String condition() {
        return count == 0 ? "1 = 1" : sql.toString();
    }

    List<Object> parameters() {
        return parameters;
    }
}
