package io.auditrail.spring.internal.aop;

import io.auditrail.core.capture.AuditedMatcher;
import java.lang.reflect.Method;
import org.aopalliance.aop.Advice;
import org.springframework.aop.ClassFilter;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;

/**
 * Applies the {@link AuditedMethodInterceptor} to every method an {@code @Audited} applies
 * to: on the method, an interface or superclass method, or the type. The order is
 * {@code LOWEST_PRECEDENCE} by default and the advisor is registered after Spring's
 * transaction advisor, so it runs inside an audited method's own transaction.
 */
public final class AuditedAdvisor extends AbstractPointcutAdvisor {

    private static final long serialVersionUID = 1L;

    private final transient Pointcut pointcut;
    private final transient Advice advice;

    /**
     * Creates the advisor.
     *
     * @param matcher decides which methods are audited
     * @param interceptor the advice
     * @param order the advisor's order
     */
    public AuditedAdvisor(AuditedMatcher matcher, AuditedMethodInterceptor interceptor, int order) {
        this.pointcut = new AuditedPointcut(matcher);
        this.advice = interceptor;
        setOrder(order);
    }

    @Override
    public Pointcut getPointcut() {
        return pointcut;
    }

    @Override
    public Advice getAdvice() {
        return advice;
    }

    private static final class AuditedPointcut extends StaticMethodMatcherPointcut {

        private final AuditedMatcher matcher;

        AuditedPointcut(AuditedMatcher matcher) {
            this.matcher = matcher;
        }

        @Override
        public boolean matches(Method method, Class<?> targetClass) {
            return matcher.isAudited(method, targetClass);
        }

        @Override
        public ClassFilter getClassFilter() {
            return matcher::mayBeAudited;
        }
    }
}
