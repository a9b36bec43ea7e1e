package io.auditrail.jdbc.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void leavesPlainTextAlone() {
        assertThat(cell("invoice.created")).isEqualTo("invoice.created");
        assertThat(cell("a-b=c")).isEqualTo("a-b=c");
        assertThat(cell(null)).isEmpty();
        assertThat(cell("")).isEmpty();
    }

    @Test
    void quotesSeparatorsQuotesAndLineBreaks() {
        assertThat(cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(cell("one\ntwo")).isEqualTo("\"one\ntwo\"");
        assertThat(cell("one\r\ntwo")).isEqualTo("\"one\r\ntwo\"");
    }

    @Test
    void neutralisesEveryFormulaTrigger() {
        assertThat(cell("=1+1")).isEqualTo("'=1+1");
        assertThat(cell("+1")).isEqualTo("'+1");
        assertThat(cell("-1")).isEqualTo("'-1");
        assertThat(cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(cell("\tx")).isEqualTo("'\tx");
        assertThat(cell("\rx")).isEqualTo("\"'\rx\"");
        assertThat(cell("=HYPERLINK(\"u\",\"t\")")).isEqualTo("\"'=HYPERLINK(\"\"u\"\",\"\"t\"\")\"");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {" =HYPERLINK(\"x\")", "\u00A0=1+1", "\"=cmd", "  +1",
        "\uFF1D1+1", "\uFF20SUM(A1)"})
    void neutralisesFormulasHiddenBehindBlanksQuotesOrFullWidthSigns(String value) {
        assertThat(cell(value)).matches("\"?'.*");
    }

    private static String cell(String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Utf8Output out = new Utf8Output(bytes);
            CsvCells.write(out, value);
            out.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
