package io.auditrail.core.config;

import io.auditrail.core.capture.AuditFailurePolicy;
import io.auditrail.core.dispatch.AsyncSettings;
import io.auditrail.core.dispatch.OverflowPolicy;
import io.auditrail.core.dispatch.RetryBackoff;
import io.auditrail.core.dispatch.outbox.OutboxRelaySettings;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.ActorType;
import io.auditrail.core.http.HostedApiSettings;
import io.auditrail.core.validation.AuditLimits;
import io.auditrail.core.validation.MetadataRedactor;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationPropertiesSource;

/**
 * The keys under {@code auditrail.*} that every framework adapter binds, with their defaults
 * and descriptions, declared once. The Spring Boot and Micronaut configuration classes extend
 * this class and its nested classes and add only what their framework alone has (advisor order,
 * read endpoints, a byte-size type for {@code limits.max-metadata-size}).
 *
 * <p>Plain mutable JavaBeans, because that is what both binders fill; the {@code to...}
 * methods turn the values into core's immutable settings and check them there.
 *
 * <p>{@link ConfigurationPropertiesSource} (compile-only; no Spring at run time) makes Spring
 * Boot's configuration processor write this module's descriptions and defaults to
 * {@code META-INF/spring/configuration-metadata/}, from where the starter's processor takes them
 * into its {@code spring-configuration-metadata.json}.
 */
@ConfigurationPropertiesSource
public class AuditrailSettings {

    /** Whether auditing is on. When off, no Auditrail bean is created and @Audited does nothing. */
    private boolean enabled = true;

    /** Sinks to write to, by name: jdbc, log, http, kafka, or the name of any other sink module on the class path; any AuditSink bean of the application is used as well. Defaults to jdbc when a DataSource and the JDBC store are present, else log. */
    private List<String> sink = new ArrayList<>();

    /** How events reach the sinks. Defaults to transactional for the jdbc sink and async for the others. */
    private DispatchMode dispatch;

    /** What happens to a business call whose audit event cannot be recorded. */
    private AuditFailurePolicy failurePolicy = AuditFailurePolicy.FAIL_OPEN;

    /** Whether failure outcomes keep the exception message; messages often hold personal data. */
    private boolean recordErrorMessages = false;

    /** Organisation recorded when neither the annotation, the token nor a resolver names one. */
    private String defaultOrganizationId;

    /** How long events are kept before the retention job deletes them; kept forever when not set. */
    private Duration retention;

    /** Retention per organisation id, overriding auditrail.retention. */
    private Map<String, Duration> retentionByOrganization = new LinkedHashMap<>();

    // The groups' fields are not named like their keys: Boot's processor would otherwise describe each
    // group twice (once from the getter, once from the field) in the starter, and fail.
    private Jdbc jdbcGroup = new Jdbc();

    private Http httpGroup = new Http();

    private ActorSettings actorGroup = new ActorSettings();

    private Request requestGroup = new Request();

    private Redaction redactionGroup = new Redaction();

    private Limits limitsGroup = new Limits();

    private Async asyncGroup = new Async();

    private Outbox outboxGroup = new Outbox();

    private Kafka kafkaGroup = new Kafka();

    /**
     * Replaces the nested groups with a framework's own subclasses, which its binder filled.
     * A method rather than a constructor: Spring's configuration processor would read a
     * constructor's parameters as constructor-bound properties.
     *
     * @param jdbc {@code auditrail.jdbc.*}
     * @param http {@code auditrail.http.*}
     * @param actor {@code auditrail.actor.*}
     * @param request {@code auditrail.request.*}
     * @param redaction {@code auditrail.redaction.*}
     * @param limits {@code auditrail.limits.*}
     * @param async {@code auditrail.async.*}
     * @param outbox {@code auditrail.outbox.*}
     * @param kafka {@code auditrail.kafka.*}
     */
    protected final void useGroups(Jdbc jdbc, Http http, ActorSettings actor, Request request, Redaction redaction,
            Limits limits, Async async, Outbox outbox, Kafka kafka) {
        this.jdbcGroup = Objects.requireNonNull(jdbc, "jdbc");
        this.httpGroup = Objects.requireNonNull(http, "http");
        this.actorGroup = Objects.requireNonNull(actor, "actor");
        this.requestGroup = Objects.requireNonNull(request, "request");
        this.redactionGroup = Objects.requireNonNull(redaction, "redaction");
        this.limitsGroup = Objects.requireNonNull(limits, "limits");
        this.asyncGroup = Objects.requireNonNull(async, "async");
        this.outboxGroup = Objects.requireNonNull(outbox, "outbox");
        this.kafkaGroup = Objects.requireNonNull(kafka, "kafka");
    }

    /**
     * Replaces the limits group with a framework's own subclass, which adds the metadata size in
     * that framework's byte-size type.
     *
     * @param limits {@code auditrail.limits.*}
     */
    protected final void useLimits(Limits limits) {
        this.limitsGroup = Objects.requireNonNull(limits, "limits");
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<String> getSink() {
        return sink;
    }

    public void setSink(List<String> sink) {
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
        return jdbcGroup;
    }

    public Http getHttp() {
        return httpGroup;
    }

    public ActorSettings getActor() {
        return actorGroup;
    }

    public Request getRequest() {
        return requestGroup;
    }

    public Redaction getRedaction() {
        return redactionGroup;
    }

    public Limits getLimits() {
        return limitsGroup;
    }

    public Async getAsync() {
        return asyncGroup;
    }

    public Outbox getOutbox() {
        return outboxGroup;
    }

    public Kafka getKafka() {
        return kafkaGroup;
    }

    /** The JDBC store. */
    @ConfigurationPropertiesSource
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
    @ConfigurationPropertiesSource
    public static class Http {

        /** Base URI of the audit-log API; events are posted to {base}/v1/events. */
        private URI baseUri;

        /** API key of the organisation, sent as a bearer token. */
        private String apiKey;

        /** Longest wait for a connection. */
        private Duration connectTimeout = Duration.ofSeconds(5);

        /** Longest wait for one response. */
        private Duration requestTimeout = Duration.ofSeconds(10);

        /** Most requests in flight at once. */
        private int maxConcurrency = 8;

        /** Whether to create the hosted-API client (audit-client) and serve the read endpoints through it when auditrail.sink includes http. */
        private boolean readsEnabled = true;

        /** Whether the client may use plain http when the base URI is a loopback address; any other address must use https, since the API key travels in every request. */
        private boolean allowLoopbackHttp = true;

        /** Attempts of one client call (reads, and log calls, which carry an idempotency key) before its failure is reported. */
        private int readAttempts = 3;

        /** Longest wait of the client before a retry; a Retry-After beyond it fails the call at once. */
        private Duration maxRetryWait = Duration.ofSeconds(10);

        public URI getBaseUri() {
            return baseUri;
        }

        public void setBaseUri(URI baseUri) {
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

        public boolean isReadsEnabled() {
            return readsEnabled;
        }

        public void setReadsEnabled(boolean readsEnabled) {
            this.readsEnabled = readsEnabled;
        }

        public boolean isAllowLoopbackHttp() {
            return allowLoopbackHttp;
        }

        public void setAllowLoopbackHttp(boolean allowLoopbackHttp) {
            this.allowLoopbackHttp = allowLoopbackHttp;
        }

        public int getReadAttempts() {
            return readAttempts;
        }

        public void setReadAttempts(int readAttempts) {
            this.readAttempts = readAttempts;
        }

        public Duration getMaxRetryWait() {
            return maxRetryWait;
        }

        public void setMaxRetryWait(Duration maxRetryWait) {
            this.maxRetryWait = maxRetryWait;
        }

        /**
         * The hosted-API sink's settings.
         *
         * @return the settings
         * @throws IllegalArgumentException when the base URI or API key is missing or a bound is not positive
         */
        public HostedApiSettings toHostedApiSettings() {
            return new HostedApiSettings(baseUri, apiKey, connectTimeout, requestTimeout, maxConcurrency);
        }
    }

    /** Who is recorded as the actor. */
    @ConfigurationPropertiesSource
    public static class ActorSettings {

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

        /**
         * The actor recorded when nobody is authenticated.
         *
         * @return the system actor
         */
        public Actor toSystemActor() {
            return new Actor(systemId, systemName, null, ActorType.SYSTEM);
        }
    }

    /** Request context captured with each event. */
    @ConfigurationPropertiesSource
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
    @ConfigurationPropertiesSource
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

        /**
         * The redactor masking both lists.
         *
         * @return the redactor
         */
        public MetadataRedactor toRedactor() {
            return new MetadataRedactor(Stream.concat(keys.stream(), additionalKeys.stream()).toList());
        }
    }

    /**
     * Bounds applied at capture. The largest serialised metadata object
     * ({@code max-metadata-size}, default 64KB) is bound by each framework's subclass, in
     * that framework's own byte-size type.
     */
    @ConfigurationPropertiesSource
    public static class Limits {

        /** Longest action, id, type or metadata key. */
        private int maxIdentifierLength = 255;

        /** Longest display text (names, email, user agent); longer text is cut. */
        private int maxTextLength = 1024;

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

        public int getMaxMetadataDepth() {
            return maxMetadataDepth;
        }

        public void setMaxMetadataDepth(int maxMetadataDepth) {
            this.maxMetadataDepth = maxMetadataDepth;
        }

        /**
         * The capture bounds.
         *
         * @param maxMetadataBytes largest serialised metadata object, as the framework bound it
         * @return the limits
         * @throws IllegalArgumentException when a bound is out of range
         */
        public AuditLimits toAuditLimits(long maxMetadataBytes) {
            if (maxMetadataBytes > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("auditrail.limits.max-metadata-size must be below 2GB but was "
                        + maxMetadataBytes + " bytes");
            }
            return new AuditLimits(maxIdentifierLength, maxTextLength, (int) maxMetadataBytes, maxMetadataDepth);
        }
    }

    /** Asynchronous dispatch. */
    @ConfigurationPropertiesSource
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

        /** Writer threads per sink; each organisation's events always go to the same writer, so their order is kept; more than one helps a sink that waits on the network, such as Kafka or the hosted API. */
        private int writers = 1;

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

        public int getWriters() {
            return writers;
        }

        public void setWriters(int writers) {
            this.writers = writers;
        }

        /**
         * The asynchronous dispatcher's settings.
         *
         * @return the settings
         * @throws IllegalArgumentException when a value is out of range
         */
        public AsyncSettings toAsyncSettings() {
            if (writers < 1 || writers > capacity) {
                throw new IllegalArgumentException("auditrail.async.writers must be between 1 and auditrail.async.capacity ("
                        + capacity + ") but was " + writers);
            }
            return new AsyncSettings(capacity, batchSize, flushInterval, overflowPolicy, blockTimeout,
                    new RetryBackoff(retryInitialBackoff, retryMaxBackoff, RetryBackoff.DEFAULTS.multiplier(),
                            RetryBackoff.DEFAULTS.jitter()), writers);
        }
    }
    /** The outbox table and its relay, used when auditrail.dispatch is outbox. */
    @ConfigurationPropertiesSource
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

        /**
         * The relay's settings, with the default backoff's multiplier and jitter.
         *
         * @return the settings
         * @throws IllegalArgumentException when a value is out of range
         */
        public OutboxRelaySettings toRelaySettings() {
            RetryBackoff defaults = OutboxRelaySettings.DEFAULTS.backoff();
            return new OutboxRelaySettings(batchSize, pollInterval, lease, new RetryBackoff(retryInitialBackoff,
                    retryMaxBackoff, defaults.multiplier(), defaults.jitter()), deliveredRetention);
        }
    }

    /** The Kafka sink and the loader from Kafka into the JDBC store (module audit-kafka). */
    @ConfigurationPropertiesSource
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

        // Not named like the key, for the reason given at AuditrailSettings' groups.
        private KafkaLoader loaderGroup = new KafkaLoader();

        /**
         * Replaces the loader group with a framework's own subclass, which its binder filled.
         *
         * @param loader {@code auditrail.kafka.loader.*}
         */
        protected final void useLoader(KafkaLoader loader) {
            this.loaderGroup = Objects.requireNonNull(loader, "loader");
        }

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
            return loaderGroup;
        }
    }

    /** The loader that copies the Kafka topic into this application's JDBC store. */
    @ConfigurationPropertiesSource
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
