package io.auditrail.micronaut.config;

import io.auditrail.core.config.AuditrailSettings;
import io.auditrail.core.config.MissingProcessorAction;
import io.auditrail.core.validation.AuditLimits;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.core.naming.conventions.StringConvention;
import java.util.Map;

/**
 * Binds {@code auditrail.*} from {@code application.yml}: the keys, defaults and meanings of
 * core's {@link AuditrailSettings}, the same as in the Spring Boot starter. Each nested group
 * is its own configuration bean, handed to this one.
 */
@ConfigurationProperties("auditrail")
public class AuditrailConfiguration extends AuditrailSettings {

    private final LimitsConfiguration limitsConfiguration;

    /**
     * Creates the configuration from its bound groups.
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
    public AuditrailConfiguration(JdbcConfiguration jdbc, HttpConfiguration http, ActorConfiguration actor,
            RequestConfiguration request, RedactionConfiguration redaction, LimitsConfiguration limits,
            AsyncConfiguration async, OutboxConfiguration outbox, KafkaConfiguration kafka) {
        useGroups(jdbc, http, actor, request, redaction, limits, async, outbox, kafka);
        this.limitsConfiguration = limits;
    }

    /**
     * The capture bounds, with the metadata size bound here.
     *
     * @return the limits
     */
    public AuditLimits toAuditLimits() {
        return limitsConfiguration.toAuditLimits(limitsConfiguration.getMaxMetadataSize());
    }

    /** {@code auditrail.micronaut.*}: keys only this module reads. */
    @ConfigurationProperties("micronaut")
    public static class MicronautConfiguration {

        /** What start-up does when a bean has @Audited methods but no Auditrail interceptor is bound, because audit-micronaut-processor was missing from the annotation-processor path: warn or fail. */
        private MissingProcessorAction onMissingProcessor = MissingProcessorAction.WARN;

        public MissingProcessorAction getOnMissingProcessor() {
            return onMissingProcessor;
        }

        public void setOnMissingProcessor(MissingProcessorAction onMissingProcessor) {
            this.onMissingProcessor = onMissingProcessor;
        }
    }

    /** {@code auditrail.jdbc.*}. */
    @ConfigurationProperties("jdbc")
    public static class JdbcConfiguration extends AuditrailSettings.Jdbc {
    }

    /** {@code auditrail.http.*}. */
    @ConfigurationProperties("http")
    public static class HttpConfiguration extends AuditrailSettings.Http {
    }

    /** {@code auditrail.actor.*}. */
    @ConfigurationProperties("actor")
    public static class ActorConfiguration extends AuditrailSettings.ActorSettings {
    }

    /** {@code auditrail.request.*}. */
    @ConfigurationProperties("request")
    public static class RequestConfiguration extends AuditrailSettings.Request {
    }

    /** {@code auditrail.redaction.*}. */
    @ConfigurationProperties("redaction")
    public static class RedactionConfiguration extends AuditrailSettings.Redaction {
    }

    /** {@code auditrail.async.*}. */
    @ConfigurationProperties("async")
    public static class AsyncConfiguration extends AuditrailSettings.Async {
    }

    /** {@code auditrail.outbox.*}. */
    @ConfigurationProperties("outbox")
    public static class OutboxConfiguration extends AuditrailSettings.Outbox {
    }

    /** {@code auditrail.kafka.*}. */
    @ConfigurationProperties("kafka")
    public static class KafkaConfiguration extends AuditrailSettings.Kafka {

        /**
         * Creates the configuration around its bound loader group.
         *
         * @param loader {@code auditrail.kafka.loader.*}
         */
        public KafkaConfiguration(LoaderConfiguration loader) {
            useLoader(loader);
        }

        /** Kafka property names are dotted ({@code compression.type}): kept whole, not nested. */
        @Override
        public void setProducer(@MapFormat(transformation = MapFormat.MapTransformation.FLAT,
                keyFormat = StringConvention.RAW) Map<String, String> producer) {
            super.setProducer(producer);
        }

        @Override
        public void setConsumer(@MapFormat(transformation = MapFormat.MapTransformation.FLAT,
                keyFormat = StringConvention.RAW) Map<String, String> consumer) {
            super.setConsumer(consumer);
        }

        /** {@code auditrail.kafka.loader.*}. */
        @ConfigurationProperties("loader")
        public static class LoaderConfiguration extends AuditrailSettings.KafkaLoader {
        }
    }

    /** {@code auditrail.limits.*}, adding the metadata size in Micronaut's readable-bytes form ({@code 64KB}). */
    @ConfigurationProperties("limits")
    public static class LimitsConfiguration extends AuditrailSettings.Limits {

        /** Largest serialised metadata object. */
        private int maxMetadataSize = AuditLimits.DEFAULTS.maxMetadataBytes();

        public int getMaxMetadataSize() {
            return maxMetadataSize;
        }

        public void setMaxMetadataSize(@ReadableBytes int maxMetadataSize) {
            this.maxMetadataSize = maxMetadataSize;
        }
    }
}
