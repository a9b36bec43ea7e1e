package io.auditrail.kafka;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.InvalidAuditEventException;
import io.auditrail.core.json.AuditEventCodec;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads an event back from a record the sink wrote. */
final class RecordDecoder {

    private static final Logger log = LoggerFactory.getLogger(RecordDecoder.class);

    private final AuditEventCodec codec = new AuditEventCodec();

    /**
     * A record that is not an audit event (malformed JSON, a missing field) can never be stored;
     * it is logged with its position, so it can be inspected in the topic, and skipped, so it does
     * not block its partition. A record of a newer schema version stops the loader instead: an
     * upgraded loader must store it, so its offset must not move.
     */
    Optional<AuditEvent> decode(ConsumerRecord<String, byte[]> record) {
        Header version = record.headers().lastHeader(AuditRecordHeaders.SCHEMA_VERSION);
        if (version != null && !AuditRecordHeaders.CURRENT_SCHEMA_VERSION.equals(
                new String(version.value(), StandardCharsets.UTF_8))) {
            throw new UnsupportedSchemaVersionException("record " + position(record) + " has audit schema version '"
                    + new String(version.value(), StandardCharsets.UTF_8) + "'; this loader reads version "
                    + AuditRecordHeaders.CURRENT_SCHEMA_VERSION + ": upgrade it");
        }
        if (record.value() == null) {
            log.error("Skipping audit record {}: it has no value", position(record));
            return Optional.empty();
        }
        try {
            return Optional.of(codec.fromJson(new String(record.value(), StandardCharsets.UTF_8)));
        } catch (InvalidAuditEventException e) {
            log.error("Skipping audit record {}: not an audit event: {}", position(record), e.getMessage());
            return Optional.empty();
        }
    }

    static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
