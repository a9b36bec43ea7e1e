package io.auditrail.spring.internal.tx;

import io.auditrail.core.internal.tx.TransactionBoundary;
import java.lang.reflect.Method;
import org.aopalliance.aop.Advice;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.core.Ordered;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionAttributeSource;

/**
 * Runs every {@code @Transactional} method through core's {@link TransactionBoundary}, ahead of
 * the transaction interceptor, so that the failure event of a call whose transaction failed to
 * commit records the exception that the commit threw.
 */
public final class TransactionBoundaryAdvisor extends AbstractPointcutAdvisor {

    private static final long serialVersionUID = 1L;

    private final transient Pointcut pointcut = new TransactionalPointcut(new AnnotationTransactionAttributeSource(false));
    private final transient MethodInterceptor boundary = invocation -> TransactionBoundary.around(invocation::proceed);

    /** Creates the advisor, ordered before every other so that it wraps the transaction interceptor. */
    public TransactionBoundaryAdvisor() {
        setOrder(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    public Pointcut getPointcut() {
        return pointcut;
    }

    @Override
    public Advice getAdvice() {
        return boundary;
    }

    private static final class TransactionalPointcut extends StaticMethodMatcherPointcut {
        private final TransactionAttributeSource attributes;

        TransactionalPointcut(TransactionAttributeSource attributes) {
            this.attributes = attributes;
        }

        @Override
        public boolean matches(Method method, Class<?> targetClass) {
            return attributes.getTransactionAttribute(method, targetClass) != null;
        }
    }
}
