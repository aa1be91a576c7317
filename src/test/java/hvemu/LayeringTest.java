package hvemu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers of STYLE.md §6.1: transport → wsman → operations, each depending only on the next. */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("hvemu");
    }

    /** The control plane stands beside the serving layers: only the composition root and its users reach it. */
    @Test
    void onlyTheRootReachesTheControlPlane() {
        noClasses().that().resideInAnyPackage("hvemu.transport..", "hvemu.wsman..", "hvemu.operations..",
                        "hvemu.cim..", "hvemu.provider..", "hvemu.repository..", "hvemu.job..")
                .should().dependOnClassesThat().resideInAPackage("hvemu.control..")
                .check(classes);
    }

    @Test
    void onlyTransportImportsJettyAndTheServletApi() {
        noClasses().that().resideOutsideOfPackage("hvemu.transport..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void operationsKnowNoSoapNorTransport() {
        noClasses().that().resideInAPackage("hvemu.operations..")
                .should().dependOnClassesThat().resideInAnyPackage("hvemu.transport..", "com.sun.xml.ws..",
                        "jakarta.xml.ws..", "jakarta.xml.soap..")
                .orShould().dependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates
                        .resideInAPackage("hvemu.wsman").and(com.tngtech.archunit.core.domain.JavaClass.Predicates
                                .resideOutsideOfPackage("hvemu.wsman.binding..")))
                .check(classes);
    }

    @Test
    void wsmanDoesNotReachBackToTransport() {
        noClasses().that().resideInAPackage("hvemu.wsman..")
                .should().dependOnClassesThat().resideInAnyPackage("hvemu.transport..", "hvemu.cli..")
                .check(classes);
    }

    @Test
    void transportDoesNotReachPastWsman() {
        noClasses().that().resideInAPackage("hvemu.transport..")
                .should().dependOnClassesThat().resideInAnyPackage("hvemu.operations..", "hvemu.wsman.binding..")
                .check(classes);
    }

    @Test
    void onlyWsmanAndOperationsUseTheBindings() {
        noClasses().that().resideOutsideOfPackages("hvemu.wsman..", "hvemu.operations..")
                .should().dependOnClassesThat().resideInAPackage("hvemu.wsman.binding..")
                .check(classes);
    }

    @Test
    void theCimModelDependsOnNoOtherLayer() {
        noClasses().that().resideInAnyPackage("hvemu.cim", "hvemu.cim.schema", "hvemu.cim.query")
                .should().dependOnClassesThat().resideInAnyPackage("hvemu.repository..", "hvemu.provider..",
                        "hvemu.job..", "hvemu.operations..", "hvemu.wsman..", "hvemu.transport..", "javax.xml.stream..",
                        "jakarta.xml..")
                .check(classes);
    }

    /** The CIM-XML codec reads and writes text of the model, and knows no layer above it. */
    @Test
    void theCimXmlCodecDependsOnTheModelOnly() {
        noClasses().that().resideInAPackage("hvemu.cim.cimxml..")
                .should().dependOnClassesThat().resideInAnyPackage("hvemu.repository..", "hvemu.provider..",
                        "hvemu.job..", "hvemu.operations..", "hvemu.wsman..", "hvemu.transport..", "jakarta.xml..")
                .check(classes);
    }

    /** The typed method bindings (generated from schemas/cim) carry their XML binding, and nothing above cim. */
    @Test
    void theTypedBindingsReferToNothingAboveCim() {
        noClasses().that().resideInAPackage("hvemu.cim.binding..")
                .should().dependOnClassesThat().resideInAnyPackage("hvemu.repository..", "hvemu.provider..",
                        "hvemu.job..", "hvemu.operations..", "hvemu.wsman..", "hvemu.transport..")
                .check(classes);
    }

    @Test
    void theRepositoryAndJobsKnowNothingAbove() {
        noClasses().that().resideInAnyPackage("hvemu.repository..", "hvemu.job..")
                .should().dependOnClassesThat().resideInAnyPackage("hvemu.provider..", "hvemu.operations..",
                        "hvemu.wsman..", "hvemu.transport..")
                .check(classes);
    }

    @Test
    void providersNeverSeeXmlSoapOrHttp() {
        noClasses().that().resideInAPackage("hvemu.provider..")
                .should().dependOnClassesThat().resideInAnyPackage("hvemu.operations..", "hvemu.wsman..",
                        "hvemu.transport..", "javax.xml.stream..", "jakarta.xml..", "com.sun.xml..", "org.w3c.dom..")
                .check(classes);
    }

    @Test
    void operationsReachTheModelThroughProviders() {
        noClasses().that().resideInAPackage("hvemu.operations..")
                .should().dependOnClassesThat().resideInAnyPackage("hvemu.repository..", "hvemu.job..")
                .check(classes);
    }

    @Test
    void onlyTheCommandLineWritesToStandardStreams() {
        noClasses().that().resideOutsideOfPackage("hvemu.cli..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS).check(classes);
    }

    /** JUnit is a provided dependency: only the extension's package may need it, so the server never does. */
    @Test
    void onlyTheJunitPackageDependsOnJunit() {
        noClasses().that().resideOutsideOfPackage("hvemu.junit..")
                .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.opentest4j..")
                .check(classes);
    }

    /** The JUnit extension is a leaf over the facade: nothing imports it, and it sees no serving layer. */
    @Test
    void theJunitExtensionIsALeafOverTheFacade() {
        noClasses().that().resideOutsideOfPackage("hvemu.junit..")
                .should().dependOnClassesThat().resideInAPackage("hvemu.junit..")
                .check(classes);
        noClasses().that().resideInAPackage("hvemu.junit..")
                .should().dependOnClassesThat().resideInAnyPackage("hvemu.cli..", "hvemu.transport..", "hvemu.wsman..",
                        "hvemu.operations..", "hvemu.cim..", "hvemu.provider..", "hvemu.repository..")
                .check(classes);
    }
}
