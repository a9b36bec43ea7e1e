package io.auditrail.jdbc.internal.dialect;

import io.auditrail.jdbc.schema.TableName;

/**
 * HSQLDB 2.7 in its default mode. Like H2 it has neither {@code ON CONFLICT} nor
 * {@code ON DUPLICATE KEY} (those need its MySQL syntax mode, which an application's database
 * may not use), so it inserts as H2 does; it has no {@code DUAL} outside its Oracle mode and
 * bounds a delete with {@code LIMIT}.
 */
final class HsqlDialect extends H2Dialect {

    @Override
    public String name() {
        return "hsqldb";
    }

    @Override
    public String oneRowTable() {
        return "(VALUES (0))";
    }

    @Override
    public String boundedDeleteSql(TableName table, String condition) {
        return "DELETE FROM " + table.qualified() + " WHERE " + condition + " LIMIT ?";
    }
}
