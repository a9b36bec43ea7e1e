package io.auditrail.core.internal.tx;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns the exception that ended a transactional call, for the failure event of a call whose
 * transaction did not commit. Transaction managers tell their synchronisations only that a
 * transaction rolled back, never why; a flush that fails at commit (a constraint violation, a
 * serialisation failure) is thrown only after them. The framework modules run every
 * transactional method through {@link #around(Call)}, outside their transaction interceptor,
 * and a write handed to {@link #defer(Consumer)} while the transaction completes runs once the
 * call has ended, with that exception.
 */
public final class TransactionBoundary {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionBoundary.class);

    private static final ThreadLocal<Frame> CURRENT = new ThreadLocal<>();

    private TransactionBoundary() {
    }

    /**
     * The intercepted call.
     *
     * @param <T> its result type
     */
    @FunctionalInterface
    public interface Call<T> {

        /**
         * Runs the call.
         *
         * @return its result
         * @throws Throwable whatever it throws
         */
        T proceed() throws Throwable;
    }

    /** Writes deferred until the call around which they were registered has ended. */
    private static final class Frame {
        private final Frame outer;
        private List<Consumer<Throwable>> deferred;

        Frame(Frame outer) {
            this.outer = outer;
        }
    }

    /**
     * Runs a transactional call as a boundary, then the writes deferred inside it.
     *
     * @param call the call, including its transaction interceptor
     * @param <T> its result type
     * @return its result
     * @throws Throwable its exception, unchanged
     */
    public static <T> T around(Call<T> call) throws Throwable {
        Frame frame = new Frame(CURRENT.get());
        CURRENT.set(frame);
        Throwable failure = null;
        try {
            return call.proceed();
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
                // One failing write must neither replace the call's own outcome nor skip the others.
                for (Consumer<Throwable> write : frame.deferred) {
                    try {
                        write.accept(failure);
                    } catch (RuntimeException e) {
                        LOG.warn("A deferred audit write failed after its transaction ended", e);
                    }
                }
            }
        }
    }

    /**
     * Hands a write to the innermost transactional call running on this thread, the one whose
     * transaction is completing.
     *
     * @param write receives the exception that ended the call, or {@code null} when it returned;
     *        must not throw
     * @return {@code false} when no such call is running (a programmatic transaction, say): the
     *         caller writes at once
     */
    public static boolean defer(Consumer<Throwable> write) {
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
