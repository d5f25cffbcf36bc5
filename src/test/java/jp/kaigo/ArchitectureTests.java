package jp.kaigo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

class ArchitectureTests {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("jp.kaigo");

    @Test
    void noJpa() {
        noClasses().should().dependOnClassesThat().resideInAPackage("jakarta.persistence..").check(classes);
    }

    @Test
    void noServiceImplManagerOrDtoNames() {
        noClasses().should().haveSimpleNameEndingWith("Impl")
                .orShould().haveSimpleNameEndingWith("Manager")
                .orShould().haveSimpleNameEndingWith("Dto")
                .orShould().haveSimpleNameEndingWith("Service")
                .check(classes);
    }

    @Test
    void postgresCopyOnlyInImportCode() {
        noClasses().that().doNotHaveSimpleName("HistoryImport")
                .should().dependOnClassesThat().resideInAPackage("org.postgresql..").check(classes);
    }

    @Test
    void controllersOnlyInExitModules() {
        classes().that().areAnnotatedWith(RestController.class)
                .should().resideInAnyPackage("jp.kaigo.api..", "jp.kaigo.portal..", "jp.kaigo.fhir..")
                .check(classes);
    }
}
