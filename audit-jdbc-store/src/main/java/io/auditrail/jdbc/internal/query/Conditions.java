package io.auditrail.jdbc.internal.query;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Collects {@code AND}-ed conditions and their parameters. */
final class Conditions {

    private final StringJoiner sql = new StringJoiner(" AND ");
    private final List<Object> parameters = new ArrayList<>();

    Conditions add(String condition, Object... values) {
        sql.add(condition);
        parameters.addAll(List.of(values));
        return this;
    }

    Conditions addIfPresent(String condition, Object value) {
        return value == null ? this : add(condition, value);
    }

    String where() {
        return sql.length() == 0 ? "" : " WHERE " + sql;
    }

    String condition() {
        return sql.toString();
    }

    List<Object> parameters() {
        return parameters;
    }
}
