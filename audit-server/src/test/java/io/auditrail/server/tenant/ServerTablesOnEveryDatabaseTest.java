package io.auditrail.server.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditrail.jdbc.contract.DbConfig;
import io.auditrail.jdbc.contract.H2Config;
import io.auditrail.jdbc.contract.MariaDbConfig;
import io.auditrail.jdbc.contract.PostgresConfig;
import io.auditrail.server.ingest.MonthlyQuota;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The server's own tables on H2, PostgreSQL and MariaDB: the shipped DDL runs (twice, as every
 * start does), and keys, plans, revocation and the monthly counter round-trip. MariaDB joins
 * when {@code AUDITRAIL_TEST_MARIADB_URL} names a server: starting an embedded one costs about
 * 30 s here, half this module's test time, for DDL the store's own MariaDB contract run in
 * audit-jdbc-store already covers in kind. It passed on embedded MariaDB 11.4 when written.
 */
class ServerTablesOnEveryDatabaseTest {

    static Stream<DbConfig> databases() {
        return System.getenv("AUDITRAIL_TEST_MARIADB_URL") == null
                ? Stream.of(H2Config.INSTANCE, PostgresConfig.get())
                : Stream.of(H2Config.INSTANCE, PostgresConfig.get(), MariaDbConfig.get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void keysPlansAndUsageRoundTrip(DbConfig db) {
        ServerTables tables = ServerTables.withPrefix("srv_test_");
        new ServerSchema(db.dataSource(), tables).create();
        new ServerSchema(db.dataSource(), tables).create();
        JdbcClient jdbc = JdbcClient.create(db.dataSource());
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:15:30.123456789Z"), ZoneOffset.UTC);
        Plans plans = new Plans(List.of(new Plan("free", 2L, Duration.ofDays(14)), new Plan("pro", null, null)), "free");
        TenantDirectory directory = new TenantDirectory(jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())), tables, plans,
                new ApiKeySecrets(), clock);
        String organization = "org-" + UUID.randomUUID();

        IssuedKey first = directory.createKey(organization, null, "ci");
        assertThat(first.plan().name()).isEqualTo("free");
        assertThat(directory.authenticate(first.secret())).contains(new Caller(organization, first.info().id(),
                plans.resolve("free")));
        IssuedKey second = directory.createKey(organization, "pro", null);
        assertThat(directory.authenticate(first.secret()).orElseThrow().plan().name()).isEqualTo("pro");
        assertThat(directory.keys(organization)).extracting(ApiKeyInfo::id)
                .containsExactlyInAnyOrder(first.info().id(), second.info().id());
        assertThat(directory.keys(organization).get(0).createdAt()).isEqualTo("2026-11-23T10:15:30.123456Z");
        assertThat(directory.organization(organization).orElseThrow().plan().name()).isEqualTo("pro");

        assertThat(directory.revoke(first.info().id()).orElseThrow().revokedAt()).isEqualTo(
                "2026-11-23T10:15:30.123456Z");
        assertThat(directory.authenticate(first.secret())).isEmpty();
        assertThat(directory.authenticate(second.secret())).isPresent();

        MonthlyQuota quota = new MonthlyQuota(jdbc, tables, clock);
        YearMonth month = quota.currentMonth();
        assertThat(quota.reserve(organization, month, 2L)).isTrue();
        assertThat(quota.reserve(organization, month, 2L)).isTrue();
        assertThat(quota.reserve(organization, month, 2L)).isFalse();
        quota.release(organization, month);
        assertThat(quota.count(organization, month)).isEqualTo(1);
        assertThat(quota.reserve(organization, month, null)).isTrue();
        assertThat(quota.count(organization, month)).isEqualTo(2);
    }
}
