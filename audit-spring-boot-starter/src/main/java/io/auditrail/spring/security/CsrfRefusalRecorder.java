package io.auditrail.spring.security;

import jakarta.servlet.Filter;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.web.DefaultSecurityFilterChain;

/**
 * Lets every {@link DefaultSecurityFilterChain} of the application record the requests its
 * CSRF check refuses (see {@link CsrfRefusalFilters}). The chain is replaced by an equal one
 * with the observing filters added, before Spring Security's filter chain proxy is built.
 */
public final class CsrfRefusalRecorder implements BeanPostProcessor, BeanFactoryAware {

    private final Supplier<SecurityEventAuditor> auditor;
    private BeanFactory beanFactory;

    /**
     * Creates the recorder.
     *
     * @param auditor records the refusals; asked on the first refusal, after start-up
     */
    public CsrfRefusalRecorder(Supplier<SecurityEventAuditor> auditor) {
        this.auditor = auditor;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof DefaultSecurityFilterChain chain)) {
            return bean;
        }
        List<Filter> filters = CsrfRefusalFilters.around(chain.getFilters(), auditor);
        if (filters == chain.getFilters()) {
            return bean;
        }
        DefaultSecurityFilterChain observed = new DefaultSecurityFilterChain(chain.getRequestMatcher(), filters);
        observed.setBeanName(beanName);
        observed.setBeanFactory(beanFactory);
        return observed;
    }
}
