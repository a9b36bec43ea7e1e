package io.auditrail.micronaut.jdbc;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.core.value.PropertyResolver;
import java.util.List;

/** The JDBC store is the default sink: on when {@code auditrail.sink} is unset or lists {@code jdbc}. */
public final class JdbcSinkSelected implements Condition {

    @Override
    public boolean matches(ConditionContext context) {
        if (!(context.getBeanContext() instanceof PropertyResolver properties)) {
            return true;
        }
        List<String> sinks = properties.getProperty("auditrail.sink", Argument.listOf(String.class)).orElse(List.of());
        return sinks.isEmpty() || sinks.stream().anyMatch(sink -> sink.strip().equalsIgnoreCase("jdbc"));
    }
}
