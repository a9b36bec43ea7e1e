package io.auditrail.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.event.Outcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void defaultsToTheFirstPageOfTwentyWithNoFilters() {
        AuditQuery query = AuditQuery.builder().build();

        assertThat(query.limit()).isEqualTo(20);
        assertThat(query.offset()).isZero();
        assertThat(query.organizationId()).isNull();
        assertThat(query.cursor()).isNull();
    }

    @Test
    void treatsBlankTextAsAbsent() {
        AuditQuery query = AuditQuery.builder().actorName("").search("\t").action(" ").build();

        assertThat(query.actorName()).isNull();
        assertThat(query.search()).isNull();
        assertThat(query.action()).isNull();
    }

    @Test
    void acceptsTheLimitBoundsAndAnEqualStartAndEnd() {
        assertThat(AuditQuery.builder().limit(1).build().limit()).isEqualTo(1);
        assertThat(AuditQuery.builder().limit(1000).build().limit()).isEqualTo(1000);
        assertThat(AuditQuery.builder().start(START).end(START).build().end()).isEqualTo(START);
    }

    @Test
    void rejectsALimitOutOfRange() {
        assertThatThrownBy(() -> AuditQuery.builder().limit(0).build())
                .isInstanceOf(InvalidAuditQueryException.class)
                .hasMessage("limit must be between 1 and 1000 but was 0");
        assertThatThrownBy(() -> AuditQuery.builder().limit(1001).build())
                .isInstanceOf(InvalidAuditQueryException.class)
                .hasMessage("limit must be between 1 and 1000 but was 1001");
    }

    @Test
    void rejectsANegativeOffset() {
        assertThatThrownBy(() -> AuditQuery.builder().offset(-1).build())
                .isInstanceOf(InvalidAuditQueryException.class)
                .hasMessage("offset must not be negative but was -1");
    }

    @Test
    void rejectsAnEndBeforeTheStart() {
        assertThatThrownBy(() -> AuditQuery.builder().start(START).end(START.minusNanos(1000)).build())
                .isInstanceOf(InvalidAuditQueryException.class)
                .hasMessageContaining("end_date").hasMessageContaining("before start_date");
    }

    @Test
    void rejectsAnOffsetCombinedWithACursor() {
        assertThatThrownBy(() -> AuditQuery.builder().offset(5).cursor(new AuditCursor(START, 7)).build())
                .isInstanceOf(InvalidAuditQueryException.class)
                .hasMessageContaining("offset and cursor");
    }

    @Test
    void rejectsOverlongFilterText() {
        assertThatThrownBy(() -> AuditQuery.builder().search("x".repeat(1025)).build())
                .isInstanceOf(InvalidAuditQueryException.class)
                .hasMessage("search must be at most 1024 characters but was 1025");
    }

    @Test
    void recognisesThePrefixFormOfAnAction() {
        AuditQuery prefix = AuditQuery.builder().action("invoice.*").build();
        AuditQuery partial = AuditQuery.builder().action("invoice").build();

        assertThat(prefix.isActionPrefix()).isTrue();
        assertThat(prefix.actionPrefix()).isEqualTo("invoice.");
        assertThat(partial.isActionPrefix()).isFalse();
        assertThat(AuditQuery.builder().action(".*").build().isActionPrefix()).isFalse();
        assertThatThrownBy(partial::actionPrefix).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterKeepsTheFiltersAndMovesToTheCursor() {
        AuditQuery first = AuditQuery.builder().organizationId("acme").actorId("alice").limit(50).build();
        AuditCursor cursor = new AuditCursor(START, 42);

        AuditQuery next = first.after(cursor);

        assertThat(next.organizationId()).isEqualTo("acme");
        assertThat(next.actorId()).isEqualTo("alice");
        assertThat(next.limit()).isEqualTo(50);
        assertThat(next.cursor()).isEqualTo(cursor);
    }

    @Test
    void takesACursorTokenAndIgnoresABlankOne() {
        AuditCursor cursor = new AuditCursor(START, 3);

        assertThat(AuditQuery.builder().cursor(cursor.encode()).build().cursor()).isEqualTo(cursor);
        assertThat(AuditQuery.builder().cursor(" ").build().cursor()).isNull();
    }

    @Test
    void refusesAnEmptyOrganisationSoAnUnresolvedScopeCannotReadEveryone() {
        assertThatThrownBy(() -> AuditQuery.builder().organizationId(null))
                .isInstanceOf(InvalidAuditQueryException.class).hasMessageContaining("organization_id must not be empty");
        assertThatThrownBy(() -> AuditQuery.builder().organizationId(" "))
                .isInstanceOf(InvalidAuditQueryException.class);
        assertThat(AuditQuery.builder().build().organizationId()).as("left out on purpose: every organisation").isNull();
    }

    @Test
    void countsTheTotalUnlessToldNotToAndKeepsTheChoiceOnLaterPages() {
        AuditQuery query = AuditQuery.builder().organizationId("acme").offset(40).build();

        assertThat(query.countTotal()).isTrue();
        AuditQuery uncounted = query.withoutTotal();
        assertThat(uncounted.countTotal()).isFalse();
        assertThat(uncounted).isEqualTo(AuditQuery.builder().organizationId("acme").offset(40).countTotal(false).build());
    }

    @Test
    void derivesCopiesThroughTheBuilderWithEveryFieldKept() {
        AuditQuery full = AuditQuery.builder().organizationId("acme").actorId("alice").actorName("Ali")
                .action("invoice.*").resourceType("invoice").resourceId("42").outcome(Outcome.Status.FAILURE)
                .search("paid").start(START).end(START.plusSeconds(60)).limit(7).cursor(new AuditCursor(START, 3))
                .countTotal(false).build();

        assertThat(full.toBuilder().build()).isEqualTo(full);
        assertThat(full.after(new AuditCursor(START, 9))).isEqualTo(full.toBuilder().cursor(new AuditCursor(START, 9))
                .build());
        AuditQuery everyOrganisation = AuditQuery.builder().action("login").offset(5).build();
        assertThat(everyOrganisation.withoutTotal().organizationId()).as("an admin query stays unscoped").isNull();
        assertThat(everyOrganisation.after(new AuditCursor(START, 1)).offset()).isZero();
    }
}
