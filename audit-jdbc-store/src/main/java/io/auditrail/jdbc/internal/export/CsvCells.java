package io.auditrail.jdbc.internal.export;

import java.io.IOException;
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

    static void write(Utf8Output out, @Nullable String value) throws IOException {
        if (value == null || value.isEmpty()) {
            return;
        }
        boolean formula = isFormula(firstSignificant(value));
        if (out.writeUnlessQuotesNeeded(value, formula)) {
            return;
        }
        boolean quoted = needsQuotes(value);
        if (quoted) {
            out.write('"');
        }
        if (formula) {
            out.write('\'');
        }
        if (quoted) {
            out.writeDoublingQuotes(value);
            out.write('"');
        } else {
            out.write(value);
        }
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
