package io.auditrail.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvColumnLimitTest {

    private static String limit(String csv, int columns, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvColumnLimit limit = new CsvColumnLimit(out, columns)) {
            byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i += chunk) {
                limit.write(bytes, i, Math.min(chunk, bytes.length - i));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void keepsTheFirstColumnsOfEveryRecord() throws IOException {
        assertThat(limit("a,b,c,d\r\n1,2,3,4\r\n", 2, 1024)).isEqualTo("a,b\r\n1,2\r\n");
    }

    @Test
    void quotedCommasLineBreaksAndEscapedQuotesStayInTheirCell() throws IOException {
        String csv = "\"x,1\",\"line\r\nbreak\",\"say \"\"hi, there\"\"\",cut,\"cut,too\"\r\nZoë 😀,\"\",'=1,drop\r\n";
        String expected = "\"x,1\",\"line\r\nbreak\",\"say \"\"hi, there\"\"\"\r\nZoë 😀,\"\",'=1\r\n";
        assertThat(limit(csv, 3, 1024)).isEqualTo(expected);
        assertThat(limit(csv, 3, 1)).isEqualTo(expected);
        assertThat(limit(csv, 3, 7)).isEqualTo(expected);
    }

    @Test
    void emptyTrailingCellsAreCutToo() throws IOException {
        assertThat(limit("a,,\r\n,,\r\n", 1, 1024)).isEqualTo("a\r\n\r\n");
    }
}
