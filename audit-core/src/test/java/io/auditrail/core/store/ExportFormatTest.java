package io.auditrail.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExportFormatTest {

    @Test
    void parsesTheRequestNames() {
        assertThat(ExportFormat.fromName("CSV")).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.fromName("json")).isEqualTo(ExportFormat.JSON);
        assertThat(ExportFormat.fromName("jsonl")).isEqualTo(ExportFormat.JSON_LINES);
        assertThat(ExportFormat.fromName("json-lines")).isEqualTo(ExportFormat.JSON_LINES);
        assertThat(ExportFormat.fromName("ndjson")).isEqualTo(ExportFormat.JSON_LINES);
    }

    @Test
    void rejectsAnUnknownOrMissingFormat() {
        assertThatThrownBy(() -> ExportFormat.fromName("xml"))
                .isInstanceOf(InvalidAuditQueryException.class)
                .hasMessage("format must be one of csv, json, jsonl but was 'xml'");
        assertThatThrownBy(() -> ExportFormat.fromName(null)).isInstanceOf(InvalidAuditQueryException.class);
    }
}
