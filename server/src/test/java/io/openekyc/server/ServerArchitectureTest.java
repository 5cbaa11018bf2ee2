package io.openekyc.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.openekyc", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerArchitectureTest {

    /** The engine never reaches into the server: dialects and storage depend on it, not the reverse. */
    @ArchTest
    static final ArchRule visionStaysAPlainLibrary = noClasses()
            .that().resideInAPackage("io.openekyc.vision..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.openekyc.server..");

    /** The core (tenants, applications, images, audit, crypto) does not know any vendor dialect's types. */
    @ArchTest
    static final ArchRule coreDoesNotDependOnDialectControllers = noClasses()
            .that().resideInAnyPackage("io.openekyc.server.applications..", "io.openekyc.server.images..",
                    "io.openekyc.server.audit..", "io.openekyc.server.crypto..", "io.openekyc.server.database..")
            .should().dependOnClassesThat().resideInAPackage("io.openekyc.server.dialects..");
}
