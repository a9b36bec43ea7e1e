package io.auditrail.server.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the self-hosted audit-log server, under {@code auditrail.server}.
 */
@ConfigurationProperties("auditrail.server")
public class AuditServerProperties {

    /**
     * Bearer token that unlocks the key administration endpoints under /admin; those endpoints are off when unset.
     */
    private String adminToken;

    /**
     * Largest request body accepted; larger requests are answered 413.
     */
    private DataSize maxRequestSize = DataSize.ofKilobytes(256);

    /**
     * Plan given to an organisation created without one.
     */
    private String defaultPlan = "free";

    /**
     * Plans by name: monthly event allowance and retention. free (10,000 a month, 14 days), starter (500,000, 365
     * days) and growth (5,000,000, 730 days) are built in; entries here add plans or change single settings of a
     * built-in one.
     */
    private Map<String, Plan> plans = new LinkedHashMap<>();

    /**
     * Prefix of the server's own tables (organisations, API keys, usage); a plain or schema-qualified SQL identifier.
     */
    private String tablePrefix = "audit_server_";

    /**
     * Whether the server creates its own tables at start-up when they are missing.
     */
    private boolean initializeSchema = true;

    /**
     * How often each organisation's events older than its plan's retention are deleted.
     */
    private Duration retentionInterval = Duration.ofHours(1);

    /**
     * The built-in plans with the configured ones laid over them, setting by setting, so that
     * changing the free plan's allowance keeps its retention.
     *
     * @return plans by name
     */
    public Map<String, Plan> effectivePlans() {
        Map<String, Plan> effective = builtInPlans();
        plans.forEach((name, configured) -> {
            Plan base = effective.get(name);
            effective.put(name, new Plan(
                    configured.getMonthlyEvents() != null || base == null ? configured.getMonthlyEvents()
                            : base.getMonthlyEvents(),
                    configured.getRetention() != null || base == null ? configured.getRetention() : base.getRetention()));
        });
        return effective;
    }

    private static Map<String, Plan> builtInPlans() {
        Map<String, Plan> plans = new LinkedHashMap<>();
        plans.put("free", new Plan(10_000L, Duration.ofDays(14)));
        plans.put("starter", new Plan(500_000L, Duration.ofDays(365)));
        plans.put("growth", new Plan(5_000_000L, Duration.ofDays(730)));
        return plans;
    }

    public String getAdminToken() {
        return adminToken;
    }

    public void setAdminToken(String adminToken) {
        this.adminToken = adminToken;
    }

    public DataSize getMaxRequestSize() {
        return maxRequestSize;
    }

    public void setMaxRequestSize(DataSize maxRequestSize) {
        this.maxRequestSize = maxRequestSize;
    }

    public String getDefaultPlan() {
        return defaultPlan;
    }

    public void setDefaultPlan(String defaultPlan) {
        this.defaultPlan = defaultPlan;
    }

    public Map<String, Plan> getPlans() {
        return plans;
    }

    public void setPlans(Map<String, Plan> plans) {
        this.plans = plans;
    }

    public String getTablePrefix() {
        return tablePrefix;
    }

    public void setTablePrefix(String tablePrefix) {
        this.tablePrefix = tablePrefix;
    }

    public boolean isInitializeSchema() {
        return initializeSchema;
    }

    public void setInitializeSchema(boolean initializeSchema) {
        this.initializeSchema = initializeSchema;
    }

    public Duration getRetentionInterval() {
        return retentionInterval;
    }

    public void setRetentionInterval(Duration retentionInterval) {
        this.retentionInterval = retentionInterval;
    }

    /** One plan's allowance. */
    public static class Plan {

        /**
         * Events an organisation on this plan may store per calendar month (UTC); unlimited when not set.
         */
        private Long monthlyEvents;

        /**
         * How long this plan's events are kept; forever when not set.
         */
        private Duration retention;

        public Plan() {
        }

        Plan(Long monthlyEvents, Duration retention) {
            this.monthlyEvents = monthlyEvents;
            this.retention = retention;
        }

        public Long getMonthlyEvents() {
            return monthlyEvents;
        }

        public void setMonthlyEvents(Long monthlyEvents) {
            this.monthlyEvents = monthlyEvents;
        }

        public Duration getRetention() {
            return retention;
        }

        public void setRetention(Duration retention) {
            this.retention = retention;
        }
    }
}
