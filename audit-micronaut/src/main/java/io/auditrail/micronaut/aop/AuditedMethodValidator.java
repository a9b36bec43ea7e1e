package io.auditrail.micronaut.aop;

import io.auditrail.annotations.Audited;
import io.auditrail.core.capture.AuditedMethods;
import io.auditrail.core.capture.InvalidAuditConfigurationException;
import io.micronaut.context.annotation.Executable;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.context.processor.ExecutableMethodProcessor;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.ExecutableMethod;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses and checks the {@code @Audited} annotations and expressions of every audited bean
 * class when the context starts (the mapper marks audited methods for processing on
 * start-up), so a typo fails start-up naming the class, method and expression instead of
 * being found on the first call. Micronaut hands processors the methods marked by
 * {@code @Executable(processOnStartup = true)} directly, so this one skips those without
 * {@code @Audited}.
 */
@Singleton
@Requires(property = "auditrail.enabled", notEquals = "false")
final class AuditedMethodValidator implements ExecutableMethodProcessor<Executable> {

    private final AuditedMethods methods;
    private final Set<Class<?>> validated = ConcurrentHashMap.newKeySet();

    /**
     * Creates the validator.
     *
     * @param methods the audited method registry, which caches what it parses
     */
    public AuditedMethodValidator(AuditedMethods methods) {
        this.methods = methods;
    }

    /**
     * Raw types, because Micronaut 4 declares this method with wildcards and Micronaut 5 as a
     * generic method; only the erased form overrides both.
     */
    @Override
    @SuppressWarnings("rawtypes")
    public void process(BeanDefinition beanDefinition, ExecutableMethod method) {
        if (!method.hasAnnotation(Audited.class)) {
            return;
        }
        Class<?> type = ReflectedMethods.userClass(beanDefinition.getBeanType());
        if (!validated.add(type)) {
            return;
        }
        try {
            methods.validate(type);
        } catch (InvalidAuditConfigurationException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }
}
