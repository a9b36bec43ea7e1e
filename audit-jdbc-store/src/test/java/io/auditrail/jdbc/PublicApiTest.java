package io.auditrail.jdbc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.auditrail.core.AuditrailException;
import java.util.stream.Stream;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * The JDBC store's API is its builders and what they take or return; the rest is under
 * {@code io.auditrail.jdbc.internal}, public only so the store's packages can share it. Other
 * modules are kept out of it by their own {@code InternalPackagesTest}.
 */
class PublicApiTest {

    private static final String[] API = {
        "io.auditrail.jdbc", "io.auditrail.jdbc.chain", "io.auditrail.jdbc.dialect", "io.auditrail.jdbc.outbox",
        "io.auditrail.jdbc.schema", "io.auditrail.jdbc.stream",
    };

    private static final JavaClasses STORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.auditrail.jdbc");

    @Test
    void publicTypesLiveInTheApiPackagesOrUnderInternal() {
        classes().that().arePublic().and().areTopLevelClasses()
                .should().resideInAnyPackage(API).orShould().resideInAPackage("io.auditrail.jdbc.internal..")
                .because("a public type outside the API packages widens the API without anyone deciding to;"
                        + " make it package-private, or move it under io.auditrail.jdbc.internal")
                .check(STORE);
    }

    @Test
    void theApiDoesNotHandOutInternalTypes() {
        codeUnits().that().arePublic().and().areDeclaredInClassesThat().arePublic()
                .and().areDeclaredInClassesThat().resideInAnyPackage(API)
                .should(new ArchCondition<JavaCodeUnit>("take and return no type under io.auditrail.jdbc.internal") {
                    @Override
                    public void check(JavaCodeUnit unit, ConditionEvents events) {
                        Stream.concat(Stream.of(unit.getRawReturnType()), unit.getRawParameterTypes().stream())
                                .filter(type -> type.getPackageName().startsWith("io.auditrail.jdbc.internal"))
                                .forEach(type -> events.add(SimpleConditionEvent.violated(unit,
                                        unit.getFullName() + " exposes " + type.getName())));
                    }
                })
                .check(STORE);
    }

    @Test
    void everyPublicExceptionDescendsFromTheRoot() {
        classes().that().areAssignableTo(RuntimeException.class).and().arePublic()
                .should().beAssignableTo(AuditrailException.class)
                .check(STORE);
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
                .check(STORE);
    }
}
