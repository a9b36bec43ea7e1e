package io.auditrail.benchmarks.kafka;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.kafka.AuditRecords;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Events encoded once, outside any timing, by the sink's own {@link AuditRecords}: the canonical
 * JSON value, the organisation id as key and the two headers, so the raw baselines send records of
 * the sink's size and shape without paying for building or encoding them.
 */
final class EncodedEvents {

    /** Built for no topic in particular; {@link #records(String)} re-addresses them. */
    private final List<ProducerRecord<String, byte[]>> encoded;

    private EncodedEvents(List<ProducerRecord<String, byte[]>> encoded) {
        this.encoded = encoded;
    }

    static EncodedEvents of(List<AuditEvent> events) {
        AuditEventCodec codec = new AuditEventCodec();
        List<ProducerRecord<String, byte[]>> encoded = new ArrayList<>(events.size());
        for (AuditEvent event : events) {
            encoded.add(AuditRecords.of("", event, codec.toCanonicalJson(event)));
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
        for (ProducerRecord<String, byte[]> e : encoded) {
            records.add(new ProducerRecord<>(topic, null, e.key(), e.value(), e.headers()));
        }
        return records;
    }
}
