package io.auditrail.core.store;

import java.util.Locale;

/** Formats an {@link AuditStore} can stream an export in. */
public enum ExportFormat {
    /** RFC 4180 CSV with a header row; cells that a spreadsheet would run as a formula are neutralised. */
    CSV("text/csv"),
    /** One JSON array of event objects. */
    JSON("application/json"),
    /** JSON Lines: one event object per line. */
    JSON_LINES("application/jsonl");

    private final String mediaType;

    ExportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /**
     * Media type to send with the export.
     *
     * @return for example {@code "text/csv"}
     */
    public String mediaType() {
        return mediaType;
    }

    /**
     * Parses a format name as it appears in a request parameter.
     *
     * @param name {@code csv}, {@code json}, {@code jsonl} or {@code json_lines}, case-insensitive
     * @return the format
     * @throws InvalidAuditQueryException for a missing or unknown name
     */
    public static ExportFormat fromName(String name) {
        String normalized = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (normalized) {
            case "csv" -> CSV;
            case "json" -> JSON;
            case "jsonl", "ndjson", "json_lines" -> JSON_LINES;
            default -> throw new InvalidAuditQueryException(
                    "format must be one of csv, json, jsonl but was '" + name + "'");
        };
    }
}
