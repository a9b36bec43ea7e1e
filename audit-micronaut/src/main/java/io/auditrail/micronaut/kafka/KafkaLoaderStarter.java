package io.auditrail.micronaut.kafka;

import io.auditrail.kafka.KafkaAuditLoader;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;

/**
 * Starts the loader for {@code auditrail.kafka.loader.enabled=true} once the context has
 * started, not while its beans are still being created: the loader's thread then only ever
 * meets a complete context. An application's own {@link KafkaAuditLoader} bean, which replaces
 * {@link KafkaLoaderFactory}'s, is started too.
 */
@Singleton
@Requires(property = "auditrail.enabled", notEquals = "false")
@Requires(property = "auditrail.kafka.loader.enabled", value = "true")
@Requires(classes = KafkaAuditLoader.class)
final class KafkaLoaderStarter implements ApplicationEventListener<StartupEvent> {

    private final KafkaAuditLoader loader;

    KafkaLoaderStarter(KafkaAuditLoader loader) {
        this.loader = loader;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        loader.start();
    }
}
