package io.auditrail.core.capture;

import io.auditrail.annotations.AuditMetadata;
import io.auditrail.annotations.AuditMetadataParam;
import io.auditrail.annotations.AuditOrganizationId;
import io.auditrail.annotations.AuditResourceId;
import io.auditrail.annotations.Audited;
import io.auditrail.core.event.InvalidAuditEventException;
import io.auditrail.core.spi.ExpressionEvaluator;
import io.auditrail.core.validation.AuditEventValidator;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads {@code @Audited} methods once and caches their plans. Frameworks call
 * {@link #validate(Class)} when a bean is created, so a bad annotation or expression
 * fails start-up, and {@link #isAudited(Method, Class)} from their pointcut.
 */
public final class AuditedMethods {

    private static final Pattern RESULT_REFERENCE = Pattern.compile("#result\\b");

    private final ExpressionEvaluator evaluator;
    private final AuditEventValidator validator;
    private final Map<MethodKey, Optional<AuditedMethodPlan>> plans = new ConcurrentHashMap<>();
    private final AuditedMatcher matcher = new AuditedMatcher();

    private record MethodKey(Method method, Class<?> targetClass) {
    }

    /**
     * Creates the registry.
     *
     * @param evaluator the framework's expression language
     * @param validator checks actions at start-up
     */
    public AuditedMethods(ExpressionEvaluator evaluator, AuditEventValidator validator) {
        this.evaluator = evaluator;
        this.validator = validator;
    }

    /**
     * Whether calls of the method on the class are audited.
     *
     * @param method the called method
     * @param targetClass the class of the receiving object
     * @return {@code true} when an {@code @Audited} applies
     */
    public boolean isAudited(Method method, Class<?> targetClass) {
        return matcher.isAudited(method, targetClass);
    }

    /**
     * Parses and checks every audited method of a class.
     *
     * @param targetClass a bean class
     * @throws InvalidAuditConfigurationException listing every problem, naming class,
     *         method and attribute
     */
    public void validate(Class<?> targetClass) {
        if (!matcher.mayBeAudited(targetClass)) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (Method method : candidateMethods(targetClass)) {
            try {
                plan(method, targetClass);
            } catch (InvalidAuditConfigurationException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidAuditConfigurationException(String.join(System.lineSeparator(), problems));
        }
    }

    Optional<AuditedMethodPlan> plan(Method method, Class<?> targetClass) {
        MethodKey key = new MethodKey(method, targetClass);
        Optional<AuditedMethodPlan> plan = plans.get(key);
        if (plan == null) {
            plan = AuditedAnnotations.find(method, targetClass).map(found -> build(method, targetClass, found));
            plans.putIfAbsent(key, plan);
        }
        return plan;
    }

    private static List<Method> candidateMethods(Class<?> type) {
        List<Method> methods = new ArrayList<>(Arrays.asList(type.getMethods()));
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            methods.addAll(Arrays.asList(c.getDeclaredMethods()));
        }
        return methods.stream().distinct().toList();
    }

    private AuditedMethodPlan build(Method method, Class<?> targetClass, AuditedAnnotations.Found found) {
        Audited audited = found.audited();
        Class<?> owner = targetClass == null ? method.getDeclaringClass() : targetClass;
        String description = owner.getName() + "." + method.getName() + "("
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", "))
                + ")";
        Problems problems = new Problems(description);
        try {
            validator.checkAction(audited.action());
        } catch (InvalidAuditEventException e) {
            problems.add("action: " + e.getMessage());
        }
        String resourceType = audited.resourceType().isBlank() ? prefix(audited.action()) : audited.resourceType();
        checkIdentifier("resourceType", resourceType, problems);

        List<ValueSource> sources = new ArrayList<>();
        int resourceIdSlot = slot(sources, expression("resourceId", audited.resourceId(), false, method, owner, problems));
        if (resourceIdSlot < 0) {
            resourceIdSlot = slot(sources, annotatedArgument(found, method, AuditResourceId.class));
        }
        if (resourceIdSlot < 0) {
            problems.add("no resource id: set resourceId or annotate a parameter with @AuditResourceId");
        }
        int resourceNameSlot = slot(sources, expression("resourceName", audited.resourceName(), false, method, owner, problems));
        int organizationSlot = slot(sources, expression("organizationId", audited.organizationId(), false, method, owner, problems));
        if (organizationSlot < 0) {
            organizationSlot = slot(sources, annotatedArgument(found, method, AuditOrganizationId.class));
        }

        int firstMetadataSlot = sources.size();
        List<String> metadataKeys = new ArrayList<>();
        for (AuditMetadata entry : audited.metadata()) {
            metadataKeys.add(entry.key());
            sources.add(metadataSource(entry, method, owner, problems));
        }
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            AuditMetadataParam param = AuditedAnnotations.parameterAnnotation(found.declarations(), i, AuditMetadataParam.class);
            if (param != null) {
                String key = param.value().isBlank() ? parameters[i].getName() : param.value();
                if (param.value().isBlank() && !parameters[i].isNamePresent()) {
                    problems.add("@AuditMetadataParam on parameter " + i + " needs a key, or compile with -parameters");
                }
                metadataKeys.add(key);
                sources.add(new ValueSource.Argument(i, key));
            }
        }
        for (String key : metadataKeys) {
            if (key.isBlank()) {
                problems.add("metadata key must not be blank");
            } else {
                checkIdentifier("metadata key '" + key + "'", key, problems);
            }
        }
        problems.throwIfAny();
        boolean beforeCall = sources.stream().anyMatch(ValueSource::beforeCall);
        return new AuditedMethodPlan(description, audited.action(), resourceType, sources, resourceIdSlot,
                resourceNameSlot, organizationSlot, metadataKeys, firstMetadataSlot, audited.recordFailures(),
                beforeCall);
    }

    private ValueSource metadataSource(AuditMetadata entry, Method method, Class<?> owner, Problems problems) {
        boolean hasValue = !entry.value().isEmpty();
        boolean hasExpression = !entry.expression().isBlank();
        if (hasValue == hasExpression) {
            problems.add("metadata '" + entry.key() + "' must set exactly one of value or expression");
            return new ValueSource.Literal(entry.value());
        }
        if (hasValue) {
            if (entry.beforeCall()) {
                problems.add("metadata '" + entry.key() + "' sets beforeCall, which applies to an expression only");
            }
            return new ValueSource.Literal(entry.value());
        }
        ValueSource source = expression("metadata '" + entry.key() + "'", entry.expression(), entry.beforeCall(),
                method, owner, problems);
        return source == null ? new ValueSource.Literal("") : source;
    }

    private ValueSource expression(String attribute, String text, boolean beforeCall, Method method, Class<?> owner,
            Problems problems) {
        if (text.isBlank()) {
            return null;
        }
        boolean readsResult = RESULT_REFERENCE.matcher(text).find();
        if (beforeCall && readsResult) {
            problems.add(attribute + " expression '" + text + "' is evaluated before the call (beforeCall = true), "
                    + "when there is no #result yet");
            return null;
        }
        try {
            return new ValueSource.Expression(text, evaluator.parse(text, method, owner), readsResult, beforeCall);
        } catch (RuntimeException e) {
            problems.add(attribute + " expression '" + text + "' is invalid: " + e.getMessage());
            return null;
        }
    }

    private void checkIdentifier(String attribute, String value, Problems problems) {
        try {
            validator.checkIdentifier(attribute, value);
        } catch (InvalidAuditEventException e) {
            problems.add(e.getMessage());
        }
    }

    private static ValueSource annotatedArgument(AuditedAnnotations.Found found, Method method,
            Class<? extends java.lang.annotation.Annotation> type) {
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (AuditedAnnotations.parameterAnnotation(found.declarations(), i, type) != null) {
                return new ValueSource.Argument(i, parameters[i].getName());
            }
        }
        return null;
    }

    private static int slot(List<ValueSource> sources, ValueSource source) {
        if (source == null) {
            return -1;
        }
        sources.add(source);
        return sources.size() - 1;
    }

    private static String prefix(String action) {
        int dot = action.indexOf('.');
        return dot > 0 ? action.substring(0, dot) : action;
    }

    private static final class Problems {
        private final String description;
        private final List<String> messages = new ArrayList<>();

        Problems(String description) {
            this.description = description;
        }

        void add(String message) {
            messages.add(message);
        }

        void throwIfAny() {
            if (!messages.isEmpty()) {
                throw new InvalidAuditConfigurationException(
                        "Invalid @Audited on " + description + ": " + String.join("; ", messages));
            }
        }
    }
}
