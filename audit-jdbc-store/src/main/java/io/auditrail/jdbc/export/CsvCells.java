package io.auditrail.jdbc.export;

/**
 * RFC 4180 quoting plus the OWASP defence against CSV formula injection: a cell a
 * spreadsheet would evaluate ({@code = + - @}, tab, carriage return first) gets a leading
 * apostrophe, which spreadsheets show as text and never run.
 */
final class CsvCells {

    private CsvCells() {
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = isFormula(value.charAt(0)) ? "'" + value : value;
        if (needsQuotes(safe)) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static boolean isFormula(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
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
