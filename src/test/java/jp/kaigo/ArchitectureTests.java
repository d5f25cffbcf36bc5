package jp.kaigo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jp.kaigo.shared.CareRecordSource;
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

    /** Where shared care records live; exits reach them only through the access decision. */
    private static final String[] RECORD_MODULES = {"jp.kaigo.certification..", "jp.kaigo.careplan..",
        "jp.kaigo.claims..", "jp.kaigo.life.."};

    @Test
    void exitsReachCareRecordsOnlyThroughAccess() {
        noClasses().that().resideInAnyPackage("jp.kaigo.api..", "jp.kaigo.portal..", "jp.kaigo.fhir..")
                .should().dependOnClassesThat().resideInAnyPackage(RECORD_MODULES).check(classes);
        // only the access module reads through a record source; nothing else may even name the interface
        noClasses().that().resideOutsideOfPackages("jp.kaigo.access..", "jp.kaigo.shared..")
                .and().doNotImplement(CareRecordSource.class)
                .should().dependOnClassesThat().areAssignableTo(CareRecordSource.class).check(classes);
        // and no record module offers anything public that could be called around it
        classes().that().resideInAnyPackage(RECORD_MODULES).should().notBePublic().allowEmptyShould(true)
                .check(classes);
        classes().that().implement(CareRecordSource.class).should().notBePublic().check(classes);
    }
}
