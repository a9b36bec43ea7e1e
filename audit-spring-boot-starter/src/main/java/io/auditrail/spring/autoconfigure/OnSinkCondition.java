package io.auditrail.spring.autoconfigure;

import io.auditrail.core.internal.wiring.SinkSelection;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

class OnSinkCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnSink.class.getName());
        String sink = (String) attributes.get("value");
        boolean byDefault = (Boolean) attributes.get("byDefault");
        List<String> configured = Binder.get(context.getEnvironment())
                .bind("auditrail.sink", Bindable.listOf(String.class)).orElse(List.<String>of()).stream()
                .map(SinkSelection::normalize).toList();
        if (configured.contains(sink)) {
            return ConditionOutcome.match("auditrail.sink lists " + sink);
        }
        if (configured.isEmpty() && byDefault) {
            return ConditionOutcome.match("auditrail.sink is not set and " + sink + " is a default sink");
        }
        return ConditionOutcome.noMatch("auditrail.sink " + configured + " does not select " + sink);
    }
}
