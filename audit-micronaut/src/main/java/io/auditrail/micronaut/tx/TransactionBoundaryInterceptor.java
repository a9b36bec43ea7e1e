package io.auditrail.micronaut.tx;

import io.auditrail.core.internal.tx.TransactionBoundary;
import io.micronaut.aop.InterceptPhase;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.annotation.Transactional;

/**
 * Runs every {@code @Transactional} method through core's {@link TransactionBoundary}, just
 * outside Micronaut's transaction interceptor, so that the failure event of a call whose
 * transaction did not commit records the exception that ended it.
 */
@InterceptorBean(Transactional.class)
@Requires(property = "auditrail.enabled", notEquals = "false")
final class TransactionBoundaryInterceptor implements MethodInterceptor<Object, Object> {

    @Override
    public int getOrder() {
        return InterceptPhase.TRANSACTION.getPosition() - 1;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        try {
            return TransactionBoundary.around(context::proceed);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable checked) {
            // A checked exception of the transactional method must reach its caller unchanged.
            throw TransactionBoundaryInterceptor.<RuntimeException>rethrow(checked);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E rethrow(Throwable error) throws E {
        throw (E) error;
    }
}
