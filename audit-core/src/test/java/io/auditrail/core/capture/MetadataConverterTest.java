package io.auditrail.core.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.event.InvalidAuditEventException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MetadataConverterTest {

    private final MetadataConverter converter = new MetadataConverter(16);

    record Line(String sku, int quantity) {
    }

    record Order(String id, List<Line> lines, Status status) {
    }

    enum Status { OPEN }

    static final class Node {
        public Node next;
        public String name = "n";
    }

    static final class Opaque {
    }

    @Test
    void convertsRecordsEnumsDatesAndCollections() {
        Object value = converter.toJsonValue(new Order("o-1", List.of(new Line("A", 2)), Status.OPEN), "metadata.order");

        assertThat(value).isEqualTo(Map.of("id", "o-1", "lines", List.of(Map.of("sku", "A", "quantity", 2)), "status", "OPEN"));
        assertThat(converter.toJsonValue(Instant.parse("2026-01-02T03:04:05Z"), "m")).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(converter.toJsonValue(Optional.of(Status.OPEN), "m")).isEqualTo("OPEN");
        assertThat(converter.toJsonValue(new int[] {1, 2}, "m")).isEqualTo(List.of(1, 2));
        UUID uuid = UUID.randomUUID();
        assertThat(converter.toJsonValue(uuid, "m")).isEqualTo(uuid.toString());
    }

    @Test
    void rejectsACyclicBeanWithAClearMessageInsteadOfOverflowingTheStack() {
        Node node = new Node();
        node.next = node;

        assertThatThrownBy(() -> converter.toJsonValue(node, "metadata.node"))
                .isInstanceOf(InvalidAuditEventException.class)
                .hasMessageStartingWith("metadata.node holds a " + Node.class.getName() + " that cannot be serialised as JSON");
    }

    @Test
    void rejectsACyclicListByDepth() {
        List<Object> list = new ArrayList<>();
        list.add(list);

        assertThatThrownBy(() -> converter.toJsonValue(list, "metadata.list"))
                .hasMessageContaining("is nested deeper than the limit of 16 levels");
    }

    @Test
    void rejectsAValueJacksonCannotSerialise() {
        assertThatThrownBy(() -> converter.toJsonValue(new Opaque(), "metadata.opaque"))
                .hasMessageStartingWith("metadata.opaque holds a " + Opaque.class.getName() + " that cannot be serialised as JSON");
    }
}
