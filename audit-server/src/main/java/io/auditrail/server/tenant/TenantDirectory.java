package io.auditrail.server.tenant;

import io.auditrail.core.event.UnsafeCharacters;
import io.auditrail.core.spi.UnattributedOrganization;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Organisations and their API keys, in the server's tables. Every look-up goes to the
 * database, so a revoked key stops working on the very next request: there is no cache to
 * outlive a revocation.
 */
public final class TenantDirectory {

    private static final int MAX_ID_LENGTH = 255;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ServerTables tables;
    private final Plans plans;
    private final ApiKeySecrets secrets;
    private final Clock clock;

    /**
     * Creates the directory.
     *
     * @param jdbc the database
     * @param transactions runs key creation in one transaction
     * @param tables table names
     * @param plans the configured plans
     * @param secrets makes keys
     * @param clock creation and revocation times
     */
    public TenantDirectory(JdbcClient jdbc, TransactionTemplate transactions, ServerTables tables, Plans plans,
            ApiKeySecrets secrets, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.tables = tables;
        this.plans = plans;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * Issues a key for an organisation, creating the organisation when it is new. A plan given
     * for an existing organisation changes its plan.
     *
     * @param organizationId the organisation
     * @param planName a configured plan, or {@code null} to keep the current one (the default for a new organisation)
     * @param name a label for the key, or {@code null}
     * @return the key, with its secret
     * @throws IllegalArgumentException when the organisation id, plan or name is not acceptable
     */
    public IssuedKey createKey(String organizationId, String planName, String name) {
        checkId(organizationId, "organization");
        if (UnattributedOrganization.is(organizationId)) {
            throw new IllegalArgumentException("organization '" + organizationId
                    + "' is reserved for security events of no tenant and cannot have keys");
        }
        if (name != null) {
            checkId(name, "name");
        }
        Plan requested = planName == null ? null : plans.find(planName).orElseThrow(() -> new IllegalArgumentException(
                "plan must be one of " + plans.names() + " but was '" + planName + "'"));
        String secret = secrets.newKey();
        // Databases keep microseconds; the answer should show what a later listing shows.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ApiKeyInfo info = new ApiKeyInfo(secrets.newKeyId(), organizationId,
                secret.substring(0, ApiKeySecrets.SHOWN_PREFIX_LENGTH), name, now, null);
        Plan plan = transactions.execute(status -> {
            Plan effective = upsertOrganization(organizationId, requested, now);
            jdbc.sql("INSERT INTO " + tables.apiKeys().qualified()
                            + " (id, organization_id, key_hash, key_prefix, name, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(info.id(), organizationId, ApiKeySecrets.hash(secret), info.prefix(), name, utc(now))
                    .update();
            return effective;
        });
        return new IssuedKey(info, plan, secret);
    }

    private Plan upsertOrganization(String organizationId, Plan requested, Instant now) {
        Optional<Organization> existing = organization(organizationId);
        if (existing.isEmpty()) {
            Plan plan = requested == null ? plans.defaultPlan() : requested;
            jdbc.sql("INSERT INTO " + tables.organizations().qualified() + " (id, plan, created_at) VALUES (?, ?, ?)")
                    .params(organizationId, plan.name(), utc(now))
                    .update();
            return plan;
        }
        if (requested != null && !requested.equals(existing.get().plan())) {
            jdbc.sql("UPDATE " + tables.organizations().qualified() + " SET plan = ? WHERE id = ?")
                    .params(requested.name(), organizationId)
                    .update();
            return requested;
        }
        return existing.get().plan();
    }

    /**
     * Finds the caller a key belongs to.
     *
     * @param key the raw key from the request
     * @return the caller, or empty when the key is unknown or revoked
     */
    public Optional<Caller> authenticate(String key) {
        return jdbc.sql("SELECT k.id, k.organization_id, o.plan FROM " + tables.apiKeys().qualified() + " k JOIN "
                        + tables.organizations().qualified() + " o ON o.id = k.organization_id"
                        + " WHERE k.key_hash = ? AND k.revoked_at IS NULL")
                .param(ApiKeySecrets.hash(key))
                .query((rs, row) -> new Caller(rs.getString(2), rs.getString(1), plans.resolve(rs.getString(3))))
                .optional();
    }

    /**
     * Revokes a key at once. Revoking a revoked key changes nothing.
     *
     * @param keyId the key's id
     * @return the key as now stored, or empty when no key has that id
     */
    public Optional<ApiKeyInfo> revoke(String keyId) {
        jdbc.sql("UPDATE " + tables.apiKeys().qualified() + " SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(utc(clock.instant().truncatedTo(ChronoUnit.MICROS)), keyId)
                .update();
        return jdbc.sql(selectKeys() + " WHERE id = ?").param(keyId).query(TenantDirectory::key).optional();
    }

    /**
     * Lists keys, newest first.
     *
     * @param organizationId one organisation's keys, or {@code null} for every key
     * @return the keys, without secrets
     */
    public List<ApiKeyInfo> keys(String organizationId) {
        if (organizationId == null) {
            return jdbc.sql(selectKeys() + " ORDER BY created_at DESC, id").query(TenantDirectory::key).list();
        }
        return jdbc.sql(selectKeys() + " WHERE organization_id = ? ORDER BY created_at DESC, id")
                .param(organizationId)
                .query(TenantDirectory::key)
                .list();
    }

    /**
     * Finds an organisation.
     *
     * @param organizationId its id
     * @return the organisation, or empty
     */
    public Optional<Organization> organization(String organizationId) {
        return jdbc.sql("SELECT id, plan, created_at FROM " + tables.organizations().qualified() + " WHERE id = ?")
                .param(organizationId)
                .query(this::toOrganization)
                .optional();
    }

    /**
     * Every organisation, for the retention job.
     *
     * @return the organisations
     */
    public List<Organization> organizations() {
        return jdbc.sql("SELECT id, plan, created_at FROM " + tables.organizations().qualified() + " ORDER BY id")
                .query(this::toOrganization)
                .list();
    }

    private String selectKeys() {
        return "SELECT id, organization_id, key_prefix, name, created_at, revoked_at FROM "
                + tables.apiKeys().qualified();
    }

    private static ApiKeyInfo key(ResultSet rs, int row) throws SQLException {
        return new ApiKeyInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5),
                instant(rs, 6));
    }

    private Organization toOrganization(ResultSet rs, int row) throws SQLException {
        return new Organization(rs.getString(1), plans.resolve(rs.getString(2)), instant(rs, 3));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static void checkId(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(field + " must be at most " + MAX_ID_LENGTH + " characters");
        }
        int unsafe = UnsafeCharacters.firstUnsafeIndex(value);
        if (unsafe >= 0 || !value.strip().equals(value)) {
            throw new IllegalArgumentException(field + " must not contain control characters or surrounding spaces");
        }
    }
}
