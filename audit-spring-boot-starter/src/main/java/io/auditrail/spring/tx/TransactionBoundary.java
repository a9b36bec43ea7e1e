package io.auditrail.spring.tx;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

/**
 * Wraps each {@code @Transactional} call, outside Spring's transaction interceptor, to learn
 * the exception that ended it. Spring tells transaction synchronisations only that a
 * transaction rolled back, never why; a flush that fails at commit (a constraint violation,
 * a serialisation failure) is thrown only after them. A failure event deferred here is written
 * once the call has ended, with that exception as its cause.
 */
final class TransactionBoundary implements MethodInterceptor {

    private static final ThreadLocal<Frame> CURRENT = new ThreadLocal<>();

    /** Writes deferred until the call around which they were registered has ended. */
    private static final class Frame {
        private final Frame outer;
        private List<Consumer<Throwable>> deferred;

        Frame(Frame outer) {
            this.outer = outer;
        }
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Frame frame = new Frame(CURRENT.get());
        CURRENT.set(frame);
        Throwable failure = null;
        try {
            return invocation.proceed();
        } catch (Throwable e) {
            failure = e;
            throw e;
        } finally {
            if (frame.outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(frame.outer);
            }
            if (frame.deferred != null) {
                for (Consumer<Throwable> write : frame.deferred) {
                    write.accept(failure);
                }
            }
        }
    }

    /**
     * Hands a write to the innermost {@code @Transactional} call running on this thread, the
     * one whose transaction is completing.
     *
     * @param write receives the exception that ended the call, or {@code null} when it returned
     * @return {@code false} when no such call is running (a {@code TransactionTemplate}, say):
     *         the caller writes at once
     */
    static boolean defer(Consumer<Throwable> write) {
        Frame frame = CURRENT.get();
        if (frame == null) {
            return false;
        }
        if (frame.deferred == null) {
            frame.deferred = new ArrayList<>(1);
        }
        frame.deferred.add(write);
        return true;
    }
}
