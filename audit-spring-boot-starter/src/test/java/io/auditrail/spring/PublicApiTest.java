package io.auditrail.spring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The starter's API is its auto-configurations and properties, the failure analyzers Spring
 * instantiates, and what applications plug in or call (security resolvers, the read scope, the
 * request-context provider, the retention job). The advisor, dispatchers, health, metrics, outbox
 * relays and SpEL live under {@code io.auditrail.spring.internal}, public only so that the
 * auto-configurations can reach them; other modules are kept out by their own
 * {@code InternalPackagesTest}.
 */
class PublicApiTest {

    private static final String[] API = {
        "io.auditrail.spring.autoconfigure", "io.auditrail.spring.diagnostics", "io.auditrail.spring.jdbc",
        "io.auditrail.spring.security", "io.auditrail.spring.web", "io.auditrail.spring.web.read",
    };

    private static final JavaClasses STARTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.auditrail.spring");

    @Test
    void publicTypesLiveInTheApiPackagesOrUnderInternal() {
        classes().that().arePublic().and().areTopLevelClasses()
                .should().resideInAnyPackage(API).orShould().resideInAPackage("io.auditrail.spring.internal..")
                .because("a public type outside the API packages widens the API without anyone deciding to;"
                        + " make it package-private, or move it under io.auditrail.spring.internal")
                .check(STARTER);
    }

    @Test
    void theApiDoesNotHandOutInternalTypes() {
        codeUnits().that().arePublic().and().areDeclaredInClassesThat().arePublic()
                .and().areDeclaredInClassesThat().resideInAnyPackage(API)
                .should(new ArchCondition<JavaCodeUnit>("take and return no type under io.auditrail.spring.internal") {
                    @Override
                    public void check(JavaCodeUnit unit, ConditionEvents events) {
                        Stream.concat(Stream.of(unit.getRawReturnType()), unit.getRawParameterTypes().stream())
                                .filter(type -> type.getPackageName().startsWith("io.auditrail.spring.internal"))
                                .forEach(type -> events.add(SimpleConditionEvent.violated(unit,
                                        unit.getFullName() + " exposes " + type.getName())));
                    }
                })
                .check(STARTER);
    }
}
