package io.auditrail.kafka;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The Kafka module uses only the API of the modules it builds on, never what they keep under {@code internal}. */
class InternalPackagesTest {

    @Test
    void usesNoOtherModulesInternals() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.auditrail..internal..")
                .because("internal packages are public only so that one module's packages can share them;"
                        + " they change without notice")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.auditrail.kafka"));
    }
}
