package io.auditrail.jdbc.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void leavesPlainTextAlone() {
        assertThat(CsvCells.cell("invoice.created")).isEqualTo("invoice.created");
        assertThat(CsvCells.cell("a-b=c")).isEqualTo("a-b=c");
        assertThat(CsvCells.cell(null)).isEmpty();
        assertThat(CsvCells.cell("")).isEmpty();
    }

    @Test
    void quotesSeparatorsQuotesAndLineBreaks() {
        assertThat(CsvCells.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvCells.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvCells.cell("one\ntwo")).isEqualTo("\"one\ntwo\"");
        assertThat(CsvCells.cell("one\r\ntwo")).isEqualTo("\"one\r\ntwo\"");
    }

    @Test
    void neutralisesEveryFormulaTrigger() {
        assertThat(CsvCells.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvCells.cell("+1")).isEqualTo("'+1");
        assertThat(CsvCells.cell("-1")).isEqualTo("'-1");
        assertThat(CsvCells.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.cell("\tx")).isEqualTo("'\tx");
        assertThat(CsvCells.cell("\rx")).isEqualTo("\"'\rx\"");
        assertThat(CsvCells.cell("=HYPERLINK(\"u\",\"t\")")).isEqualTo("\"'=HYPERLINK(\"\"u\"\",\"\"t\"\")\"");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {" =HYPERLINK(\"x\")", "\u00A0=1+1", "\"=cmd", "  +1",
        "\uFF1D1+1", "\uFF20SUM(A1)"})
    void neutralisesFormulasHiddenBehindBlanksQuotesOrFullWidthSigns(String value) {
        assertThat(CsvCells.cell(value)).matches("\"?'.*");
    }
}
