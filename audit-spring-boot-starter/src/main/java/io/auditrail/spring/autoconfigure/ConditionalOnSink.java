package io.auditrail.spring.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when {@code auditrail.sink} lists the sink, or, with {@link #byDefault()}, when
 * {@code auditrail.sink} is not set at all.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(OnSinkCondition.class)
public @interface ConditionalOnSink {

    /**
     * The sink's name, as {@code auditrail.sink} lists it.
     *
     * @return such as {@code "jdbc"}
     */
    String value();

    /**
     * Whether to match when no sink is configured.
     *
     * @return {@code true} for the default sink
     */
    boolean byDefault() default false;
}
