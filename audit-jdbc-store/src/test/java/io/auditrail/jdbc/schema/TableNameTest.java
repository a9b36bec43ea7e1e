package io.auditrail.jdbc.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableNameTest {

    @Test
    void acceptsPlainAndSchemaQualifiedIdentifiers() {
        assertThat(TableName.parse("audit_events").qualified()).isEqualTo("audit_events");
        assertThat(TableName.parse("_t1").qualified()).isEqualTo("_t1");
        assertThat(TableName.parse("audit.events_2026")).isEqualTo(new TableName("audit", "events_2026"));
        assertThat(TableName.parse("t" + "x".repeat(46)).name()).hasSize(47);
    }

    @ParameterizedTest
    @ValueSource(strings = {"audit-events", "1events", "a b", "a;DROP TABLE x", "\"quoted\"", "a.b.c", ".t", "t.",
        "événements", "t--", ""})
    void rejectsAnythingElse(String name) {
        assertThatThrownBy(() -> TableName.parse(name)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void explainsTheRule() {
        assertThatThrownBy(() -> TableName.parse("t" + "x".repeat(63)))
                .hasMessageContaining("is not a valid SQL identifier")
                .hasMessageContaining("at most 63 characters");
        assertThatThrownBy(() -> TableName.parse("a.b.c")).hasMessageContaining("at most one dot");
        assertThatThrownBy(() -> TableName.parse("t" + "x".repeat(47)))
                .hasMessageContaining("at most 47 leave room for the index names");
    }
}
