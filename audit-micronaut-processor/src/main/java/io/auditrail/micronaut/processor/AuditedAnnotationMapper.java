package io.auditrail.micronaut.processor;

import io.auditrail.annotations.Audited;
import io.micronaut.aop.InterceptorBinding;
import io.micronaut.aop.InterceptorKind;
import io.micronaut.context.annotation.Executable;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.inject.annotation.TypedAnnotationMapper;
import io.micronaut.inject.visitor.VisitorContext;
import java.util.List;

/**
 * Binds {@code @Audited}, which knows nothing of Micronaut, to an around interceptor at
 * compile time, so a Micronaut application uses the same annotation as a Spring one. The
 * interceptor is the {@code @InterceptorBean(Audited.class)} of {@code audit-micronaut}.
 * Audited methods are also processed on start-up, where their expressions are checked.
 */
public final class AuditedAnnotationMapper implements TypedAnnotationMapper<Audited> {

    @Override
    public Class<Audited> annotationType() {
        return Audited.class;
    }

    @Override
    public List<AnnotationValue<?>> map(AnnotationValue<Audited> annotation, VisitorContext visitorContext) {
        return List.of(AnnotationValue.builder(InterceptorBinding.class)
                .value(Audited.class)
                .member("kind", InterceptorKind.AROUND)
                .build(),
                AnnotationValue.builder(Executable.class).member("processOnStartup", true).build());
    }
}
