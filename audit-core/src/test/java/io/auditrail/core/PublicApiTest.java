package io.auditrail.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * Core's public types live in the packages listed here, so a new public type in a new package is
 * a decision someone writes down, not an accident. Classpath applications (Spring, Micronaut)
 * ignore {@code module-info.java} at run time, which is why this is a test and not a module
 * descriptor.
 */
class PublicApiTest {

    /** What applications use: events, the SPIs they implement, the read side and the exceptions. */
    private static final String[] APPLICATION_API = {
        "io.auditrail.core", "io.auditrail.core.event", "io.auditrail.core.spi", "io.auditrail.core.store",
    };

    /**
     * What sink, store and framework modules build on, inside this build or outside it: capture,
     * dispatch, settings, validation, the JSON codec, expressions, the hosted-API and log sinks and
     * the Merkle transparency log. Applications may use these, but they change with the adapters. Rules only the
     * framework modules of this build apply (sink selection and dispatch planning, transaction
     * completion, request context, query parameters) live under {@code io.auditrail.core.internal}.
     */
    private static final String[] ADAPTER_API = {
        "io.auditrail.core.capture", "io.auditrail.core.chain", "io.auditrail.core.config",
        "io.auditrail.core.dispatch", "io.auditrail.core.dispatch.outbox", "io.auditrail.core.expression",
        "io.auditrail.core.http", "io.auditrail.core.json", "io.auditrail.core.sink", "io.auditrail.core.tlog",
        "io.auditrail.core.stream", "io.auditrail.core.validation",
    };

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.auditrail.core");

    @Test
    void publicTypesLiveInTheListedPackagesOrUnderInternal() {
        classes().that().arePublic().and().areTopLevelClasses()
                .should().resideInAnyPackage(concat(APPLICATION_API, ADAPTER_API))
                .orShould().resideInAPackage("io.auditrail.core.internal..")
                .because("a public type outside the listed packages widens the API without anyone deciding to;"
                        + " make it package-private, or move it under io.auditrail.core.internal")
                .check(CORE);
    }

    @Test
    void everyPublicExceptionDescendsFromTheRoot() {
        classes().that().areAssignableTo(RuntimeException.class).and().arePublic()
                .should().beAssignableTo(AuditrailException.class)
                .because("one catch of AuditrailException covers every exception Auditrail throws on purpose")
                .check(CORE);
    }

    @Test
    void everyPackageIsNullMarked() {
        classes().should(new ArchCondition<JavaClass>("reside in a @NullMarked package") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        if (!type.getPackage().isAnnotatedWith(NullMarked.class)) {
                            events.add(SimpleConditionEvent.violated(type, type.getPackageName()
                                    + " needs a package-info.java annotated @NullMarked"));
                        }
                    }
                })
                .check(CORE);
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
