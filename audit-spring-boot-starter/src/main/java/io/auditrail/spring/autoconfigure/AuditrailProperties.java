package io.auditrail.spring.autoconfigure;

import io.auditrail.core.capture.AuditFailurePolicy;
import io.auditrail.core.dispatch.OverflowPolicy;
import io.auditrail.core.validation.AuditLimits;
import io.auditrail.core.validation.MetadataRedactor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration under {@code auditrail.*}.
 */
@ConfigurationProperties("auditrail")
public class AuditrailProperties {

    /** Whether auditing is on. When off, no Auditrail bean is created and @Audited does nothing. */
    private boolean enabled = true;

    /** Built-in sinks to write to; any AuditSink bean of the application is used as well. Defaults to jdbc when a DataSource and the JDBC store are present, else log. */
    private List<SinkType> sink = new ArrayList<>();

    /** How events reach the sinks. Defaults to transactional for the jdbc sink and async for the others. */
    private DispatchMode dispatch;

    /** What happens to a business call whose audit event cannot be recorded. */
    private AuditFailurePolicy failurePolicy = AuditFailurePolicy.FAIL_OPEN;

    /** Whether failure outcomes keep the exception message; messages often hold personal data. */
    private boolean recordErrorMessages = false;

    /** Organisation recorded when neither the annotation, the token nor a resolver names one. */
    private String defaultOrganizationId;

    /** Order of the @Audited advisor. Keep it lower in precedence than the transaction advisor so events are written inside the audited method's transaction. */
    private int advisorOrder = org.springframework.core.Ordered.LOWEST_PRECEDENCE;

    /** How long events are kept before the retention job deletes them; kept forever when not set. */
    private Duration retention;

    /** Retention per organisation id, overriding auditrail.retention. */
    private Map<String, Duration> retentionByOrganization = new LinkedHashMap<>();

    private final Jdbc jdbc = new Jdbc();

    private final Http http = new Http();

    private final Actor actor = new Actor();

    private final Request request = new Request();

    private final Redaction redaction = new Redaction();

    private final Limits limits = new Limits();

    private final Async async = new Async();

    private final Outbox outbox = new Outbox();

    private final Kafka kafka = new Kafka();

    private final SecurityEvents securityEvents = new SecurityEvents();

    private final Health health = new Health();

    private final Web web = new Web();

    /** Built-in sink types. */
    public enum SinkType {
        /** The JDBC store on the application's DataSource. */
        JDBC,
        /** One JSON line per event through SLF4J. */
        LOG,
        /** The hosted audit-log API, configured under auditrail.http. */
        HTTP,
        /** A Kafka topic, configured under auditrail.kafka (module audit-kafka). */
        KAFKA
    }

    /** Dispatch modes. */
    public enum DispatchMode {
        /** In the caller's transaction (JDBC sink); other sinks after commit. */
        TRANSACTIONAL,
        /** Through a bounded in-memory queue and a background writer, after commit. */
        ASYNC,
        /** On the caller's thread, after commit when a transaction is active. */
        SYNC,
        /**
         * Remote sinks: written to the outbox table in the caller's transaction and delivered by
         * a relay, configured under auditrail.outbox; the JDBC sink stays transactional.
         */
        OUTBOX
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<SinkType> getSink() {
        return sink;
    }

    public void setSink(List<SinkType> sink) {
        this.sink = sink;
    }

    public DispatchMode getDispatch() {
        return dispatch;
    }

    public void setDispatch(DispatchMode dispatch) {
        this.dispatch = dispatch;
    }

    public AuditFailurePolicy getFailurePolicy() {
        return failurePolicy;
    }

    public void setFailurePolicy(AuditFailurePolicy failurePolicy) {
        this.failurePolicy = failurePolicy;
    }

    public boolean isRecordErrorMessages() {
        return recordErrorMessages;
    }

    public void setRecordErrorMessages(boolean recordErrorMessages) {
        this.recordErrorMessages = recordErrorMessages;
    }

    public String getDefaultOrganizationId() {
        return defaultOrganizationId;
    }

    public void setDefaultOrganizationId(String defaultOrganizationId) {
        this.defaultOrganizationId = defaultOrganizationId;
    }

    public int getAdvisorOrder() {
        return advisorOrder;
    }

    public void setAdvisorOrder(int advisorOrder) {
        this.advisorOrder = advisorOrder;
    }

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = retention;
    }

    public Map<String, Duration> getRetentionByOrganization() {
        return retentionByOrganization;
    }

    public void setRetentionByOrganization(Map<String, Duration> retentionByOrganization) {
        this.retentionByOrganization = retentionByOrganization;
    }

    public Jdbc getJdbc() {
        return jdbc;
    }

    public Http getHttp() {
        return http;
    }

    public Actor getActor() {
        return actor;
    }

    public Request getRequest() {
        return request;
    }

    public Redaction getRedaction() {
        return redaction;
    }

    public Limits getLimits() {
        return limits;
    }

    public Async getAsync() {
        return async;
    }

    public SecurityEvents getSecurityEvents() {
        return securityEvents;
    }

    public Health getHealth() {
        return health;
    }

    public Web getWeb() {
        return web;
    }

    public Outbox getOutbox() {
        return outbox;
    }

    public Kafka getKafka() {
        return kafka;
    }

    /** The outbox table and its relay, used when auditrail.dispatch is outbox. */
    public static class Outbox {

        /** Table holding events waiting for remote sinks; a plain or schema-qualified SQL identifier. */
        private String tableName = "audit_outbox";

        /** When the outbox table is created: embedded (H2 and HSQLDB only), always, or never (you run the shipped DDL). */
        private InitializeSchema initializeSchema = InitializeSchema.EMBEDDED;

        /** Whether this instance relays events to the sinks; switch off on instances that should only write. */
        private boolean relayEnabled = true;

        /** Most events claimed and sent per sink call. */
        private int batchSize = 100;

        /** Wait between claims once the outbox is empty. */
        private Duration pollInterval = Duration.ofSeconds(1);

        /** How long claimed events stay reserved for one relay after its last renewal; the live relay renews every third of it, and a dead relay's events are sent again (same ids) at most this long after. */
        private Duration lease = Duration.ofSeconds(30);

        /** Wait before the first retry of a failing event. */
        private Duration retryInitialBackoff = Duration.ofSeconds(1);

        /** Longest wait between retries. */
        private Duration retryMaxBackoff = Duration.ofMinutes(5);

        /** How long delivered events stay in the table before they are deleted; dead letters are kept. */
        private Duration deliveredRetention = Duration.ofDays(1);

        public String getTableName() {
            return tableName;
        }

        public void setTableName(String tableName) {
            this.tableName = tableName;
        }

        public InitializeSchema getInitializeSchema() {
            return initializeSchema;
        }

        public void setInitializeSchema(InitializeSchema initializeSchema) {
            this.initializeSchema = initializeSchema;
        }

        public boolean isRelayEnabled() {
            return relayEnabled;
        }

        public void setRelayEnabled(boolean relayEnabled) {
            this.relayEnabled = relayEnabled;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        public Duration getLease() {
            return lease;
        }

        public void setLease(Duration lease) {
            this.lease = lease;
        }

        public Duration getRetryInitialBackoff() {
            return retryInitialBackoff;
        }

        public void setRetryInitialBackoff(Duration retryInitialBackoff) {
            this.retryInitialBackoff = retryInitialBackoff;
        }

        public Duration getRetryMaxBackoff() {
            return retryMaxBackoff;
        }

        public void setRetryMaxBackoff(Duration retryMaxBackoff) {
            this.retryMaxBackoff = retryMaxBackoff;
        }

        public Duration getDeliveredRetention() {
            return deliveredRetention;
        }

        public void setDeliveredRetention(Duration deliveredRetention) {
            this.deliveredRetention = deliveredRetention;
        }
    }

    /** The JDBC store. */
    public static class Jdbc {

        /** Table holding the trail; a plain or schema-qualified SQL identifier. */
        private String tableName = "audit_events";

        /** When the table and its indexes are created: embedded (H2 and HSQLDB only), always, or never (you run the shipped DDL, e.g. with Flyway). */
        private InitializeSchema initializeSchema = InitializeSchema.EMBEDDED;

        /** Whether start-up fails when the audit table, the chain tables or the outbox table are missing or lack a column; false skips the check. */
        private boolean validateSchema = true;

        /** Events an organisation may record per calendar month, reported by usage; unlimited when not set. */
        private Long monthlyEventLimit;

        /** How often the retention job deletes expired events. */
        private Duration purgeInterval = Duration.ofHours(1);

        public String getTableName() {
            return tableName;
        }

        public void setTableName(String tableName) {
            this.tableName = tableName;
        }

        public InitializeSchema getInitializeSchema() {
            return initializeSchema;
        }

        public void setInitializeSchema(InitializeSchema initializeSchema) {
            this.initializeSchema = initializeSchema;
        }

        public boolean isValidateSchema() {
            return validateSchema;
        }

        public void setValidateSchema(boolean validateSchema) {
            this.validateSchema = validateSchema;
        }

        public Long getMonthlyEventLimit() {
            return monthlyEventLimit;
        }

        public void setMonthlyEventLimit(Long monthlyEventLimit) {
            this.monthlyEventLimit = monthlyEventLimit;
        }

        public Duration getPurgeInterval() {
            return purgeInterval;
        }

        public void setPurgeInterval(Duration purgeInterval) {
            this.purgeInterval = purgeInterval;
        }
    }

    /** The hosted audit-log API sink. */
    public static class Http {

        /** Base URI of the audit-log API; events are posted to {base}/v1/events. */
        private java.net.URI baseUri;

        /** API key of the organisation, sent as a bearer token. */
        private String apiKey;

        /** Longest wait for a connection. */
        private Duration connectTimeout = Duration.ofSeconds(5);

        /** Longest wait for one response. */
        private Duration requestTimeout = Duration.ofSeconds(10);

        /** Most requests in flight at once. */
        private int maxConcurrency = 8;

        public java.net.URI getBaseUri() {
            return baseUri;
        }

        public void setBaseUri(java.net.URI baseUri) {
            this.baseUri = baseUri;
        }

        public String getApiKey() {
            return apiKey;
        }

        public void setApiKey(String apiKey) {
            this.apiKey = apiKey;
        }

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getRequestTimeout() {
            return requestTimeout;
        }

        public void setRequestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
        }

        public int getMaxConcurrency() {
            return maxConcurrency;
        }

        public void setMaxConcurrency(int maxConcurrency) {
            this.maxConcurrency = maxConcurrency;
        }
    }

    /** Schema creation modes. */
    public enum InitializeSchema {
        /** Only on an embedded database (H2, HSQLDB). */
        EMBEDDED,
        /** On every database. */
        ALWAYS,
        /** Never; the application runs the shipped DDL itself. */
        NEVER
    }

    /** Who is recorded as the actor. */
    public static class Actor {

        /** Actor id recorded when nobody is authenticated (scheduled jobs, start-up tasks). */
        private String systemId = "system";

        /** Display name of the system actor. */
        private String systemName;

        /** JWT claim holding the actor's display name. */
        private String nameClaim = "name";

        /** JWT claim used as display name when the name claim is absent. */
        private String usernameClaim = "preferred_username";

        /** JWT claim holding the actor's email. */
        private String emailClaim = "email";

        /** JWT claim or OAuth2 user attribute holding the organisation id. */
        private String organizationClaim = "org_id";

        public String getSystemId() {
            return systemId;
        }

        public void setSystemId(String systemId) {
            this.systemId = systemId;
        }

        public String getSystemName() {
            return systemName;
        }

        public void setSystemName(String systemName) {
            this.systemName = systemName;
        }

        public String getNameClaim() {
            return nameClaim;
        }

        public void setNameClaim(String nameClaim) {
            this.nameClaim = nameClaim;
        }

        public String getUsernameClaim() {
            return usernameClaim;
        }

        public void setUsernameClaim(String usernameClaim) {
            this.usernameClaim = usernameClaim;
        }

        public String getEmailClaim() {
            return emailClaim;
        }

        public void setEmailClaim(String emailClaim) {
            this.emailClaim = emailClaim;
        }

        public String getOrganizationClaim() {
            return organizationClaim;
        }

        public void setOrganizationClaim(String organizationClaim) {
            this.organizationClaim = organizationClaim;
        }
    }

    /** Request context captured with each event. */
    public static class Request {

        /** Whether the client IP is taken from X-Forwarded-For / Forwarded. Only switch on behind a proxy that sets them. */
        private boolean trustForwardedHeaders = false;

        /** Header carrying the request id; the current trace id from the logging MDC is used when absent. */
        private String requestIdHeader = "X-Request-Id";

        public boolean isTrustForwardedHeaders() {
            return trustForwardedHeaders;
        }

        public void setTrustForwardedHeaders(boolean trustForwardedHeaders) {
            this.trustForwardedHeaders = trustForwardedHeaders;
        }

        public String getRequestIdHeader() {
            return requestIdHeader;
        }

        public void setRequestIdHeader(String requestIdHeader) {
            this.requestIdHeader = requestIdHeader;
        }
    }

    /** Masking of secret metadata. */
    public static class Redaction {

        /** Words that mark a metadata key as secret, matched case-insensitively ignoring '_', '-', '.' and spaces. Replaces the defaults; prefer additional-keys. */
        private List<String> keys = new ArrayList<>(new TreeSet<>(MetadataRedactor.DEFAULT_KEYS));

        /** Words masked in addition to keys, so adding one never un-masks a default. */
        private List<String> additionalKeys = new ArrayList<>();

        public List<String> getKeys() {
            return keys;
        }

        public void setKeys(List<String> keys) {
            this.keys = keys;
        }

        public List<String> getAdditionalKeys() {
            return additionalKeys;
        }

        public void setAdditionalKeys(List<String> additionalKeys) {
            this.additionalKeys = additionalKeys;
        }
    }

    /** Bounds applied at capture. */
    public static class Limits {

        /** Longest action, id, type or metadata key. */
        private int maxIdentifierLength = 255;

        /** Longest display text (names, email, user agent); longer text is cut. */
        private int maxTextLength = 1024;

        /** Largest serialised metadata object. */
        private DataSize maxMetadataSize = DataSize.ofKilobytes(64);

        /** Deepest nesting of metadata objects and arrays. */
        private int maxMetadataDepth = 16;

        public int getMaxIdentifierLength() {
            return maxIdentifierLength;
        }

        public void setMaxIdentifierLength(int maxIdentifierLength) {
            this.maxIdentifierLength = maxIdentifierLength;
        }

        public int getMaxTextLength() {
            return maxTextLength;
        }

        public void setMaxTextLength(int maxTextLength) {
            this.maxTextLength = maxTextLength;
        }

        public DataSize getMaxMetadataSize() {
            return maxMetadataSize;
        }

        public void setMaxMetadataSize(DataSize maxMetadataSize) {
            this.maxMetadataSize = maxMetadataSize;
        }

        public int getMaxMetadataDepth() {
            return maxMetadataDepth;
        }

        public void setMaxMetadataDepth(int maxMetadataDepth) {
            this.maxMetadataDepth = maxMetadataDepth;
        }

        /**
         * The capture bounds these settings describe.
         *
         * @return the limits
         * @throws IllegalArgumentException when a bound is not positive
         */
        public AuditLimits toAuditLimits() {
            return new AuditLimits(maxIdentifierLength, maxTextLength, Math.toIntExact(maxMetadataSize.toBytes()),
                    maxMetadataDepth);
        }
    }

    /** Asynchronous dispatch. */
    public static class Async {

        /** Most events held in memory per sink; these are lost if the JVM dies. */
        private int capacity = 10_000;

        /** Most events per sink call. */
        private int batchSize = 100;

        /** Longest wait for a batch to fill. */
        private Duration flushInterval = Duration.ofMillis(200);

        /** What a full queue does to the caller. */
        private OverflowPolicy overflowPolicy = OverflowPolicy.BLOCK;

        /** Longest wait for room under the block policy. */
        private Duration blockTimeout = Duration.ofMillis(100);

        /** Wait before the first retry of a failing batch. */
        private Duration retryInitialBackoff = Duration.ofMillis(100);

        /** Longest wait between retries. */
        private Duration retryMaxBackoff = Duration.ofSeconds(30);

        /** How long shutdown keeps delivering queued events. */
        private Duration shutdownTimeout = Duration.ofSeconds(10);

        public int getCapacity() {
            return capacity;
        }

        public void setCapacity(int capacity) {
            this.capacity = capacity;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        public Duration getFlushInterval() {
            return flushInterval;
        }

        public void setFlushInterval(Duration flushInterval) {
            this.flushInterval = flushInterval;
        }

        public OverflowPolicy getOverflowPolicy() {
            return overflowPolicy;
        }

        public void setOverflowPolicy(OverflowPolicy overflowPolicy) {
            this.overflowPolicy = overflowPolicy;
        }

        public Duration getBlockTimeout() {
            return blockTimeout;
        }

        public void setBlockTimeout(Duration blockTimeout) {
            this.blockTimeout = blockTimeout;
        }

        public Duration getRetryInitialBackoff() {
            return retryInitialBackoff;
        }

        public void setRetryInitialBackoff(Duration retryInitialBackoff) {
            this.retryInitialBackoff = retryInitialBackoff;
        }

        public Duration getRetryMaxBackoff() {
            return retryMaxBackoff;
        }

        public void setRetryMaxBackoff(Duration retryMaxBackoff) {
            this.retryMaxBackoff = retryMaxBackoff;
        }

        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }
    }

    /** Events recorded from Spring Security. */
    public static class SecurityEvents {

        /** Whether logins, failed logins, logouts, session expiry and denied access are audited. */
        private boolean enabled = true;

        /** Action recorded for an interactive login. */
        private String loginAction = "user.login";

        /** Action recorded for a failed authentication. */
        private String loginFailedAction = "user.login.failed";

        /** Action recorded for a logout. */
        private String logoutAction = "user.logout";

        /** Action recorded when authorisation or the CSRF check refuses an authenticated caller. */
        private String accessDeniedAction = "access.denied";

        /** Action recorded when the container session of a logged-in user times out. */
        private String sessionExpiredAction = "session.expired";

        /** Whether denials of anonymous callers, which only send them to the login page, are audited too. */
        private boolean recordAnonymousDenials = false;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getLoginAction() {
            return loginAction;
        }

        public void setLoginAction(String loginAction) {
            this.loginAction = loginAction;
        }

        public String getLoginFailedAction() {
            return loginFailedAction;
        }

        public void setLoginFailedAction(String loginFailedAction) {
            this.loginFailedAction = loginFailedAction;
        }

        public String getLogoutAction() {
            return logoutAction;
        }

        public void setLogoutAction(String logoutAction) {
            this.logoutAction = logoutAction;
        }

        public String getAccessDeniedAction() {
            return accessDeniedAction;
        }

        public void setAccessDeniedAction(String accessDeniedAction) {
            this.accessDeniedAction = accessDeniedAction;
        }

        public String getSessionExpiredAction() {
            return sessionExpiredAction;
        }

        public void setSessionExpiredAction(String sessionExpiredAction) {
            this.sessionExpiredAction = sessionExpiredAction;
        }

        public boolean isRecordAnonymousDenials() {
            return recordAnonymousDenials;
        }

        public void setRecordAnonymousDenials(boolean recordAnonymousDenials) {
            this.recordAnonymousDenials = recordAnonymousDenials;
        }
    }

    /** Actuator health of the sinks. */
    public static class Health {

        /** Queued events per sink above which health is down. */
        private int maxQueueDepth = 5_000;

        public int getMaxQueueDepth() {
            return maxQueueDepth;
        }

        public void setMaxQueueDepth(int maxQueueDepth) {
            this.maxQueueDepth = maxQueueDepth;
        }
    }

    /** Read endpoints and the embeddable viewer. */
    public static class Web {

        /** Whether the read endpoints and the viewer are served. Off by default: they expose the trail over HTTP. */
        private boolean enabled = false;

        /** Path under which the read endpoints and the viewer (at {base-path}/ui/) are served. */
        private String basePath = "/audit";

        /** Authority that makes a user an organisation admin, who reads every event of their organisation; other users read only their own. */
        private String adminAuthority = "ROLE_AUDIT_ADMIN";

        /** Whether the viewer is served at {base-path}/ui/. */
        private boolean viewerEnabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getBasePath() {
            return basePath;
        }

        public void setBasePath(String basePath) {
            this.basePath = basePath;
        }

        public String getAdminAuthority() {
            return adminAuthority;
        }

        public void setAdminAuthority(String adminAuthority) {
            this.adminAuthority = adminAuthority;
        }

        public boolean isViewerEnabled() {
            return viewerEnabled;
        }

        public void setViewerEnabled(boolean viewerEnabled) {
            this.viewerEnabled = viewerEnabled;
        }
    }

    /** The Kafka sink and the loader from Kafka into the JDBC store (module audit-kafka). */
    public static class Kafka {

        /** Kafka brokers to connect to, host:port pairs separated by commas. */
        private String bootstrapServers;

        /** Topic the kafka sink publishes to and the loader reads. */
        private String topic = "audit-events";

        /** Longest wait for the broker to acknowledge one batch; a batch still unacknowledged then fails and is retried (same event ids). */
        private Duration sendTimeout = Duration.ofSeconds(30);

        /** Further Kafka producer properties, such as security.protocol or compression.type; acks, idempotence and serialisers are fixed by the sink. */
        private Map<String, String> producer = new LinkedHashMap<>();

        /** Further Kafka consumer properties for the loader; auto-commit, the group id and deserialisers are fixed by the loader. */
        private Map<String, String> consumer = new LinkedHashMap<>();

        private final KafkaLoader loader = new KafkaLoader();

        public String getBootstrapServers() {
            return bootstrapServers;
        }

        public void setBootstrapServers(String bootstrapServers) {
            this.bootstrapServers = bootstrapServers;
        }

        public String getTopic() {
            return topic;
        }

        public void setTopic(String topic) {
            this.topic = topic;
        }

        public Duration getSendTimeout() {
            return sendTimeout;
        }

        public void setSendTimeout(Duration sendTimeout) {
            this.sendTimeout = sendTimeout;
        }

        public Map<String, String> getProducer() {
            return producer;
        }

        public void setProducer(Map<String, String> producer) {
            this.producer = producer;
        }

        public Map<String, String> getConsumer() {
            return consumer;
        }

        public void setConsumer(Map<String, String> consumer) {
            this.consumer = consumer;
        }

        public KafkaLoader getLoader() {
            return loader;
        }
    }

    /** The loader that copies the Kafka topic into this application's JDBC store. */
    public static class KafkaLoader {

        /** Whether this application runs the loader, writing every event of the topic to its JDBC store. */
        private boolean enabled = false;

        /** Consumer group of the loader; loaders sharing a group split the topic's partitions between them. */
        private String groupId = "auditrail-loader";

        /** Longest wait in one poll for new records. */
        private Duration pollTimeout = Duration.ofMillis(500);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getGroupId() {
            return groupId;
        }

        public void setGroupId(String groupId) {
            this.groupId = groupId;
        }

        public Duration getPollTimeout() {
            return pollTimeout;
        }

        public void setPollTimeout(Duration pollTimeout) {
            this.pollTimeout = pollTimeout;
        }
    }
}
