package io.auditrail.core.capture;

import io.auditrail.core.dispatch.AuditDispatcher;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.event.Outcome;
import io.auditrail.core.spi.AuditMonitor;
import io.auditrail.core.spi.AuditedInvocation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interceptor logic shared by every framework: calls the method, then evaluates the
 * event's expressions (arguments as the call left them, and {@code #result} when it returned),
 * builds one event and hands it to the dispatcher. Only metadata marked
 * {@code beforeCall} is taken before the call. A {@code CompletionStage} result is recorded
 * when it completes.
 *
 * <p>The audited method's own exceptions propagate unchanged. A value that cannot be resolved
 * never costs the event: it is recorded as unresolved (see {@link #CAPTURE_PROBLEMS_KEY}),
 * reported to the monitor and logged at WARN, at most once a minute per method. An event that
 * cannot be handed over (a full queue, a failing sink in sync mode) is handled by the
 * {@link AuditFailurePolicy}: counted, logged the same way, and under {@code FAIL_CLOSED} thrown
 * as an {@link AuditException} instead of returning.
 */
public final class InvocationAuditor {

    /**
     * Resource id recorded when the id could not be resolved: its expression threw or was
     * {@code null}, or the call failed before producing the {@code #result} it comes from.
     */
    public static final String UNKNOWN_RESOURCE_ID = "unknown";

    /**
     * Metadata key listing the values of an event that could not be resolved, one line each
     * naming the attribute, its expression and why (for example
     * {@code "resourceId from expression '#pet.id': was null"}).
     */
    public static final String CAPTURE_PROBLEMS_KEY = "_auditrail.capture_problems";

    private static final Logger log = LoggerFactory.getLogger(InvocationAuditor.class);

    private final AuditedMethods methods;
    private final AuditEventFactory factory;
    private final EventAssembler assembler;
    private final AuditDispatcher dispatcher;
    private final AuditFailurePolicy policy;
    private final AuditMonitor monitor;
    private final MethodWarnings warnings;

    /**
     * Creates the auditor.
     *
     * @param methods audited method plans
     * @param factory builds events
     * @param dispatcher receives events
     * @param policy what an audit failure does to the business call
     * @param monitor observes capture failures and problems
     */
    public InvocationAuditor(AuditedMethods methods, AuditEventFactory factory, AuditDispatcher dispatcher,
            AuditFailurePolicy policy, AuditMonitor monitor) {
        this.methods = methods;
        this.factory = factory;
        this.assembler = new EventAssembler(factory);
        this.dispatcher = dispatcher;
        this.policy = policy;
        this.monitor = monitor;
        this.warnings = new MethodWarnings(log);
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
        return invoke(prepare(invocation.method(), invocation.targetClass()), invocation);
    }

    /**
     * Looks up how calls of a method on a class are audited, for a framework that keeps the
     * answer per method: a call through {@link #invoke(AuditedMethod, AuditedInvocation)} then
     * costs no lookup.
     *
     * @param method the implementation's method, as the invocations will name it
     * @param targetClass the class of the receiving object
     * @return the method's audit plan, none, or its configuration problem
     */
    public AuditedMethod prepare(Method method, Class<?> targetClass) {
        try {
            return new AuditedMethod(methods.plan(method, targetClass).orElse(null), null);
        } catch (InvalidAuditConfigurationException e) {
            return new AuditedMethod(null, e);
        }
    }

    /**
     * Runs an intercepted call of a method prepared with {@link #prepare(Method, Class)}.
     *
     * @param audited the prepared method; it must be the invocation's method and class
     * @param invocation the call
     * @return the method's result, or for a {@code CompletionStage} a stage completing the same way
     * @throws Throwable the method's own exception, unchanged, or an {@link AuditException}
     *         under {@code FAIL_CLOSED}
     */
    public Object invoke(AuditedMethod audited, AuditedInvocation invocation) throws Throwable {
        if (audited.problem != null) {
            return proceedWithoutPlan(invocation, audited.problem);
        }
        AuditedMethodPlan plan = audited.plan;
        if (plan == null) {
            return invocation.proceed();
        }
        // An asynchronous method completes on another thread, where the caller's identity is gone.
        AuditEventFactory.CallerContext caller = CompletionStage.class.isAssignableFrom(invocation.method().getReturnType())
                ? callerContext(plan) : null;
        Object[] before = plan.takesValuesBeforeCall() ? valuesBeforeCall(plan, invocation) : null;
        Object result;
        try {
            result = invocation.proceed();
        } catch (Throwable error) {
            if (plan.recordFailures()) {
                recordFailure(plan, caller, invocation, before, error);
            }
            throw error;
        }
        if (result instanceof CompletionStage<?> stage) {
            CompletionStage<?> recorded = stage.whenComplete((value, error) -> {
                if (error == null) {
                    recordSuccess(plan, caller, invocation, before, value);
                } else if (plan.recordFailures()) {
                    recordFailure(plan, caller, invocation, before, unwrap(error));
                }
            });
            // Only fail-closed needs the dependent stage (to fail it); otherwise the caller keeps
            // the method's own stage, whose exceptions reach handlers unwrapped.
            return policy == AuditFailurePolicy.FAIL_CLOSED ? recorded : result;
        }
        recordSuccess(plan, caller, invocation, before, result);
        return result;
    }

    /**
     * How calls of one method on one class are audited, looked up once by
     * {@link #prepare(Method, Class)}: a plan, no plan (not audited), or the configuration
     * problem that keeps it from being audited, reported on every call.
     */
    public static final class AuditedMethod {
        private final AuditedMethodPlan plan;
        private final InvalidAuditConfigurationException problem;

        private AuditedMethod(AuditedMethodPlan plan, InvalidAuditConfigurationException problem) {
            this.plan = plan;
            this.problem = problem;
        }
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
            AuditedInvocation invocation, Object[] before, Object result) {
        try {
            dispatcher.dispatch(event(plan, caller, invocation, before, result, Outcome.success(), false));
        } catch (Throwable e) {
            AuditException failure = auditFailed(plan, e);
            if (policy == AuditFailurePolicy.FAIL_CLOSED) {
                throw failure;
            }
        }
    }

    /** Never throws: the method's own exception must reach the caller unchanged. */
    private void recordFailure(AuditedMethodPlan plan, AuditEventFactory.CallerContext caller,
            AuditedInvocation invocation, Object[] before, Throwable error) {
        try {
            dispatcher.dispatch(event(plan, caller, invocation, before, null, factory.failure(error), true));
        } catch (Throwable e) {
            auditFailed(plan, e);
        }
    }

    /** Allocates only for the plans that ask for a value before the call. */
    private static Object[] valuesBeforeCall(AuditedMethodPlan plan, AuditedInvocation invocation) {
        Object[] values = new Object[plan.sources().size()];
        List<ValueSource> sources = plan.sources();
        for (int i = 0; i < values.length; i++) {
            if (sources.get(i).beforeCall()) {
                values[i] = resolve(sources.get(i), invocation, null);
            }
        }
        return values;
    }

    private AuditEvent event(AuditedMethodPlan plan, AuditEventFactory.CallerContext caller,
            AuditedInvocation invocation, Object[] before, Object result, Outcome outcome, boolean failed) {
        List<ValueSource> sources = plan.sources();
        Object[] values = before != null ? before : new Object[sources.size()];
        for (int i = 0; i < values.length; i++) {
            ValueSource source = sources.get(i);
            if (!source.beforeCall() && !(failed && source.readsResult())) {
                values[i] = resolve(source, invocation, result);
            }
        }
        EventAssembler.Assembled assembled = assembler.assemble(plan, caller, values, outcome, failed);
        if (!assembled.problems().isEmpty()) {
            reportProblems(plan, assembled);
        }
        return assembled.event();
    }

    private static Object resolve(ValueSource source, AuditedInvocation invocation, Object result) {
        try {
            return source.value(invocation, result);
        } catch (RuntimeException | StackOverflowError e) {
            return new EventAssembler.Unresolved(e);
        }
    }

    private void reportProblems(AuditedMethodPlan plan, EventAssembler.Assembled assembled) {
        safely(() -> monitor.captureProblems(plan.description(), assembled.problems()));
        warnings.warn(plan.description(), () -> "Audit event " + assembled.event().id() + " '" + plan.action()
                + "' of " + plan.description() + " was recorded with unresolved values: "
                + String.join("; ", assembled.problems()), null);
    }

    private Object proceedWithoutPlan(AuditedInvocation invocation, InvalidAuditConfigurationException problem)
            throws Throwable {
        warnings.warn(invocation.method().toString(), problem.getMessage(), problem);
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
        warnings.warn(plan.description(), message, cause);
        return new AuditException(message, cause);
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
