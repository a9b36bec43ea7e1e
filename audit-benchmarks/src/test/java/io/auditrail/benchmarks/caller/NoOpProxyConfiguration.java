package io.auditrail.benchmarks.caller;

import io.auditrail.annotations.Audited;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

/**
 * Variant (b): the same methods as {@code @Audited} selects, proxied by the same auto-proxy
 * creator, with an interceptor that only proceeds. Subtracting it from the audited variant
 * leaves what auditing itself costs the caller.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("bench.no-op-proxy")
class NoOpProxyConfiguration {

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor noOpAdvisor() {
        MethodInterceptor proceed = invocation -> invocation.proceed();
        return new DefaultPointcutAdvisor(AnnotationMatchingPointcut.forMethodAnnotation(Audited.class), proceed);
    }
}
