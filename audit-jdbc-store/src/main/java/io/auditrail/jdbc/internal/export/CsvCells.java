package io.auditrail.jdbc.internal.export;

import java.io.IOException;
import java.io.Writer;
import org.jspecify.annotations.Nullable;

/**
 * RFC 4180 quoting plus the OWASP defence against CSV formula injection: a cell a
 * spreadsheet would evaluate ({@code = + - @}, tab or carriage return first, also after
 * leading spaces or quotes, and their full-width forms) gets a leading apostrophe, which
 * spreadsheets show as text and never run. Written straight to the output, as a million-row
 * export would otherwise build several strings per cell.
 */
final class CsvCells {

    private CsvCells() {
    }

    static void write(Writer out, @Nullable String value) throws IOException {
        if (value == null || value.isEmpty()) {
            return;
        }
        boolean quoted = needsQuotes(value);
        if (quoted) {
            out.write('"');
        }
        if (isFormula(firstSignificant(value))) {
            out.write('\'');
        }
        if (quoted) {
            writeDoublingQuotes(out, value);
            out.write('"');
        } else {
            out.write(value);
        }
    }

    private static void writeDoublingQuotes(Writer out, String value) throws IOException {
        int start = 0;
        for (int i = value.indexOf('"'); i >= 0; i = value.indexOf('"', start)) {
            out.write(value, start, i + 1 - start);
            out.write('"');
            start = i + 1;
        }
        out.write(value, start, value.length() - start);
    }

    /** Spreadsheets skip leading blanks and quotes before deciding that a cell is a formula. */
    private static char firstSignificant(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\t' || c == '\r') {
                return c;
            }
            if (c != ' ' && c != '\u00A0' && c != '"' && c != '\'') {
                return c;
            }
        }
        return value.charAt(0);
    }

    private static boolean isFormula(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '\uFF1D' || first == '\uFF0B' || first == '\uFF0D' || first == '\uFF20';
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
