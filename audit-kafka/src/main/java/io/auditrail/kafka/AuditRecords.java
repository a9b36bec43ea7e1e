package io.auditrail.kafka;

import io.auditrail.core.event.AuditEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The record {@link KafkaAuditSink} writes for an event: the organisation id as key (the empty
 * string for events without one, so they too keep one order), the canonical JSON as value, and
 * the {@link AuditRecordHeaders}. Public so that tools publishing on the sink's behalf, or
 * measuring beside it, write exactly the same records.
 */
public final class AuditRecords {

    /** Key of events without an organisation. */
    static final String NO_ORGANIZATION_KEY = "";

    /** The same for every record; Kafka only reads a header, so one instance serves them all. */
    private static final Header SCHEMA_VERSION = new RecordHeader(AuditRecordHeaders.SCHEMA_VERSION,
            AuditRecordHeaders.CURRENT_SCHEMA_VERSION.getBytes(StandardCharsets.UTF_8));

    private AuditRecords() {
    }

    /**
     * The record for one event.
     *
     * @param topic the topic
     * @param event the event
     * @param canonicalJson the event's canonical JSON, from {@code AuditEventCodec#toCanonicalJson}
     * @return the record, partitioned by its key
     */
    public static ProducerRecord<String, byte[]> of(String topic, AuditEvent event, byte[] canonicalJson) {
        Header id = new RecordHeader(AuditRecordHeaders.EVENT_ID, event.id().toString().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, key(event), canonicalJson, List.of(id, SCHEMA_VERSION));
    }

    static String key(AuditEvent event) {
        return event.organizationId() != null ? event.organizationId() : NO_ORGANIZATION_KEY;
    }
}
