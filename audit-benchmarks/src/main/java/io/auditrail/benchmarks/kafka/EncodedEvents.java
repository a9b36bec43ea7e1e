package io.auditrail.benchmarks.kafka;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.kafka.AuditRecordHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Events encoded once, outside any timing, exactly as the sink encodes them: the canonical JSON
 * value, the organisation id as key and the two headers, so the raw baselines send records of
 * the sink's size and shape without paying for building or encoding them.
 */
final class EncodedEvents {

    private static final byte[] SCHEMA_VERSION = AuditRecordHeaders.CURRENT_SCHEMA_VERSION.getBytes(StandardCharsets.UTF_8);

    private final List<Encoded> encoded;

    private record Encoded(String key, byte[] value, List<Header> headers) {
    }

    private EncodedEvents(List<Encoded> encoded) {
        this.encoded = encoded;
    }

    static EncodedEvents of(List<AuditEvent> events) {
        AuditEventCodec codec = new AuditEventCodec();
        List<Encoded> encoded = new ArrayList<>(events.size());
        for (AuditEvent event : events) {
            encoded.add(new Encoded(event.organizationId() != null ? event.organizationId() : "",
                    codec.toCanonicalJson(event),
                    List.of(new RecordHeader(AuditRecordHeaders.EVENT_ID, event.id().toString().getBytes(StandardCharsets.UTF_8)),
                            new RecordHeader(AuditRecordHeaders.SCHEMA_VERSION, SCHEMA_VERSION))));
        }
        return new EncodedEvents(encoded);
    }

    int size() {
        return encoded.size();
    }

    double averageValueBytes() {
        return encoded.stream().mapToInt(e -> e.value().length).average().orElse(0);
    }

    /** One record per event for {@code topic}; a record may be sent many times, as the windows cycle through them. */
    List<ProducerRecord<String, byte[]>> records(String topic) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(encoded.size());
        for (Encoded e : encoded) {
            records.add(new ProducerRecord<>(topic, null, e.key(), e.value(), e.headers()));
        }
        return records;
    }
}
