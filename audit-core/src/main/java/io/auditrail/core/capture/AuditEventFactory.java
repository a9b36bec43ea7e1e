package io.auditrail.core.capture;

import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.EventIds;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.event.RequestContext;
import io.auditrail.core.event.Resource;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.spi.ActorResolver;
import io.auditrail.core.spi.OrganizationResolver;
import io.auditrail.core.spi.RequestContextProvider;
import io.auditrail.core.spi.UnattributedOrganization;
import io.auditrail.core.validation.AuditEventValidator;
import io.auditrail.core.validation.AuditLimits;
import io.auditrail.core.validation.ExternalIds;
import io.auditrail.core.validation.MetadataRedactor;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Builds validated events for the current call: fresh UUIDv7 id, timestamp, actor,
 * organisation and request context from the resolvers, metadata converted to JSON values
 * and redacted. Used by the method interceptors and by programmatic recording (security
 * events, for example). Thread-safe.
 */
public final class AuditEventFactory {

    private final Clock clock;
    private final EventIds ids;
    private static final MethodWarnings RESOLVER_WARNINGS = new MethodWarnings(
            LoggerFactory.getLogger(AuditEventFactory.class));

    private final ActorResolver actorResolver;
    private final OrganizationResolver organizationResolver;
    private final RequestContextProvider contextProvider;
    private final Actor systemActor;
    private final String defaultOrganizationId;
    private final boolean includeErrorMessages;
    private final MetadataConverter converter;
    private final MetadataRedactor redactor;
    private final AuditEventValidator validator;
    private final AuditLimits limits;

    private AuditEventFactory(Builder builder) {
        this.clock = builder.clock;
        this.ids = new EventIds(builder.clock::millis);
        this.actorResolver = builder.actorResolver;
        this.organizationResolver = builder.organizationResolver;
        this.contextProvider = builder.contextProvider;
        this.systemActor = builder.systemActor;
        this.defaultOrganizationId = builder.defaultOrganizationId;
        this.includeErrorMessages = builder.includeErrorMessages;
        this.converter = new MetadataConverter(builder.limits.maxMetadataDepth());
        this.redactor = builder.redactor;
        this.validator = new AuditEventValidator(builder.limits, builder.codec);
        this.limits = builder.limits;
    }

    /**
     * Starts configuring a factory; every setting has a default.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The validator this factory applies, for checks before any event exists.
     *
     * @return the validator
     */
    public AuditEventValidator validator() {
        return validator;
    }

    /**
     * Builds an event for the current call.
     *
     * @param action dot-notation action
     * @param resource what the action was done to
     * @param organizationId explicit organisation, or {@code null} to ask the resolver, then the default
     * @param metadata any values; converted to JSON and redacted
     * @param outcome success or failure
     * @return the validated event
     * @throws io.auditrail.core.event.InvalidAuditEventException when a rule is broken
     */
    public AuditEvent create(String action, Resource resource, String organizationId, Map<String, ?> metadata,
            Outcome outcome) {
        return create(null, action, resource, organizationId, metadata, outcome);
    }

    /**
     * Builds an event for an actor known to the caller, for example the user of an
     * authentication event whose security context is not set yet.
     *
     * @param actor the actor, or {@code null} to ask the resolver, then use the system actor
     * @param action dot-notation action
     * @param resource what the action was done to
     * @param organizationId explicit organisation, or {@code null} to ask the resolver, then the default
     * @param metadata any values; converted to JSON and redacted
     * @param outcome success or failure
     * @return the validated event
     * @throws io.auditrail.core.event.InvalidAuditEventException when a rule is broken
     */
    public AuditEvent create(Actor actor, String action, Resource resource, String organizationId,
            Map<String, ?> metadata, Outcome outcome) {
        CallerContext caller = new CallerContext(actor != null ? actor : currentActor(),
                organizationId != null ? organizationId : currentOrganization(), currentRequest());
        return createFor(caller, action, resource, organizationId, metadata, outcome);
    }

    /**
     * Who is calling, from which organisation and request, read on the calling thread. Taken
     * before an asynchronous method runs, so that its event, built later on whichever thread
     * completes it, still names the caller.
     *
     * @return the caller's context
     */
    public CallerContext callerContext() {
        return new CallerContext(currentActor(), currentOrganization(), currentRequest());
    }

    /**
     * Builds an event for a caller captured earlier with {@link #callerContext()}.
     *
     * @param caller the caller's context
     * @param action dot-notation action
     * @param resource what the action was done to
     * @param organizationId explicit organisation, or {@code null} for the caller's
     * @param metadata any values; converted to JSON and redacted
     * @param outcome success or failure
     * @return the validated event
     * @throws io.auditrail.core.event.InvalidAuditEventException when a rule is broken
     */
    public AuditEvent createFor(CallerContext caller, String action, Resource resource, String organizationId,
            Map<String, ?> metadata, Outcome outcome) {
        Map<String, Object> json = Map.of();
        if (!metadata.isEmpty()) {
            json = new LinkedHashMap<>();
            for (Map.Entry<String, ?> entry : metadata.entrySet()) {
                json.put(entry.getKey(), converter.toJsonValue(entry.getValue(), "metadata." + entry.getKey()));
            }
            json = redactor.redact(json);
        }
        // The constructor copies the metadata; a builder would copy it once more.
        AuditEvent event = new AuditEvent(ids.nextId(), clock.instant(),
                organizationId != null ? organizationId : caller.organizationId(), recordable(caller.actor()), action,
                resource, outcome, caller.request(), json);
        return validator.validate(event);
    }

    /**
     * The calling side of an event.
     *
     * @param actor who is calling; never {@code null}
     * @param organizationId the caller's organisation, or {@code null}
     * @param request the request in scope, or {@link RequestContext#NONE}
     */
    public record CallerContext(Actor actor, String organizationId, RequestContext request) {
    }

    /*
     * A resolver is application code: one that throws, or an organisation id from a token that
     * breaks the identifier rules, must not cost the event. The caller is then recorded as far as
     * it is known (system actor, default organisation, no request) or escaped like other
     * identifiers chosen outside the application, and the resolver's trouble is logged.
     */
    private Actor currentActor() {
        try {
            return actorResolver.currentActor().orElse(systemActor);
        } catch (RuntimeException e) {
            RESOLVER_WARNINGS.warn("ActorResolver", () -> "The ActorResolver failed; the event names the system actor "
                    + "instead: " + e, e);
            return systemActor;
        }
    }

    private RequestContext currentRequest() {
        try {
            return contextProvider.currentContext().orElse(RequestContext.NONE);
        } catch (RuntimeException e) {
            RESOLVER_WARNINGS.warn("RequestContextProvider", () -> "The RequestContextProvider failed; the event is "
                    + "recorded without its request context: " + e, e);
            return RequestContext.NONE;
        }
    }

    /**
     * A failure outcome for an exception, keeping its message only when configured.
     *
     * @param error the exception
     * @return the outcome
     */
    public Outcome failure(Throwable error) {
        return Outcome.failure(error, includeErrorMessages);
    }

    /** Actor ids come from the identity system, where users may choose them; see {@link ExternalIds}. */
    private Actor recordable(Actor actor) {
        String id = ExternalIds.sanitize(actor.id(), limits.maxIdentifierLength());
        return id.equals(actor.id()) ? actor : new Actor(id, actor.name(), actor.email(), actor.type());
    }

    private String currentOrganization() {
        Optional<String> resolved;
        try {
            resolved = organizationResolver.currentOrganizationId();
        } catch (RuntimeException e) {
            RESOLVER_WARNINGS.warn("OrganizationResolver", () -> "The OrganizationResolver failed; the event is "
                    + "recorded under the default organisation " + defaultOrganizationId + " instead: " + e, e);
            return defaultOrganizationId;
        }
        // No Optional.map: its lambda would be allocated on every call, resolved or not.
        return resolved.isPresent() ? ExternalIds.sanitize(resolved.get(), limits.maxIdentifierLength())
                : defaultOrganizationId;
    }

    /** Configures an {@link AuditEventFactory}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private ActorResolver actorResolver = Optional::empty;
        private OrganizationResolver organizationResolver = Optional::empty;
        private RequestContextProvider contextProvider = Optional::empty;
        private Actor systemActor = Actor.system("system");
        private String defaultOrganizationId;
        private boolean includeErrorMessages;
        private AuditLimits limits = AuditLimits.DEFAULTS;
        private MetadataRedactor redactor = MetadataRedactor.withDefaults();
        private AuditEventCodec codec;

        private Builder() {
        }

        /**
         * Clock for timestamps and ids; the system UTC clock by default.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Finds the current actor; none by default, so the system actor is recorded.
         *
         * @param actorResolver the resolver
         * @return this builder
         */
        public Builder actorResolver(ActorResolver actorResolver) {
            this.actorResolver = actorResolver;
            return this;
        }

        /**
         * Finds the current organisation when the call names none.
         *
         * @param organizationResolver the resolver
         * @return this builder
         */
        public Builder organizationResolver(OrganizationResolver organizationResolver) {
            this.organizationResolver = organizationResolver;
            return this;
        }

        /**
         * Supplies the request context.
         *
         * @param contextProvider the provider
         * @return this builder
         */
        public Builder requestContextProvider(RequestContextProvider contextProvider) {
            this.contextProvider = contextProvider;
            return this;
        }

        /**
         * Actor recorded when nobody is authenticated; {@code system} by default.
         *
         * @param systemActor the actor
         * @return this builder
         */
        public Builder systemActor(Actor systemActor) {
            this.systemActor = systemActor;
            return this;
        }

        /**
         * Organisation recorded when neither the call nor the resolver names one.
         *
         * @param defaultOrganizationId the id, or {@code null}
         * @return this builder
         * @throws InvalidAuditConfigurationException when it is the reserved {@link UnattributedOrganization#ID}
         */
        public Builder defaultOrganizationId(String defaultOrganizationId) {
            if (UnattributedOrganization.is(defaultOrganizationId)) {
                throw new InvalidAuditConfigurationException("auditrail.default-organization-id must not be '"
                        + UnattributedOrganization.ID + "': that id is reserved for security events of no tenant");
            }
            this.defaultOrganizationId = defaultOrganizationId;
            return this;
        }

        /**
         * Whether failure outcomes keep the exception message; off by default because
         * messages often hold personal data.
         *
         * @param includeErrorMessages whether to keep messages
         * @return this builder
         */
        public Builder includeErrorMessages(boolean includeErrorMessages) {
            this.includeErrorMessages = includeErrorMessages;
            return this;
        }

        /**
         * Bounds for identifiers, text and metadata.
         *
         * @param limits the limits
         * @return this builder
         */
        public Builder limits(AuditLimits limits) {
            this.limits = limits;
            return this;
        }

        /**
         * Masks secret metadata keys.
         *
         * @param redactor the redactor
         * @return this builder
         */
        public Builder redactor(MetadataRedactor redactor) {
            this.redactor = redactor;
            return this;
        }

        /**
         * Codec used to measure metadata; a new one by default.
         *
         * @param codec the codec
         * @return this builder
         */
        public Builder codec(AuditEventCodec codec) {
            this.codec = codec;
            return this;
        }

        /**
         * Builds the factory.
         *
         * @return the factory
         */
        public AuditEventFactory build() {
            if (codec == null) {
                codec = new AuditEventCodec();
            }
            return new AuditEventFactory(this);
        }
    }
}
