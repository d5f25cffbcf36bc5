package jp.kaigo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.UUID;
import jp.kaigo.shared.CareRecordSource;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Service;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;

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

    /** PostgreSQL's own driver API: COPY in import code, and LISTEN for staff token revocations; JDBC elsewhere. */
    @Test
    void postgresCopyOnlyInImportCode() {
        noClasses().that().doNotHaveSimpleName("HistoryImport").and().doNotHaveSimpleName("TokenRevocations")
                .should().dependOnClassesThat().resideInAPackage("org.postgresql..").check(classes);
    }

    /**
     * The PostgreSQL driver binds a java.sql.Date or Timestamp untyped; it then describes the statement,
     * and a described statement with a text column costs an empty Sync and its answer before every
     * execution: a whole extra round trip (measured on 資格確認: a fifth of its CPU). LocalDate and
     * OffsetDateTime are bound typed. The audit trail's timestamp array is typed by the array itself.
     */
    @Test
    void datesAreBoundTyped() {
        noClasses().that().doNotHaveSimpleName("AuditLog")
                .should().callMethod(java.sql.Date.class, "valueOf", java.time.LocalDate.class)
                .orShould().callMethod(java.sql.Timestamp.class, "from", java.time.Instant.class)
                .orShould().callMethod(java.sql.Timestamp.class, "valueOf", java.time.LocalDateTime.class)
                .check(classes);
    }

    /**
     * Apache PDFBox parses untrusted uploads: only the exchange module's attachment check may use it, inside its
     * limits (design certification-online §2.7, §9.4 risk 7), so no other code parses a PDF without them.
     */
    @Test
    void pdfboxOnlyInExchange() {
        noClasses().that().resideOutsideOfPackage("jp.kaigo.exchange..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.pdfbox..", "org.apache.fontbox..")
                .check(classes);
    }

    @Test
    void controllersOnlyInExitModules() {
        classes().that().areMetaAnnotatedWith(Controller.class).or().areMetaAnnotatedWith(ControllerAdvice.class)
                .should().resideInAnyPackage("jp.kaigo.api..", "jp.kaigo.portal..", "jp.kaigo.fhir..")
                .check(classes);
    }

    /**
     * The exits never write the audit trail: every use case below them writes its own entries (so the API and
     * the portal cannot record the same step differently, or forget it).
     */
    @Test
    void exitsNeverWriteTheAudit() {
        noClasses().that().resideInAnyPackage("jp.kaigo.api..", "jp.kaigo.portal..")
                .should().dependOnClassesThat().haveFullyQualifiedName("jp.kaigo.audit.AuditLog")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jp.kaigo.audit.AuditEntry")
                .check(classes);
    }

    /** Where shared care records live; exits reach them only through the access decision. */
    private static final String[] RECORD_MODULES = {"jp.kaigo.certification..", "jp.kaigo.careplan..",
        "jp.kaigo.claims..", "jp.kaigo.life.."};

    @Test
    void exitsReachCareRecordsOnlyThroughAccess() {
        // only the access module reads through a record source; nothing else may even name the interface
        noClasses().that().resideOutsideOfPackages("jp.kaigo.access..", "jp.kaigo.shared..")
                .and().doNotImplement(CareRecordSource.class)
                .should().dependOnClassesThat().areAssignableTo(CareRecordSource.class).check(classes);
        classes().that().implement(CareRecordSource.class).should().notBePublic().check(classes);
        // a record module shows the exits only a write facade (a @Service answering identifiers or an
        // import report, never records), its input type (…Draft) and its report type (…Report)
        classes().that().resideInAnyPackage(RECORD_MODULES).and().arePublic().and().areTopLevelClasses()
                .should().beAnnotatedWith(Service.class).orShould().haveSimpleNameEndingWith("Draft")
                .orShould().haveSimpleNameEndingWith("Report").allowEmptyShould(true).check(classes);
        methods().that().areDeclaredInClassesThat().resideInAnyPackage(RECORD_MODULES)
                .and().areDeclaredInClassesThat().areAnnotatedWith(Service.class).and().arePublic()
                .should(new ArchCondition<JavaMethod>("answer only void, an identifier or an import report") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        String type = method.getRawReturnType().getName();
                        if (!type.equals("void") && !type.equals(UUID.class.getName()) && !type.endsWith("Report")) {
                            events.add(SimpleConditionEvent.violated(method, method.getFullName() + " answers " + type));
                        }
                    }
                }).allowEmptyShould(true).check(classes);
    }
}
