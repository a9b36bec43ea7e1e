package io.auditrail.spring.internal.aop;

import io.auditrail.core.capture.AuditedMatcher;
import io.auditrail.core.capture.AuditedMethods;
import io.auditrail.core.capture.InvalidAuditConfigurationException;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Parses and checks the {@code @Audited} annotations and expressions of every bean when it
 * is created, so a typo fails start-up naming the bean, class, method and expression.
 */
public final class AuditedBeanValidator implements BeanPostProcessor {

    private final ObjectProvider<AuditedMethods> methods;
    private final AuditedMatcher matcher = new AuditedMatcher();

    /**
     * Creates the validator; the registry is looked up lazily because post-processors are
     * created before ordinary beans.
     *
     * @param methods the audited method registry
     */
    public AuditedBeanValidator(ObjectProvider<AuditedMethods> methods) {
        this.methods = methods;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        Class<?> type = AopUtils.getTargetClass(bean);
        if (!matcher.mayBeAudited(type)) {
            return bean;
        }
        try {
            methods.getObject().validate(type);
        } catch (InvalidAuditConfigurationException e) {
            throw new BeanCreationException(beanName, e.getMessage(), e);
        }
        return bean;
    }
}
