package io.openekyc.vision;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The engine stays a plain library: usable from the CLI and tests without a server. */
@AnalyzeClasses(packages = "io.openekyc.vision", importOptions = ImportOption.DoNotIncludeTests.class)
class VisionArchitectureTest {

    @ArchTest
    static final ArchRule visionDoesNotDependOnSpringOrTheServer = noClasses()
            .that().resideInAPackage("io.openekyc.vision..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "io.openekyc.server..", "jakarta.servlet..");
}
