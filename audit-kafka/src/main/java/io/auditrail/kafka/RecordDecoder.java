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

    private static final int CURRENT_VERSION = Integer.parseInt(AuditRecordHeaders.CURRENT_SCHEMA_VERSION);

    private final AuditEventCodec codec = new AuditEventCodec();

    /**
     * A record that is not an audit event (malformed JSON, a missing field) can never be stored;
     * it is logged with its position, so it can be inspected in the topic, and skipped, so it does
     * not block its partition, as is a record whose schema version is not a number or older than
     * any sink wrote. A record of a newer schema version stops the loader instead: an upgraded
     * loader must store it, so its offset must not move.
     */
    Optional<AuditEvent> decode(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(AuditRecordHeaders.SCHEMA_VERSION);
        if (header != null) {
            String version = header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
            int number = versionNumber(version);
            if (number > CURRENT_VERSION) {
                throw new UnsupportedSchemaVersionException("record " + position(record) + " has audit schema version '"
                        + version + "'; this loader reads version " + CURRENT_VERSION + ": upgrade it");
            }
            if (number < CURRENT_VERSION) {
                log.error("Skipping audit record {}: schema version '{}' is not one any sink wrote", position(record),
                        version);
                return Optional.empty();
            }
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
        } catch (RuntimeException e) {
            // JSON of the right shape but the wrong types can fail inside the codec in other ways.
            log.error("Skipping audit record {}: not an audit event: {}", position(record), e.toString());
            return Optional.empty();
        }
    }

    /** The version as a number; 0, which no sink writes, for anything that is not a positive number. */
    private static int versionNumber(String version) {
        try {
            return Math.max(0, Integer.parseInt(version.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
