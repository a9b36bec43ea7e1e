package io.auditrail.jdbc.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void splitsOnSemicolonsAtLineEndsAndDropsComments() {
        assertThat(SqlScript.split("""
                -- a comment
                CREATE TABLE t (a INT);

                CREATE INDEX t_ix
                    ON t (a);
                """)).containsExactly("CREATE TABLE t (a INT)", "CREATE INDEX t_ix\n    ON t (a)");
    }

    @Test
    void keepsDollarQuotedBodiesWhole() {
        assertThat(SqlScript.split("""
                CREATE FUNCTION f() RETURNS trigger AS $$
                BEGIN
                    RAISE EXCEPTION 'no';
                    RETURN NULL;
                END;
                $$ LANGUAGE plpgsql;
                SELECT 1;
                """)).hasSize(2).last().isEqualTo("SELECT 1");
    }

    @Test
    void keepsBeginEndBlocksWhole() {
        assertThat(SqlScript.split("""
                CREATE TRIGGER t BEFORE DELETE ON x FOR EACH ROW
                BEGIN
                    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'no';
                END;
                SELECT 1;
                """)).hasSize(2).first().asString().endsWith("END");
    }

    @Test
    void fillsPlaceholdersAndNamesAMissingResource() {
        assertThat(SqlScript.statements("/io/auditrail/jdbc/schema/v1/schema-h2.sql",
                Map.of("table", "audit_x", "name", "audit_x"))).first().asString().contains("audit_x")
                .doesNotContain("${");
        assertThatThrownBy(() -> SqlScript.statements("/nope.sql", Map.of()))
                .hasMessage("schema resource /nope.sql is missing from the classpath");
    }
}
