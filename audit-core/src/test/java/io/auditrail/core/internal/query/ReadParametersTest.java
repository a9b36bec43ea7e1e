package io.auditrail.core.internal.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.event.Outcome;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.core.store.InvalidAuditQueryException;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReadParametersTest {

    private static ReadParameters parse(String query) {
        return ReadParameters.of(QueryString.decode(query));
    }

    @Test
    void filtersBecomeAQueryAndBlankValuesCountAsAbsent() {
        AuditQuery query = parse("actor_id=alice&action=invoice.*&outcome=failure&from=2026-11-02&to=2026-11-02"
                + "&limit=50&offset=10&search=&resource_type=invoice").filters().organizationId("acme").build();
        assertThat(query.organizationId()).isEqualTo("acme");
        assertThat(query.actorId()).isEqualTo("alice");
        assertThat(query.outcome()).isEqualTo(Outcome.Status.FAILURE);
        assertThat(query.start()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
        assertThat(query.end()).isEqualTo(Instant.parse("2026-11-02T23:59:59.999999Z"));
        assertThat(query.limit()).isEqualTo(50);
        assertThat(query.offset()).isEqualTo(10);
        assertThat(query.search()).isNull();
    }

    @Test
    void numbersOutOfRangeSayTheRange() {
        assertThatThrownBy(() -> parse("offset=99999999999").filters())
                .isInstanceOf(InvalidAuditQueryException.class)
                .hasMessage("offset must be a whole number from 0 to 2147483647 but was '99999999999'");
        assertThatThrownBy(() -> parse("limit=5000").filters())
                .hasMessage("limit must be a whole number from 1 to 1000 but was '5000'");
        assertThatThrownBy(() -> parse("limit=lots").filters())
                .hasMessage("limit must be a whole number from 1 to 1000 but was 'lots'");
        assertThatThrownBy(() -> parse("from=99999999999999999999").number("from", 1, Long.MAX_VALUE))
                .hasMessage("from must be a whole number from 1 to 9223372036854775807 but was '99999999999999999999'");
        assertThat(parse("from=7").number("from", 1, Long.MAX_VALUE)).isEqualTo(7L);
    }

    @Test
    void unknownAndRepeatedParametersAreRefusedByName() {
        assertThatThrownBy(() -> parse("acton=x").acceptOnly(ReadParameters.FILTERS))
                .hasMessageStartingWith("unknown parameter 'acton'; accepted: action, actor_id, actor_name,");
        assertThatThrownBy(() -> parse("page=2").acceptOnly(Set.of()))
                .hasMessage("unknown parameter 'page'; this endpoint takes no parameters");
        assertThatThrownBy(() -> parse("limit=1&limit=2")).hasMessage("limit must be given at most once");
        assertThat(parse("limit=1").acceptOnly(ReadParameters.FILTERS).contains("limit")).isTrue();
    }

    @Test
    void datesFlagsAndOutcomesAreCheckedByName() {
        assertThatThrownBy(() -> parse("start_date=yesterday").filters()).hasMessageStartingWith(
                "start_date must be an ISO 8601 date-time (2026-11-23T10:15:30Z) or date (2026-11-23) but was 'yesterday'");
        assertThatThrownBy(() -> parse("start_date=2026-11-01&from=2026-11-01").filters())
                .hasMessage("start_date and from mean the same; give only one");
        assertThatThrownBy(() -> parse("outcome=maybe").filters())
                .hasMessage("outcome must be success or failure but was 'maybe'");
        assertThatThrownBy(() -> parse("total=maybe").flag("total", true))
                .hasMessage("total must be true or false but was 'maybe'");
        assertThat(parse("total=FALSE").flag("total", true)).isFalse();
        assertThat(parse("").flag("total", true)).isTrue();
    }
}
