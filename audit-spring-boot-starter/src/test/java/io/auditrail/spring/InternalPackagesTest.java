package io.auditrail.spring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The starter uses only the API of the modules it builds on, never what they keep under
 * {@code internal}, except core's: {@code io.auditrail.core.internal} holds the wiring rules core
 * writes once for the framework modules of this build. Its own {@code io.auditrail.spring.internal} is shared by its packages alone.
 */
class InternalPackagesTest {

    @Test
    void usesNoOtherModulesInternals() {
        noClasses().should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("io.auditrail..internal..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("io.auditrail.core.internal..")))
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("io.auditrail.spring.internal.."))))
                .because("internal packages are public only so that one module's packages can share them;"
                        + " they change without notice")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.auditrail.spring"));
    }
}
