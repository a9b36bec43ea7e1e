package io.auditrail.spring.internal.aop;

import org.springframework.aop.config.AopConfigUtils;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Makes sure an auto-proxy creator applies the audit advisor, as
 * {@code @EnableTransactionManagement} does for its own: an infrastructure creator unless
 * the application already has a stronger one (such as AspectJ's), so {@code @Audited} works
 * without the AspectJ weaver.
 */
public final class AuditedAutoProxyRegistrar implements ImportBeanDefinitionRegistrar {

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        AopConfigUtils.registerAutoProxyCreatorIfNecessary(registry);
    }
}
