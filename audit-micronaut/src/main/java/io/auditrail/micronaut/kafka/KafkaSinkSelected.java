package io.auditrail.micronaut.kafka;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.core.value.PropertyResolver;
import java.util.List;

/** On when {@code auditrail.sink} lists {@code kafka}; unlike the JDBC store it is never a default. */
final class KafkaSinkSelected implements Condition {

    @Override
    public boolean matches(ConditionContext context) {
        return context.getBeanContext() instanceof PropertyResolver properties
                && properties.getProperty("auditrail.sink", Argument.listOf(String.class)).orElse(List.of()).stream()
                        .anyMatch(sink -> sink.strip().equalsIgnoreCase("kafka"));
    }
}
