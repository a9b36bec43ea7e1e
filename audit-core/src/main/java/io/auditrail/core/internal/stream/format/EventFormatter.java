package io.auditrail.core.internal.stream.format;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.stream.StreamFormat;

/** Writes one event as a JSON object in a stream's format. */
public interface EventFormatter {

    /**
     * Writes an event.
     *
     * @param event the event
     * @return one JSON object, one line
     */
    String format(AuditEvent event);

    /**
     * The Splunk source type of this format.
     *
     * @return for example {@code auditrail:event}
     */
    String sourceType();

    /**
     * The formatter of a format.
     *
     * @param format the format
     * @param codec writes Auditrail's JSON
     * @return the formatter
     */
    static EventFormatter of(StreamFormat format, AuditEventCodec codec) {
        return switch (format) {
            case AUDITRAIL_JSON -> new EventFormatter() {
                @Override
                public String format(AuditEvent event) {
                    return codec.toJson(event);
                }

                @Override
                public String sourceType() {
                    return "auditrail:event";
                }
            };
            case OCSF -> new OcsfFormatter(codec);
        };
    }
}
