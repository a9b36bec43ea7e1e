package io.auditrail.core.capture;

import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.InvalidAuditEventException;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.event.Resource;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.core.spi.AuditedInvocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interceptor logic shared by every framework: evaluates the argument expressions,
 * calls the method, evaluates the {@code #result} expressions, builds one event and hands
 * it to the dispatcher. A {@code CompletionStage} result is recorded when it completes.
 *
 * <p>The audited method's own exceptions propagate unchanged. An audit failure (a bad
 * value, a full queue, a failing sink in sync mode) is handled by the
 * {@link AuditFailurePolicy}: logged (WARN once, then DEBUG) and reported to the monitor,
 * and under {@code FAIL_CLOSED} thrown as an {@link AuditException} instead of returning.
 */
public final class InvocationAuditor {

    /** Resource id recorded for a failed call whose id would have come from {@code #result}. */
    public static final String UNKNOWN_RESOURCE_ID = "unknown";

    private static final Logger log = LoggerFactory.getLogger(InvocationAuditor.class);

    private final AuditedMethods methods;
    private final AuditEventFactory factory;
    private final AuditDispatcher dispatcher;
    private final AuditFailurePolicy policy;
    private final AuditMonitor monitor;
    private final AtomicBoolean warned = new AtomicBoolean();

    /**
     * Creates the auditor.
     *
     * @param methods audited method plans
     * @param factory builds events
     * @param dispatcher receives events
     * @param policy what an audit failure does to the business call
     * @param monitor observes capture failures
     */
    public InvocationAuditor(AuditedMethods methods, AuditEventFactory factory, AuditDispatcher dispatcher,
            AuditFailurePolicy policy, AuditMonitor monitor) {
        this.methods = methods;
        this.factory = factory;
        this.dispatcher = dispatcher;
        this.policy = policy;
        this.monitor = monitor;
    }

    /**
     * Runs an intercepted call, auditing it when an {@code @Audited} applies.
     *
     * @param invocation the call
     * @return the method's result, or for a {@code CompletionStage} a stage completing the same way
     * @throws Throwable the method's own exception, unchanged, or an {@link AuditException}
     *         under {@code FAIL_CLOSED}
     */
    public Object invoke(AuditedInvocation invocation) throws Throwable {
        Optional<AuditedMethodPlan> found;
        try {
            found = methods.plan(invocation.method(), invocation.targetClass());
        } catch (InvalidAuditConfigurationException e) {
            return proceedWithoutPlan(invocation, e);
        }
        if (found.isEmpty()) {
            return invocation.proceed();
        }
        AuditedMethodPlan plan = found.get();
        // An asynchronous method completes on another thread, where the caller's identity is gone.
        AuditEventFactory.CallerContext caller = CompletionStage.class.isAssignableFrom(invocation.method().getReturnType())
                ? callerContext(plan) : null;
        Object[] values = new Object[plan.sources().size()];
        RuntimeException beforeCallError = evaluate(plan, invocation, values, false, null);
        if (beforeCallError != null && policy == AuditFailurePolicy.FAIL_CLOSED) {
            throw auditFailed(plan, beforeCallError);
        }
        Object result;
        try {
            result = invocation.proceed();
        } catch (Throwable error) {
            if (beforeCallError != null) {
                auditFailed(plan, beforeCallError);
            } else if (plan.recordFailures()) {
                recordFailure(plan, caller, invocation, values, error);
            }
            throw error;
        }
        if (beforeCallError != null) {
            auditFailed(plan, beforeCallError);
            return result;
        }
        if (result instanceof CompletionStage<?> stage) {
            CompletionStage<?> recorded = stage.whenComplete((value, error) -> {
                if (error == null) {
                    recordSuccess(plan, caller, invocation, values, value);
                } else if (plan.recordFailures()) {
                    recordFailure(plan, caller, invocation, values, unwrap(error));
                }
            });
            // Only fail-closed needs the dependent stage (to fail it); otherwise the caller keeps
            // the method's own stage, whose exceptions reach handlers unwrapped.
            return policy == AuditFailurePolicy.FAIL_CLOSED ? recorded : result;
        }
        recordSuccess(plan, caller, invocation, values, result);
        return result;
    }

    private AuditEventFactory.CallerContext callerContext(AuditedMethodPlan plan) {
        try {
            return factory.callerContext();
        } catch (RuntimeException e) {
            auditFailed(plan, e);
            return null;
        }
    }

    private void recordSuccess(AuditedMethodPlan plan, AuditEventFactory.CallerContext caller,
            AuditedInvocation invocation, Object[] values, Object result) {
        try {
            RuntimeException error = evaluate(plan, invocation, values, true, result);
            if (error != null) {
                throw error;
            }
            dispatcher.dispatch(event(plan, caller, values, Outcome.success(), false));
        } catch (Throwable e) {
            AuditException failure = auditFailed(plan, e);
            if (policy == AuditFailurePolicy.FAIL_CLOSED) {
                throw failure;
            }
        }
    }

    /** Never throws: the method's own exception must reach the caller unchanged. */
    private void recordFailure(AuditedMethodPlan plan, AuditEventFactory.CallerContext caller,
            AuditedInvocation invocation, Object[] values, Throwable error) {
        try {
            dispatcher.dispatch(event(plan, caller, values, factory.failure(error), true));
        } catch (Throwable e) {
            auditFailed(plan, e);
        }
    }

    private RuntimeException evaluate(AuditedMethodPlan plan, AuditedInvocation invocation, Object[] values,
            boolean afterCall, Object result) {
        List<ValueSource> sources = plan.sources();
        for (int i = 0; i < sources.size(); i++) {
            ValueSource source = sources.get(i);
            if (source.afterCall() == afterCall) {
                try {
                    values[i] = source.value(invocation, result);
                } catch (RuntimeException | StackOverflowError e) {
                    return new InvalidAuditEventException(source.describe() + " failed: " + e);
                }
            }
        }
        return null;
    }

    private AuditEvent event(AuditedMethodPlan plan, AuditEventFactory.CallerContext caller, Object[] values,
            Outcome outcome, boolean failed) {
        String resourceId = text(values, plan.resourceIdSlot());
        if (resourceId == null) {
            if (!failed) {
                throw new InvalidAuditEventException("resource id from "
                        + plan.sources().get(plan.resourceIdSlot()).describe() + " is null");
            }
            resourceId = UNKNOWN_RESOURCE_ID;
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (int i = 0; i < plan.metadataKeys().size(); i++) {
            metadata.put(plan.metadataKeys().get(i), values[plan.firstMetadataSlot() + i]);
        }
        Resource resource = new Resource(plan.resourceType(), resourceId, text(values, plan.resourceNameSlot()));
        String organizationId = text(values, plan.organizationIdSlot());
        return caller == null ? factory.create(plan.action(), resource, organizationId, metadata, outcome)
                : factory.createFor(caller, plan.action(), resource, organizationId, metadata, outcome);
    }

    private static String text(Object[] values, int slot) {
        if (slot < 0 || values[slot] == null) {
            return null;
        }
        return values[slot].toString();
    }

    private Object proceedWithoutPlan(AuditedInvocation invocation, InvalidAuditConfigurationException problem)
            throws Throwable {
        warnOnce(problem.getMessage(), problem);
        safely(() -> monitor.captureFailed(invocation.method().toString(), problem));
        if (policy == AuditFailurePolicy.FAIL_CLOSED) {
            throw new AuditException(problem.getMessage(), problem);
        }
        return invocation.proceed();
    }

    private AuditException auditFailed(AuditedMethodPlan plan, Throwable cause) {
        safely(() -> monitor.captureFailed(plan.description(), cause));
        String message = "Could not record audit event '" + plan.action() + "' of " + plan.description() + ": "
                + cause;
        warnOnce(message, cause);
        return new AuditException(message, cause);
    }

    private void warnOnce(String message, Throwable cause) {
        if (warned.compareAndSet(false, true)) {
            log.warn("{} (further audit failures are logged at DEBUG)", message, cause);
        } else {
            log.debug(message, cause);
        }
    }

    /** A failing monitor must not turn an audit problem into a business failure. */
    private static void safely(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.debug("Audit monitor failed", e);
        }
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
