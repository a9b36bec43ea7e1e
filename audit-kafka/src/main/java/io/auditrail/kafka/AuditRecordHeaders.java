package io.auditrail.kafka;

/**
 * Names and values of the headers every audit record carries, so consumers can route and
 * deduplicate without parsing the value.
 */
public final class AuditRecordHeaders {

    /** Header holding the event id (UUID text, UTF-8), the same id on every retry. */
    public static final String EVENT_ID = "auditrail-event-id";

    /** Header holding the version of the JSON schema of the record value. */
    public static final String SCHEMA_VERSION = "auditrail-schema-version";

    /** Schema version written by this release: the canonical JSON form of {@code AuditEventCodec}. */
    public static final String CURRENT_SCHEMA_VERSION = "1";

    private AuditRecordHeaders() {
    }
}
