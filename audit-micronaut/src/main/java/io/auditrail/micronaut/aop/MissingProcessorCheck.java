package io.auditrail.micronaut.aop;

import io.auditrail.annotations.Audited;
import io.auditrail.core.capture.AuditedMatcher;
import io.auditrail.core.config.MissingProcessorAction;
import io.auditrail.micronaut.config.AuditrailConfiguration;
import io.micronaut.aop.InterceptorBinding;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.ExecutableMethod;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds, when the context starts, beans whose {@code @Audited} methods have no Auditrail
 * interceptor bound: without {@code audit-micronaut-processor} on the annotation-processor
 * path Micronaut never learns that {@code @Audited} means interception, and those calls record
 * nothing, silently. Warns or fails as {@code auditrail.micronaut.on-missing-processor} says.
 * Reads each bean class's methods by reflection once; bean classes that cannot be loaded
 * (an optional dependency missing) are skipped.
 */
@Context
@Requires(property = "auditrail.enabled", notEquals = "false")
public final class MissingProcessorCheck {

    private static final Logger log = LoggerFactory.getLogger(MissingProcessorCheck.class);

    private final AuditedMatcher matcher = new AuditedMatcher();
    private final BeanContext beans;
    private final MissingProcessorAction action;

    /**
     * Creates the check.
     *
     * @param beans the context whose bean definitions are checked
     * @param configuration {@code auditrail.micronaut.*}
     */
    public MissingProcessorCheck(BeanContext beans, AuditrailConfiguration.MicronautConfiguration configuration) {
        this.beans = beans;
        this.action = configuration.getOnMissingProcessor();
        check();
    }

    private void check() {
        List<String> unbound = unboundMethods();
        if (unbound.isEmpty()) {
            return;
        }
        String message = "@Audited methods with no Auditrail interceptor bound, so their calls record nothing: "
                + String.join(", ", unbound) + ". Add io.auditrail:audit-micronaut-processor to the annotation "
                + "processor path (next to micronaut-inject-java) and rebuild; auditrail.micronaut.on-missing-processor="
                + action.name().toLowerCase(Locale.ROOT);
        if (action == MissingProcessorAction.FAIL) {
            throw new ConfigurationException(message);
        }
        log.warn(message);
    }

    /** Every audited method, as {@code Class.method(Types)}, that no bean definition of its class binds to the interceptor. */
    List<String> unboundMethods() {
        Map<Class<?>, List<BeanDefinition<?>>> byClass = new LinkedHashMap<>();
        for (BeanDefinition<?> definition : beans.getAllBeanDefinitions()) {
            try {
                byClass.computeIfAbsent(ReflectedMethods.userClass(definition.getBeanType()), type -> new ArrayList<>())
                        .add(definition);
            } catch (LinkageError unreadable) {
                // A bean whose class cannot load is not one this application calls.
            }
        }
        List<String> unbound = new ArrayList<>();
        for (Map.Entry<Class<?>, List<BeanDefinition<?>>> bean : byClass.entrySet()) {
            List<Method> audited;
            try {
                audited = auditedMethods(bean.getKey());
            } catch (LinkageError | SecurityException unreadable) {
                continue;
            }
            for (Method method : audited) {
                if (bean.getValue().stream().noneMatch(definition -> bound(definition, method))) {
                    unbound.add(bean.getKey().getName() + "." + method.getName() + "(" + parameterNames(method) + ")");
                }
            }
        }
        return unbound;
    }

    /** The methods core's matcher audits, as the interceptor would see them; Object's own are never audited. */
    private List<Method> auditedMethods(Class<?> type) {
        List<Method> audited = new ArrayList<>();
        if (!matcher.mayBeAudited(type)) {
            return audited;
        }
        for (Method method : type.getDeclaredMethods()) {
            if (method.isSynthetic() || method.isBridge() || Modifier.isStatic(method.getModifiers())
                    || Modifier.isPrivate(method.getModifiers()) || isObjectMethod(method)) {
                continue;
            }
            if (matcher.isAudited(method, type)) {
                audited.add(method);
            }
        }
        return audited;
    }

    private static boolean isObjectMethod(Method method) {
        try {
            Object.class.getMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException notObjects) {
            return false;
        }
    }

    private static boolean bound(BeanDefinition<?> definition, Method method) {
        return definition.findMethod(method.getName(), method.getParameterTypes())
                .map(MissingProcessorCheck::bindsAuditedInterceptor).orElse(false);
    }

    private static boolean bindsAuditedInterceptor(ExecutableMethod<?, ?> method) {
        for (AnnotationValue<InterceptorBinding> binding : method.getAnnotationValuesByType(InterceptorBinding.class)) {
            if (binding.stringValue().filter(Audited.class.getName()::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static String parameterNames(Method method) {
        List<String> names = new ArrayList<>();
        for (Class<?> parameter : method.getParameterTypes()) {
            names.add(parameter.getSimpleName());
        }
        return String.join(", ", names);
    }
}
