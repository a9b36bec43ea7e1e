package io.auditrail.jdbc.contract;

import static io.auditrail.jdbc.contract.TestEvents.BASE;
import static io.auditrail.jdbc.contract.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditrail.core.config.InitializeSchema;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.ActorType;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.event.RequestContext;
import io.auditrail.core.event.Resource;
import io.auditrail.core.spi.AuditSinkException;
import io.auditrail.core.store.AuditCursor;
import io.auditrail.core.store.AuditPage;
import io.auditrail.core.store.AuditQuery;
import io.auditrail.core.store.ExportFormat;
import io.auditrail.core.store.InvalidAuditQueryException;
import io.auditrail.core.store.Usage;
import io.auditrail.core.validation.AuditLimits;
import io.auditrail.jdbc.JdbcAuditStore;
import io.auditrail.jdbc.JdbcAuditStoreBuilder;
import io.auditrail.jdbc.internal.dialect.SqlDialect;
import io.auditrail.jdbc.schema.SchemaValidationException;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The behaviour every database must show, run unchanged on H2, HSQLDB, PostgreSQL and MariaDB by a
 * three-line subclass per database. Each test works in its own freshly created table, dropped
 * afterwards, so tests are independent and can share one server.
 */
public abstract class AbstractJdbcAuditStoreContractTest {

    /** "Now" for usage and retention: a few days after {@link TestEvents#BASE}. */
    protected static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

    private static final List<String> HOSTILE_TEXT = List.of("' OR 1=1 --", "%", "_", "\\", "!", "'", "\"; DROP TABLE x; --");

    private final List<String> tables = new ArrayList<>();
    private String table;
    private JdbcAuditStore store;

    /**
     * The database under test.
     *
     * @return its configuration
     */
    protected abstract DbConfig dbConfig();

    @BeforeEach
    void createStore() {
        table = newTableName();
        store = builder(table).build();
    }

    @AfterEach
    void dropTables() throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (String name : tables) {
                statement.execute("DROP TABLE IF EXISTS " + name);
            }
        }
    }

    // ---- writes -------------------------------------------------------------------------

    @Test
    void storesEveryFieldAndReadsItBackUnchanged() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("amount", new BigDecimal("12.5"));
        nested.put("count", 42L);
        nested.put("big", new BigInteger("123456789012345678901234567890"));
        nested.put("tags", List.of("a", "b", true, 7L));
        nested.put("inner", Map.of("deeper", Map.of("emoji", "😀 ünïcödé 日本語")));
        AuditEvent original = AuditEvent.builder()
                .organizationId("acme")
                .timestamp(Instant.parse("2026-11-23T10:15:30.123456Z"))
                .actor(new Actor("bob", "Bob Ünicode", "bob@example.com", ActorType.SERVICE))
                .action("invoice.deleted")
                .resource(new Resource("invoice", "inv-42", "Invoice 42"))
                .outcome(Outcome.failure("java.lang.IllegalStateException", "line one\nline two"))
                .context(new RequestContext("203.0.113.9", "curl/8.0", "req-1"))
                .metadata(nested)
                .metadata("nothing", null)
                .build();

        store.write(List.of(original));

        assertThat(store.findById("acme", original.id())).contains(original);
    }

    @Test
    void storesEveryFieldAtTheLengthTheCoreValidatorAllows() {
        String identifier = "i".repeat(AuditLimits.DEFAULTS.maxIdentifierLength());
        String text = "t".repeat(AuditLimits.DEFAULTS.maxTextLength());
        AuditEvent longest = event(identifier, 0)
                .actor(new Actor(identifier, text, text, ActorType.USER))
                .action(identifier)
                .resource(new Resource(identifier, identifier, text))
                .outcome(Outcome.failure(text, text))
                .context(new RequestContext(text, text, identifier))
                .build();

        store.write(List.of(longest));

        assertThat(store.findById(identifier, longest.id())).contains(longest);
    }

    @Test
    void keepsMicrosecondsInUtc() {
        Instant precise = Instant.parse("2026-11-23T10:15:30.123456Z");
        AuditEvent event = event("acme", 0).timestamp(precise).build();
        store.write(List.of(event));

        assertThat(store.findById("acme", event.id()).orElseThrow().timestamp()).isEqualTo(precise);
        assertThat(ids(query(q -> q.organizationId("acme").start(precise).end(precise))))
                .as("inclusive bounds at the exact microsecond").containsExactly(event.id());
        assertThat(query(q -> q.start(precise.plusNanos(1000))).events()).isEmpty();
        assertThat(query(q -> q.end(precise.minusNanos(1000))).events()).isEmpty();
    }

    @Test
    void writingTheSameBatchTwiceStoresEachEventOnce() {
        List<AuditEvent> batch = List.of(event("acme", 1).build(), event("acme", 2).build(), event("acme", 3).build());

        store.write(batch);
        store.write(batch);

        assertThat(rowCount()).isEqualTo(3);
    }

    @Test
    void aBatchRepeatingAnIdInsideItStoresItOnce() {
        AuditEvent stored = event("acme", 1).build();
        store.write(List.of(stored));
        AuditEvent a = event("acme", 2).build();
        AuditEvent b = event("acme", 3).build();

        store.write(List.of(a, stored, b, a));

        assertThat(rowCount()).isEqualTo(3);
        assertThat(ids(query(q -> q.organizationId("acme")))).containsExactlyInAnyOrder(stored.id(), a.id(), b.id());
    }

    /**
     * A batch may travel as one statement (PostgreSQL's arrays): every value must come back as
     * written, the texts an array literal has to quote among them, and rows keep the batch's order.
     */
    @Test
    void aBatchKeepsEveryValueAndItsOrder() {
        Instant sameMoment = Instant.parse("2026-11-23T10:15:30.123456Z");
        AuditEvent quoting = event("acme", 1).timestamp(sameMoment)
                .actor(new Actor("u-1", "NULL", "a\\b\"c@example.com", ActorType.USER))
                .resource(new Resource("invoice", "inv-{1}", "a,b {c} \"d\" \\e ünï"))
                .context(new RequestContext("203.0.113.9", "Mozilla/5.0 (\"quoted\", {braced})", "req-1"))
                .outcome(Outcome.failure("java.lang.IllegalStateException", "said \"no\", twice\\"))
                .metadata(Map.of("note", "{\"not\": \"json\"}", "list", List.of("x,y", "NULL")))
                .build();
        AuditEvent empty = event("acme", 2).timestamp(sameMoment).metadata(Map.of()).build();
        AuditEvent plain = event("acme", 3).timestamp(sameMoment).build();

        store.write(List.of(quoting, empty, plain));

        for (AuditEvent written : List.of(quoting, empty, plain)) {
            assertThat(store.findById("acme", written.id())).contains(written);
        }
        assertThat(ids(query(q -> q.organizationId("acme")))).as("same instant: newest row first")
                .containsExactly(plain.id(), empty.id(), quoting.id());
    }

    /**
     * A batch may travel as COPY text (PostgreSQL), where a backslash starts an escape, {@code \N}
     * reads as null and {@code \.} alone on a line ends the data: values made of exactly those must
     * come back as written.
     */
    @Test
    void aBatchKeepsBackslashSequencesThatCopyTextWouldRead() {
        AuditEvent backslashes = event("acme", 1)
                .actor(new Actor("\\N", "\\.", "tab\\tnew\\nline@example.com", ActorType.USER))
                .resource(new Resource("invoice", "\\", "ends with a backslash\\"))
                .outcome(Outcome.failure("\\r", "\\\\N \\t\\N"))
                .metadata(Map.of("text", "line\nbreak\ttab\\N", "path", "C:\\temp\\new"))
                .build();
        AuditEvent after = event("acme", 2).build();

        store.write(List.of(backslashes, after));

        assertThat(store.findById("acme", backslashes.id())).contains(backslashes);
        assertThat(store.findById("acme", after.id())).as("the next row starts where it should").contains(after);
    }

    @Test
    void aDataErrorRejectsOnlyTheBadEventAndStoresTheRest() {
        AuditEvent fine = event("acme", 1).build();
        AuditEvent tooLong = event("acme", 2).resource(Resource.of("invoice", "x".repeat(300))).build();
        AuditEvent alsoFine = event("acme", 3).build();

        assertThatThrownBy(() -> store.write(List.of(fine, tooLong, alsoFine)))
                .isInstanceOfSatisfying(AuditSinkException.class, e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.rejections()).extracting(AuditSinkException.Rejection::event).containsExactly(tooLong);
                });
        assertThat(rowCount()).as("the good events are stored").isEqualTo(2);
    }

    @Test
    void aSingleEventWithADataErrorIsReportedAsItsRejection() {
        AuditEvent tooLong = event("acme", 1).resource(Resource.of("invoice", "x".repeat(300))).build();

        assertThatThrownBy(() -> store.write(List.of(tooLong)))
                .isInstanceOfSatisfying(AuditSinkException.class, e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.rejections()).extracting(AuditSinkException.Rejection::event).containsExactly(tooLong);
                });
        assertThat(rowCount()).isZero();
    }

    @Test
    void aStoreThatCannotWriteAtAllRefusesTheBatchNotItsEvents() {
        JdbcAuditStore noTable = builder(newTableName()).initializeSchema(InitializeSchema.NEVER).validateSchema(false)
                .build();

        assertThatThrownBy(() -> noTable.write(List.of(event("acme", 1).build(), event("acme", 2).build())))
                .isInstanceOfSatisfying(AuditSinkException.class, e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.rejections()).as("no event is to blame for a missing table").isEmpty();
                });
    }

    @Test
    void writeReturningAnswersTheEventAsFindByIdReadsItKeysInTheStoredOrder() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("zz", 1L);
        inner.put("a", new BigDecimal("1.25"));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("longest key", "x");
        metadata.put("b", inner);
        metadata.put("aa", List.of(true, "y"));
        AuditEvent event = event("acme", 1).metadata(metadata).build();

        AuditEvent written = store.writeReturning(event).orElseThrow();

        AuditEvent read = store.findById("acme", event.id()).orElseThrow();
        assertThat(written).isEqualTo(read).isEqualTo(event);
        assertThat(List.copyOf(written.metadata().keySet())).as("the order a JSON column may have given the keys")
                .isEqualTo(List.copyOf(read.metadata().keySet()));
        assertThat(rowCount()).isEqualTo(1);
    }

    @Test
    void writeReturningStoresAnIdOnceAndAnswersNothingForAnIdTakenByAnotherOrganisation() {
        AuditEvent acme = event("acme", 1).build();
        store.writeReturning(acme);

        assertThat(store.writeReturning(acme.toBuilder().organizationId("globex").build())).isEmpty();
        assertThat(rowCount()).isEqualTo(1);
        assertThat(store.findById("acme", acme.id())).contains(acme);
    }

    @Test
    void writeReturningReportsADataErrorAsTheEventsRejection() {
        AuditEvent tooLong = event("acme", 1).resource(Resource.of("invoice", "x".repeat(300))).build();

        assertThatThrownBy(() -> store.writeReturning(tooLong))
                .isInstanceOfSatisfying(AuditSinkException.class, e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.rejections()).extracting(AuditSinkException.Rejection::event).containsExactly(tooLong);
                });
        assertThat(rowCount()).isZero();
    }

    @Test
    void anEmptyBatchIsANoOp() {
        store.write(List.of());

        assertThat(rowCount()).isZero();
    }

    // ---- transaction rule -----------------------------------------------------------------

    @Test
    void joinsTheCallersTransactionAndLeavesRollbackToTheCaller() throws SQLException {
        try (SingleConnectionDataSource shared = new SingleConnectionDataSource(dataSource().getConnection())) {
            Connection connection = shared.getConnection();
            connection.setAutoCommit(false);
            JdbcAuditStore joined = JdbcAuditStore.builder(shared).tableName(table)
                    .initializeSchema(InitializeSchema.NEVER).joinCallerTransactionsWhen(() -> true).build();

            joined.write(List.of(event("acme", 1).build()));
            assertThat(rowCount()).as("not committed by the store").isZero();
            connection.rollback();
            assertThat(rowCount()).isZero();

            joined.write(List.of(event("acme", 2).build(), event("acme", 3).build()));
            assertThat(connection.getAutoCommit()).isFalse();
            connection.commit();
            assertThat(rowCount()).isEqualTo(2);
        }
    }

    @Test
    void writeReturningJoinsTheCallersTransactionToo() throws SQLException {
        try (SingleConnectionDataSource shared = new SingleConnectionDataSource(dataSource().getConnection())) {
            Connection connection = shared.getConnection();
            connection.setAutoCommit(false);
            JdbcAuditStore joined = JdbcAuditStore.builder(shared).tableName(table)
                    .initializeSchema(InitializeSchema.NEVER).joinCallerTransactionsWhen(() -> true).build();
            AuditEvent event = event("acme", 1).build();

            assertThat(joined.writeReturning(event)).contains(event);
            assertThat(rowCount()).as("not committed by the store").isZero();
            connection.rollback();
            assertThat(rowCount()).isZero();
        }
    }

    @Test
    void aFailedWriteInTheCallersTransactionLeavesThatTransactionUsable() throws SQLException {
        try (SingleConnectionDataSource shared = new SingleConnectionDataSource(dataSource().getConnection())) {
            Connection connection = shared.getConnection();
            connection.setAutoCommit(false);
            JdbcAuditStore joined = JdbcAuditStore.builder(shared).tableName(table)
                    .initializeSchema(InitializeSchema.NEVER).joinCallerTransactionsWhen(() -> true).build();
            JdbcAuditStore noTable = JdbcAuditStore.builder(shared).tableName(newTableName())
                    .initializeSchema(InitializeSchema.NEVER).validateSchema(false)
                    .joinCallerTransactionsWhen(() -> true).build();

            joined.write(List.of(event("acme", 1).build()));
            assertThatThrownBy(() -> noTable.write(List.of(event("acme", 2).build())))
                    .isInstanceOf(AuditSinkException.class);
            assertThatThrownBy(() -> noTable.write(List.of(event("acme", 3).build(), event("acme", 4).build())))
                    .isInstanceOf(AuditSinkException.class);
            // On PostgreSQL a failed statement aborts the whole transaction unless it ran under a savepoint.
            joined.write(List.of(event("acme", 5).build()));
            joined.write(List.of(event("acme", 6).build(), event("acme", 7).build()));
            connection.commit();

            assertThat(rowCount()).as("the caller's transaction committed every row but the failed ones")
                    .isEqualTo(4);
        }
    }

    @Test
    void writeReturningCommitsOnAConnectionThatStartsWithAutoCommitOff() throws SQLException {
        try (SingleConnectionDataSource shared = new SingleConnectionDataSource(dataSource().getConnection())) {
            Connection connection = shared.getConnection();
            connection.setAutoCommit(false);
            JdbcAuditStore own = JdbcAuditStore.builder(shared).tableName(table)
                    .initializeSchema(InitializeSchema.NEVER).build();

            own.writeReturning(event("acme", 1).build());
            connection.rollback();

            assertThat(rowCount()).isEqualTo(1);
        }
    }

    @Test
    void anEventAlreadyStoredIsSkippedInsideTheCallersTransaction() throws SQLException {
        try (SingleConnectionDataSource shared = new SingleConnectionDataSource(dataSource().getConnection())) {
            Connection connection = shared.getConnection();
            connection.setAutoCommit(false);
            JdbcAuditStore joined = JdbcAuditStore.builder(shared).tableName(table)
                    .initializeSchema(InitializeSchema.NEVER).joinCallerTransactionsWhen(() -> true).build();
            AuditEvent first = event("acme", 1).build();

            joined.write(List.of(first));
            joined.write(List.of(first));
            joined.write(List.of(event("acme", 2).build()));
            connection.commit();

            assertThat(rowCount()).isEqualTo(2);
            assertThat(store.findById("acme", first.id())).contains(first);
        }
    }

    @Test
    void commitsItsOwnWorkOnAConnectionThatStartsWithAutoCommitOff() throws SQLException {
        try (SingleConnectionDataSource shared = new SingleConnectionDataSource(dataSource().getConnection())) {
            Connection connection = shared.getConnection();
            connection.setAutoCommit(false);
            JdbcAuditStore own = JdbcAuditStore.builder(shared).tableName(table)
                    .initializeSchema(InitializeSchema.NEVER).build();

            own.write(List.of(event("acme", 1).build()));
            connection.rollback();

            assertThat(rowCount()).as("committed by the store, so the pool's rollback cannot undo it").isEqualTo(1);
        }
    }

    @Test
    void commitsItsOwnTransactionOnAnAutoCommitConnectionAndRestoresTheMode() throws SQLException {
        try (SingleConnectionDataSource shared = new SingleConnectionDataSource(dataSource().getConnection())) {
            Connection connection = shared.getConnection();
            connection.setAutoCommit(true);
            JdbcAuditStore own = JdbcAuditStore.builder(shared).tableName(table)
                    .initializeSchema(InitializeSchema.NEVER).build();

            own.write(List.of(event("acme", 1).build(), event("acme", 2).build()));

            assertThat(connection.getAutoCommit()).isTrue();
            assertThat(rowCount()).as("visible to another connection").isEqualTo(2);
        }
    }

    // ---- reads: find by id, filters -------------------------------------------------------

    @Test
    void findsByIdOnlyWithinTheOrganisation() {
        AuditEvent acme = event("acme", 1).build();
        AuditEvent none = event(null, 2).build();
        store.write(List.of(acme, none));

        assertThat(store.findById("acme", acme.id())).contains(acme);
        assertThat(store.findById("globex", acme.id())).isEmpty();
        assertThat(store.findById(null, acme.id())).isEmpty();
        assertThat(store.findById(null, none.id())).contains(none);
        assertThat(store.findById("acme", UUID.randomUUID())).isEmpty();
    }

    @Test
    void matchesNonAsciiNamesInTheirOwnCaseWhateverTheDatabaseLocale() {
        store.write(List.of(event("acme", 1).actor(Actor.user("emile", "ÉMILE Zoë", null)).build(),
                event("acme", 2).build()));

        assertThat(store.query(AuditQuery.builder().organizationId("acme").actorName("ÉMILE").build()).events())
                .extracting(e -> e.actor().id()).containsExactly("emile");
        assertThat(store.query(AuditQuery.builder().organizationId("acme").search("Zoë").build()).events())
                .extracting(e -> e.actor().id()).containsExactly("emile");
    }

    @Test
    void everyFilterMatchesWhatTheHostedApiWould() {
        List<AuditEvent> fixture = writeFixture();

        assertFilter(fixture, q -> q.organizationId("globex"), e -> "globex".equals(e.organizationId()));
        assertFilter(fixture, q -> q.actorId("alice"), e -> e.actor().id().equals("alice"));
        assertFilter(fixture, q -> q.actorId("ALICE"), e -> false);
        assertFilter(fixture, q -> q.actorName("lIDDell"), e -> nameContains(e, "liddell"));
        assertFilter(fixture, q -> q.action("DELETE"), e -> e.action().contains("delete"));
        assertFilter(fixture, q -> q.action("invoice"), e -> e.action().contains("invoice"));
        assertFilter(fixture, q -> q.action("invoice.*"), e -> e.action().startsWith("invoice."));
        assertFilter(fixture, q -> q.resourceType("invoice"), e -> e.resource().type().equals("invoice"));
        assertFilter(fixture, q -> q.resourceType("invo"), e -> false);
        assertFilter(fixture, q -> q.resourceId("inv-1"), e -> e.resource().id().equals("inv-1"));
        assertFilter(fixture, q -> q.outcome(Outcome.Status.FAILURE), e -> !e.outcome().isSuccess());
        assertFilter(fixture, q -> q.outcome(Outcome.Status.SUCCESS), e -> e.outcome().isSuccess());
        assertFilter(fixture, q -> q.search("PAY"), e -> searchMatches(e, "pay"));
        assertFilter(fixture, q -> q.search("bob"), e -> searchMatches(e, "bob"));
        assertFilter(fixture, q -> q.search("session"), e -> searchMatches(e, "session"));
        Instant from = BASE.plusSeconds(2);
        Instant to = BASE.plusSeconds(4);
        assertFilter(fixture, q -> q.start(from).end(to),
                e -> !e.timestamp().isBefore(from) && !e.timestamp().isAfter(to));
        assertFilter(fixture, q -> q.organizationId("acme").actorId("alice").action("invoice.*").resourceType("invoice"),
                e -> "acme".equals(e.organizationId()) && e.actor().id().equals("alice")
                        && e.action().startsWith("invoice.") && e.resource().type().equals("invoice"));
    }

    @Test
    void sqlMetacharactersAndWildcardsInEveryFilterMatchOnlyLiterally() {
        List<AuditEvent> fixture = writeFixture();
        for (String text : HOSTILE_TEXT) {
            assertFilter(fixture, q -> q.organizationId(text), e -> text.equals(e.organizationId()));
            assertFilter(fixture, q -> q.actorId(text), e -> e.actor().id().equals(text));
            assertFilter(fixture, q -> q.actorName(text), e -> nameContains(e, text));
            assertFilter(fixture, q -> q.action(text), e -> e.action().contains(text));
            assertFilter(fixture, q -> q.action(text + ".*"), e -> e.action().startsWith(text + "."));
            assertFilter(fixture, q -> q.resourceType(text), e -> e.resource().type().equals(text));
            assertFilter(fixture, q -> q.resourceId(text), e -> e.resource().id().equals(text));
            assertFilter(fixture, q -> q.search(text), e -> searchMatches(e, text));
        }
        assertThat(query(q -> q.actorName("%")).events()).as("a literal percent sign matches one actor").hasSize(1);
        assertThat(query(q -> q.actorName("\\")).events()).as("a literal backslash matches one actor").hasSize(1);
        assertThat(rowCount()).as("table intact").isEqualTo(fixture.size());
    }

    // ---- ordering and paging --------------------------------------------------------------

    @Test
    void returnsNewestFirstAndBreaksTimestampTiesByInsertionOrder() {
        AuditEvent old = event("acme", 1).build();
        AuditEvent tieFirst = event("acme", 5).build();
        AuditEvent tieSecond = event("acme", 5).build();
        AuditEvent newest = event("acme", 9).build();
        store.write(List.of(old, tieFirst, tieSecond, newest));

        assertThat(ids(query(q -> q.organizationId("acme"))))
                .containsExactly(newest.id(), tieSecond.id(), tieFirst.id(), old.id());
    }

    @Test
    void pagesWithLimitOffsetAndTotal() {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            events.add(event("acme", i).build());
        }
        store.write(events);
        store.write(List.of(event("globex", 0).build()));

        AuditPage first = query(q -> q.organizationId("acme").limit(10));
        AuditPage third = query(q -> q.organizationId("acme").limit(10).offset(20));
        AuditPage beyond = query(q -> q.organizationId("acme").limit(10).offset(30));

        assertThat(first.total()).isEqualTo(25);
        assertThat(first.events()).hasSize(10);
        assertThat(first.events().get(0).id()).isEqualTo(events.get(24).id());
        assertThat(first.hasMore()).isTrue();
        assertThat(ids(third)).containsExactly(events.get(4).id(), events.get(3).id(), events.get(2).id(),
                events.get(1).id(), events.get(0).id());
        assertThat(third.hasMore()).isFalse();
        assertThat(third.total()).isEqualTo(25);
        assertThat(beyond.events()).isEmpty();
        AuditPage defaults = store.query(AuditQuery.builder().organizationId("acme").build());
        assertThat(defaults.limit()).isEqualTo(AuditQuery.DEFAULT_LIMIT);
        assertThat(defaults.events()).hasSize(AuditQuery.DEFAULT_LIMIT);
    }

    @Test
    void cursorsWalkEveryPageWithoutDuplicatesOrGaps() {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 53; i++) {
            // Runs of equal timestamps cross page boundaries, so the sequence tie-breaker matters.
            events.add(event("acme", i / 4).build());
        }
        store.write(events);
        List<UUID> expected = new ArrayList<>();
        for (int i = events.size() - 1; i >= 0; i--) {
            expected.add(events.get(i).id());
        }

        List<UUID> walked = new ArrayList<>();
        AuditQuery query = AuditQuery.builder().organizationId("acme").limit(10).build();
        int pages = 0;
        while (true) {
            AuditPage page = store.query(query);
            pages++;
            assertThat(page.total()).isEqualTo(53);
            walked.addAll(ids(page));
            if (!page.hasMore()) {
                break;
            }
            query = query.after(AuditCursor.decode(page.nextCursor().encode()));
        }

        assertThat(pages).isEqualTo(6);
        assertThat(walked).containsExactlyElementsOf(expected);
        assertThat(new HashSet<>(walked)).hasSize(53);
    }

    @Test
    void aPageThatDoesNotCountReturnsTheSameEventsWithoutATotal() {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            events.add(event("acme", i).build());
        }
        store.write(events);
        AuditQuery first = AuditQuery.builder().organizationId("acme").limit(5).build();
        AuditQuery second = first.after(store.query(first).nextCursor());

        AuditPage counted = store.query(second);
        AuditPage uncounted = store.query(second.withoutTotal());

        assertThat(counted.isTotalCounted()).isTrue();
        assertThat(counted.total()).isEqualTo(12);
        assertThat(uncounted.isTotalCounted()).isFalse();
        assertThat(uncounted.total()).isEqualTo(AuditPage.NOT_COUNTED);
        assertThat(ids(uncounted)).isEqualTo(ids(counted)).hasSize(5);
        assertThat(uncounted.nextCursor()).isEqualTo(counted.nextCursor());
        assertThat(second.withoutTotal().after(uncounted.nextCursor()).countTotal())
                .as("the next page keeps the choice").isFalse();
    }

    @Test
    void rejectsATamperedCursor() {
        store.write(List.of(event("acme", 1).build(), event("acme", 2).build()));
        String token = query(q -> q.organizationId("acme").limit(1)).nextCursor().encode();
        char last = token.charAt(token.length() - 2);
        String tampered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);

        assertThatThrownBy(() -> AuditQuery.builder().cursor(tampered))
                .isInstanceOf(InvalidAuditQueryException.class).hasMessageContaining("cursor");
        assertThatThrownBy(() -> AuditQuery.builder().cursor("' OR 1=1 --"))
                .isInstanceOf(InvalidAuditQueryException.class).hasMessageContaining("cursor");
    }

    @Test
    void rejectsBadQueriesWithClearMessages() {
        assertThatThrownBy(() -> AuditQuery.builder().limit(0).build()).hasMessageContaining("limit");
        assertThatThrownBy(() -> AuditQuery.builder().limit(1001).build()).hasMessageContaining("limit");
        assertThatThrownBy(() -> AuditQuery.builder().offset(-1).build()).hasMessageContaining("offset");
        assertThatThrownBy(() -> AuditQuery.builder().start(BASE).end(BASE.minusSeconds(1)).build())
                .hasMessageContaining("before");
        assertThatThrownBy(() -> ExportFormat.fromName("xml")).hasMessageContaining("format");
        assertThatThrownBy(() -> builder("audit-events")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid SQL identifier");
        assertThatThrownBy(() -> builder("a; DROP TABLE x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder("a.b.c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder("t" + "x".repeat(63))).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- export -----------------------------------------------------------------------------

    @Test
    void exportsCsvWithTheHostedApiColumnsQuotedAndDefused() {
        AuditEvent plain = event("acme", 1).metadata("k", "v").build();
        AuditEvent tricky = event("acme", 2)
                .actor(Actor.user("u-1", "=HYPERLINK(\"http://evil\")", null))
                .resource(new Resource("invoice", "+1", "Smith, \"Jr\"\nsecond line"))
                .action("@SUM")
                .context(new RequestContext("-2", null, null))
                .build();
        AuditEvent tab = event("acme", 3).resource(new Resource("invoice", "\tcmd", "\rcr")).build();
        store.write(List.of(plain, tricky, tab));

        String csv = export(ExportFormat.CSV, q -> q.organizationId("acme"));

        String[] lines = csv.split("\r\n", -1);
        assertThat(lines[0]).isEqualTo("id,timestamp,actor_id,actor_name,action,resource_type,resource_id,"
                + "resource_name,organization_id,outcome,ip,metadata");
        assertThat(lines[1]).isEqualTo(tab.id() + ",2026-11-10T12:00:03.000000Z,alice,Alice Liddell,invoice.created,"
                + "invoice,'\tcmd,\"'\rcr\",acme,success,,");
        assertThat(csv).contains(tricky.id() + ",2026-11-10T12:00:02.000000Z,u-1,\"'=HYPERLINK(\"\"http://evil\"\")\","
                + "'@SUM,invoice,'+1,\"Smith, \"\"Jr\"\"\nsecond line\",acme,success,'-2,\r\n");
        assertThat(csv).endsWith(plain.id() + ",2026-11-10T12:00:01.000000Z,alice,Alice Liddell,invoice.created,"
                + "invoice,inv-1,,acme,success,,\"{\"\"k\"\":\"\"v\"\"}\"\r\n");
    }

    @Test
    void exportsAJsonArrayAndJsonLines() {
        List<AuditEvent> events = List.of(event("acme", 1).metadata("note", "a\nb").build(), event("acme", 2).build(),
                event("globex", 3).build());
        store.write(events);
        JsonMapper mapper = JsonMapper.builder().build();

        JsonNode array = mapper.readTree(export(ExportFormat.JSON, q -> q.organizationId("acme")));
        String lines = export(ExportFormat.JSON_LINES, q -> q.organizationId("acme"));
        JsonNode empty = mapper.readTree(export(ExportFormat.JSON, q -> q.organizationId("nobody")));

        assertThat(array.isArray()).isTrue();
        assertThat(array.size()).isEqualTo(2);
        assertThat(array.get(0).get("id").asString()).isEqualTo(events.get(1).id().toString());
        assertThat(array.get(1).get("metadata").get("note").asString()).isEqualTo("a\nb");
        assertThat(lines.split("\n")).hasSize(2)
                .allSatisfy(line -> assertThat(mapper.readTree(line).get("organization_id").asString()).isEqualTo("acme"));
        assertThat(lines).endsWith("\n");
        assertThat(empty.isArray()).isTrue();
        assertThat(empty.size()).isZero();
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void exportsTheSameBytesAsFormattingEachRowAsAValidatedEvent(ExportFormat format) {
        store.write(everyColumnShape());
        List<AuditEvent> newestFirst = query(q -> q).events();

        String exported = export(format, q -> q);

        assertThat(newestFirst).hasSize(everyColumnShape().size());
        assertThat(exported).isEqualTo(new EventByEventExport().format(format, newestFirst));
    }

    @Test
    void streamsALargeExportThroughABoundedFetchSize() {
        int rows = 50_000;
        List<AuditEvent> batch = new ArrayList<>(1000);
        for (int i = 0; i < rows; i++) {
            batch.add(event("acme", i).metadata("i", (long) i).build());
            if (batch.size() == 1000) {
                store.write(batch);
                batch.clear();
            }
        }
        StatementRecordingDataSource recording = new StatementRecordingDataSource(dataSource());
        JdbcAuditStore observed = JdbcAuditStore.builder(recording).tableName(table)
                .initializeSchema(InitializeSchema.NEVER).build();
        LineCounter out = new LineCounter();

        long written = observed.export(AuditQuery.builder().organizationId("acme").build(), ExportFormat.JSON_LINES, out);

        assertThat(written).isEqualTo(rows);
        assertThat(out.lines).isEqualTo(rows);
        assertThat(recording.queries()).singleElement().satisfies(query -> {
            assertThat(query.fetchSize()).isEqualTo(JdbcAuditStoreBuilder.DEFAULT_EXPORT_FETCH_SIZE);
            assertThat(query.rowsRead()[0]).isEqualTo(rows);
            if (dbConfig().name().equals("PostgreSQL")) {
                assertThat(query.autoCommit()).as("pgjdbc streams only inside a transaction").isFalse();
            }
        });
    }

    // ---- usage and retention -------------------------------------------------------------

    @Test
    void reportsThisMonthsUsageWithLimitAndRetention() {
        JdbcAuditStore limited = builder(table).initializeSchema(InitializeSchema.NEVER).monthlyEventLimit(10_000)
                .retention(Duration.ofDays(90)).retention("globex", Duration.ofDays(365)).build();
        Instant lastMonth = Instant.parse("2026-10-31T23:59:59.999999Z");
        Instant firstOfMonth = Instant.parse("2026-11-01T00:00:00Z");
        limited.write(List.of(
                event("acme", 0).timestamp(lastMonth).build(),
                event("acme", 0).timestamp(firstOfMonth).build(),
                event("acme", 0).timestamp(NOW).build(),
                event("globex", 0).timestamp(NOW).build()));

        Usage acme = limited.usage("acme");
        Usage globex = limited.usage("globex");

        assertThat(acme).isEqualTo(new Usage("acme", YearMonth.of(2026, 11), 2, 10_000L, 90L));
        assertThat(globex).isEqualTo(new Usage("globex", YearMonth.of(2026, 11), 1, 10_000L, 365L));
        assertThat(store.usage("acme").monthlyLimit()).isNull();
        assertThat(store.usage("acme").retentionDays()).isNull();
    }

    @Test
    void purgesOldEventsInBoundedBatches() {
        List<AuditEvent> old = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            old.add(event("acme", -100_000 - i).build());
        }
        store.write(old);
        AuditEvent recent = event("acme", 0).build();
        AuditEvent otherOrganisation = event("globex", -200_000).build();
        store.write(List.of(recent, otherOrganisation));
        StatementRecordingDataSource recording = new StatementRecordingDataSource(dataSource());
        JdbcAuditStore purging = JdbcAuditStore.builder(recording).tableName(table)
                .initializeSchema(InitializeSchema.NEVER).build();

        long deleted = purging.purgeOlderThan(BASE.minusSeconds(50_000), "acme");

        assertThat(deleted).isEqualTo(2500);
        assertThat(recording.updateCounts()).containsExactly(1000, 1000, 500);
        assertThat(ids(query(q -> q.limit(100)))).containsExactlyInAnyOrder(recent.id(), otherOrganisation.id());
        assertThat(store.purgeOlderThan(BASE.minusSeconds(50_000), null)).isEqualTo(1);
    }

    @Test
    void purgesExpiredEventsHonouringPerOrganisationRetention() {
        JdbcAuditStore retaining = builder(table).initializeSchema(InitializeSchema.NEVER)
                .retention(Duration.ofDays(30)).retention("globex", Duration.ofDays(365)).build();
        AuditEvent acmeOld = event("acme", 0).timestamp(NOW.minus(Duration.ofDays(100))).build();
        AuditEvent acmeNew = event("acme", 0).timestamp(NOW.minus(Duration.ofDays(10))).build();
        AuditEvent globexOld = event("globex", 0).timestamp(NOW.minus(Duration.ofDays(100))).build();
        AuditEvent globexAncient = event("globex", 0).timestamp(NOW.minus(Duration.ofDays(400))).build();
        AuditEvent noOrganisationOld = event(null, 0).timestamp(NOW.minus(Duration.ofDays(100))).build();
        retaining.write(List.of(acmeOld, acmeNew, globexOld, globexAncient, noOrganisationOld));

        long deleted = retaining.purgeExpired();

        assertThat(deleted).isEqualTo(3);
        assertThat(ids(query(q -> q.limit(100)))).containsExactlyInAnyOrder(acmeNew.id(), globexOld.id());
        assertThat(store.purgeExpired()).as("no retention configured keeps everything").isZero();
    }

    // ---- schema -----------------------------------------------------------------------------

    @Test
    void schemaModeNeverCreatesNothingAndTheCheckNamesTheMissingTableAndItsDdl() {
        String missing = newTableName();

        assertThatThrownBy(() -> builder(missing).initializeSchema(InitializeSchema.NEVER).build())
                .isInstanceOf(SchemaValidationException.class)
                .hasMessageContaining("audit table " + missing + " does not exist")
                .hasMessageContaining("io/auditrail/jdbc/schema/v1/schema-" + dialectName() + ".sql")
                .hasMessageContaining("auditrail.jdbc.initialize-schema=always")
                .hasMessageContaining("auditrail.jdbc.validate-schema=false");
        assertThat(tableExists(missing)).isFalse();
    }

    @Test
    void withTheCheckOffAMissingTableFailsEveryWriteInstead() {
        String missing = newTableName();
        JdbcAuditStore never = builder(missing).initializeSchema(InitializeSchema.NEVER).validateSchema(false).build();

        assertThat(tableExists(missing)).isFalse();
        assertThatThrownBy(() -> never.write(List.of(event("acme", 1).build())))
                .isInstanceOfSatisfying(AuditSinkException.class, e -> assertThat(e.isRetryable()).isFalse());
    }

    @Test
    void theCheckNamesTheColumnsATableLacks() throws SQLException {
        String partial = newTableName();
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + partial + " (seq BIGINT PRIMARY KEY, event_id VARCHAR(36),"
                    + " occurred_at VARCHAR(40), organization_id VARCHAR(255), actor_id VARCHAR(255))");
        }

        assertThatThrownBy(() -> builder(partial).initializeSchema(InitializeSchema.NEVER).build())
                .isInstanceOf(SchemaValidationException.class)
                .hasMessageContaining("audit table " + partial + " lacks columns actor_name, actor_email, actor_type,"
                        + " action, resource_type, resource_id, resource_name, outcome, error_type, error_message,"
                        + " ip, user_agent, request_id, metadata.")
                .hasMessageContaining("schema-" + dialectName() + ".sql");
    }

    @Test
    void theCheckPassesOnTheShippedSchemaWithASchemaQualifiedName() throws SQLException {
        String name = newTableName();
        builder(name).build();

        JdbcAuditStore checked = builder(currentSchema() + "." + name).initializeSchema(InitializeSchema.NEVER).build();

        assertThat(checked.query(AuditQuery.builder().build()).total()).isZero();
    }

    @Test
    void schemaModeEmbeddedCreatesOnlyOnAnEmbeddedDatabase() {
        String name = newTableName();
        builder(name).initializeSchema(InitializeSchema.EMBEDDED).validateSchema(false).build();

        assertThat(tableExists(name)).isEqualTo(dbConfig().isEmbedded());
    }

    @Test
    void initialisingTwiceIsHarmlessAndKeepsData() {
        store.write(List.of(event("acme", 1).build()));

        JdbcAuditStore again = builder(table).build();

        assertThat(again.query(AuditQuery.builder().build()).total()).isEqualTo(1);
    }

    @Test
    void worksWithASchemaQualifiedTableName() throws SQLException {
        String schema = currentSchema();
        String name = newTableName();
        JdbcAuditStore qualified = builder(schema + "." + name).build();
        AuditEvent event = event("acme", 1).build();

        qualified.write(List.of(event));

        assertThat(qualified.findById("acme", event.id())).contains(event);
        assertThat(tableExists(name)).isTrue();
    }

    // ---- configuration variants -------------------------------------------------------------

    /** The smallest batch and fetch sizes, where off-by-one errors in the loops would show. */
    @Nested
    class WithBatchesOfOne {

        private StatementRecordingDataSource recording;
        private JdbcAuditStore tiny;

        @BeforeEach
        void createTinyStore() {
            // Runs after the outer createStore(), so the table exists.
            recording = new StatementRecordingDataSource(dataSource());
            tiny = JdbcAuditStore.builder(recording).tableName(table).initializeSchema(InitializeSchema.NEVER)
                    .exportFetchSize(1).purgeBatchSize(1).build();
        }

        @Test
        void exportsEveryRowFetchingOneAtATime() {
            List<AuditEvent> events = List.of(event("acme", 1).build(), event("acme", 2).build(),
                    event("acme", 3).build());
            tiny.write(events);
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            long written = tiny.export(AuditQuery.builder().build(), ExportFormat.JSON_LINES, out);

            assertThat(written).isEqualTo(3);
            assertThat(out.toString(StandardCharsets.UTF_8).lines().map(line -> line.substring(7, 43)).toList())
                    .containsExactly(events.get(2).id().toString(), events.get(1).id().toString(),
                            events.get(0).id().toString());
            assertThat(recording.queries()).singleElement()
                    .satisfies(query -> assertThat(query.fetchSize()).isEqualTo(1));
        }

        @Test
        void purgesOneRowPerStatementUntilNoneAreLeft() {
            // Written through the outer store, so that the recording sees the purge's statements only.
            store.write(List.of(event("acme", 1).build(), event("acme", 2).build(), event("acme", 3).build(),
                    event("acme", 10).build()));

            long deleted = tiny.purgeOlderThan(BASE.plusSeconds(10), null);

            assertThat(deleted).isEqualTo(3);
            assertThat(recording.updateCounts()).containsExactly(1, 1, 1, 0);
            assertThat(rowCount()).isEqualTo(1);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private DataSource dataSource() {
        return dbConfig().dataSource();
    }

    private String currentSchema() throws SQLException {
        try (Connection connection = dataSource().getConnection()) {
            return connection.getSchema() != null ? connection.getSchema() : connection.getCatalog();
        }
    }

    private String dialectName() {
        try (Connection connection = dataSource().getConnection()) {
            return SqlDialect.detect(connection).name();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String newTableName() {
        String name = "audit_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        tables.add(name);
        return name;
    }

    private JdbcAuditStoreBuilder builder(String tableName) {
        return JdbcAuditStore.builder(dataSource()).tableName(tableName).initializeSchema(InitializeSchema.ALWAYS)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private AuditPage query(Function<AuditQuery.Builder, AuditQuery.Builder> filters) {
        return store.query(filters.apply(AuditQuery.builder().limit(AuditQuery.MAX_LIMIT)).build());
    }

    private String export(ExportFormat format, Function<AuditQuery.Builder, AuditQuery.Builder> filters) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.export(filters.apply(AuditQuery.builder()).build(), format, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<UUID> ids(AuditPage page) {
        return page.events().stream().map(AuditEvent::id).toList();
    }

    private long rowCount() {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            resultSet.next();
            return resultSet.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean tableExists(String name) {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT 1 FROM " + name + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Writes events designed to tell the filters apart, including names full of SQL and
     * LIKE metacharacters; returns them oldest first, as written.
     */
    private List<AuditEvent> writeFixture() {
        List<AuditEvent> fixture = List.of(
                event("acme", 1).build(),
                event("acme", 2).actor(Actor.user("bob", "Bob Builder", null)).action("invoice.deleted")
                        .resource(Resource.of("invoice", "inv-2")).outcome(Outcome.failure("java.io.IOException", null))
                        .build(),
                event("acme", 3).action("user.login").resource(Resource.of("session", "s-1")).build(),
                event("acme", 4).actor(Actor.user("carol", "Carol 100% Sure_", null)).action("invoicing.run")
                        .resource(Resource.of("report", "r-1")).build(),
                event("acme", 5).actor(Actor.service("billing", "Billing Bot")).action("payment.captured")
                        .resource(Resource.of("payment", "p-1")).build(),
                event("acme", 6).actor(Actor.user("' OR 1=1 --", "O'Brien \\ Co", null)).action("'.exported")
                        .resource(Resource.of("_", "%")).build(),
                event("globex", 1).build(),
                event(null, 7).actor(Actor.system("scheduler")).action("retention.ran")
                        .resource(Resource.of("table", "audit_events")).build());
        store.write(fixture);
        return fixture;
    }

    /** Every column null, present and awkward at least once: quoting, formulas, escapes, numbers, Unicode. */
    private static List<AuditEvent> everyColumnShape() {
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("zero", 0L);
        numbers.put("negative", -17L);
        numbers.put("long", Long.MAX_VALUE);
        numbers.put("big", new BigInteger("-123456789012345678901234567890"));
        numbers.put("decimal", new BigDecimal("12.50"));
        numbers.put("tiny", new BigDecimal("1E-7"));
        numbers.put("huge", new BigDecimal("1.5E+30"));
        numbers.put("integral", new BigDecimal("4.000"));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z-last-key-first", "\"quoted\", comma");
        nested.put("a", List.of(true, false, "x", 3L, List.of(), Map.of()));
        nested.put("inner", Map.of("deeper", Map.of("text", "😀 ünïcödé 日本語 \u2028 \u202E \u0007 \t\r\n")));
        nested.put("nothing", null);
        return List.of(
                event("acme", 1).metadata("k", "v").build(),
                event(null, 2).timestamp(Instant.parse("1999-12-31T23:59:59.999999Z"))
                        .actor(new Actor("svc", null, null, ActorType.SERVICE)).build(),
                event("acme", 3).timestamp(Instant.parse("2026-11-10T12:00:03.000001Z"))
                        .actor(new Actor("=cmd|' /C calc'!A0", "-2+3", "@mail", ActorType.SYSTEM))
                        .action("+invoice.sent")
                        .resource(new Resource("\tcmd", "\"id\",1", "Smith, \"Jr\"\r\nline \u2028 two"))
                        .outcome(Outcome.failure("java.lang.IllegalStateException", "message \"quoted\"\nline 2"))
                        .context(new RequestContext("2001:db8::1", "curl/8.0 \u202E", "req-1"))
                        .metadata(numbers).build(),
                event("globex", 4).actor(Actor.anonymous()).outcome(Outcome.failure("TransactionRolledBack", null))
                        .context(new RequestContext(null, "agent only", null)).metadata(nested).build(),
                event("acme", 5).resource(new Resource("invoice", " =HYPERLINK(\"x\")", "\uFF1D1+1"))
                        .context(new RequestContext(null, null, "only-request")).build(),
                event("acme", 6).actor(Actor.user("ünïcödé", "日本語 😀", "u@example.com"))
                        .context(new RequestContext("10.0.0.1", null, null)).metadata("", "empty key").build());
    }

    private void assertFilter(List<AuditEvent> fixture, Function<AuditQuery.Builder, AuditQuery.Builder> filters,
            Predicate<AuditEvent> oracle) {
        List<AuditEvent> expected = new ArrayList<>(fixture.stream().filter(oracle).toList());
        expected.sort((a, b) -> b.timestamp().compareTo(a.timestamp()) != 0
                ? b.timestamp().compareTo(a.timestamp())
                : Integer.compare(fixture.indexOf(b), fixture.indexOf(a)));
        AuditPage page = query(filters);
        assertThat(ids(page)).as(filters.apply(AuditQuery.builder()).build().toString())
                .containsExactlyElementsOf(expected.stream().map(AuditEvent::id).toList());
        assertThat(page.total()).isEqualTo(expected.size());
    }

    private static boolean nameContains(AuditEvent event, String text) {
        return event.actor().name() != null && event.actor().name().toLowerCase().contains(text.toLowerCase());
    }

    private static boolean searchMatches(AuditEvent event, String text) {
        String lower = text.toLowerCase();
        return event.action().toLowerCase().contains(lower) || nameContains(event, text)
                || event.resource().type().toLowerCase().contains(lower);
    }

    /** Counts lines as they stream past, holding nothing. */
    private static final class LineCounter extends OutputStream {
        long lines;

        @Override
        public void write(int b) {
            if (b == '\n') {
                lines++;
            }
        }
    }
}
