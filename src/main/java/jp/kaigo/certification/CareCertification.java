package jp.kaigo.certification;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.kaigo.shared.CareLevel;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The 要介護認定 cases of the online flow (facade; docs/design/certification-online.md §3.3): what a person holds
 * (their latest 認定, an open case) for the application rules, and the opening of a case when the municipality
 * accepts an application. Writes join the caller's transaction, so a case opens with the acceptance or not at all.
 */
@Service
public class CareCertification {
    /** 進捗 1 申請受付 (CertificationLayouts.PROGRESS). */
    static final String RECEIVED = "1";
    /** 二次判定結果 01 非該当: no level, so no 認定 to renew or change. */
    private static final String NOT_APPLICABLE = "01";

    private final JdbcClient sql;
    private final CaseSurveys surveys;

    CareCertification(JdbcClient sql, CaseSurveys surveys) {
        this.sql = sql;
        this.surveys = surveys;
    }

    /** A 認定 with a level (要支援1–要介護5) and its 有効期間. */
    public record Certified(CareLevel level, LocalDate validFrom, LocalDate validTo) {
    }

    /** The person's latest 認定 with a level (by 有効期間の終了日), from the current revision of each history. */
    public Optional<Certified> latestCertified(InsurerNumber insurer, InsuredNumber insured) {
        return sql.sql("""
                select result, cert_valid_from, cert_valid_to from certification.certification_records
                 where insurer_no = :insurer and insured_no = :insured and current and not deleted
                   and result is not null and result <> :none and cert_valid_from is not null and cert_valid_to is not null
                 order by cert_valid_to desc limit 1
                """).param("insurer", insurer.value()).param("insured", insured.value()).param("none", NOT_APPLICABLE)
                .query((rs, i) -> {
                    LocalDate from = rs.getObject(2, LocalDate.class);
                    LocalDate to = rs.getObject(3, LocalDate.class);
                    return CareLevel.find(rs.getString(1)).map(level -> new Certified(level, from, to));
                })
                .optional().flatMap(found -> found);
    }

    /** The person's open case, if any (one at most). */
    public Optional<UUID> openCase(InsurerNumber insurer, InsuredNumber insured) {
        return sql.sql("""
                select case_id from certification.cases where insurer_no = :insurer and insured_no = :insured
                   and status = 'open'
                """).param("insurer", insurer.value()).param("insured", insured.value()).query(UUID.class).optional();
    }

    /**
     * An accepted online application: its 申請区分 code, the day it was sent, the 主治医医療機関 it names (or null)
     * and the document it came as.
     */
    public record AcceptedApplication(InsurerNumber insurer, InsuredNumber insured, UUID applicationDocumentId,
            String applicationType, LocalDate appliedOn, String doctorInstitutionCode) {
    }

    /**
     * Opens the case of an accepted application: the case row and a new history of the person's certification
     * record at 進捗 申請受付 (source online). Answers the case id; a second acceptance of the same application
     * answers the case it opened. Fails (and the caller's transaction with it) if another case of the person is open.
     */
    public UUID openCase(AcceptedApplication a) {
        Optional<UUID> existing = sql.sql("""
                select case_id from certification.cases
                 where insurer_no = :insurer and insured_no = :insured and application_document_id = :document
                """).param("insurer", a.insurer().value()).param("insured", a.insured().value())
                .param("document", a.applicationDocumentId()).query(UUID.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID caseId = UUID.randomUUID();
        int historyNo = sql.sql("""
                select coalesce(max(history_no), 0) + 1 from certification.certification_records
                 where insurer_no = :insurer and insured_no = :insured
                """).param("insurer", a.insurer().value()).param("insured", a.insured().value()).query(Integer.class)
                .single();
        sql.sql("""
                insert into certification.cases (insurer_no, insured_no, case_id, application_document_id,
                       application_type, applied_on, history_no, status)
                values (:insurer, :insured, :case, :document, :type, :appliedOn, :history, 'open')
                """).param("insurer", a.insurer().value()).param("insured", a.insured().value()).param("case", caseId)
                .param("document", a.applicationDocumentId()).param("type", a.applicationType())
                .param("appliedOn", a.appliedOn()).param("history", historyNo).update();
        sql.sql("""
                insert into certification.certification_records (insurer_no, insured_no, history_no, revision,
                       valid_from, application_type, applied_on, progress, opinion_institution, import_id, source, case_id)
                values (:insurer, :insured, :history, 1, :appliedOn, :type, :appliedOn, :progress, :institution,
                        :document, 'online', :case)
                """).param("insurer", a.insurer().value()).param("insured", a.insured().value())
                .param("history", historyNo).param("appliedOn", a.appliedOn()).param("type", a.applicationType())
                .param("progress", RECEIVED).param("institution", a.doctorInstitutionCode())
                .param("document", a.applicationDocumentId()).param("case", caseId).update();
        return caseId;
    }

    // ---------------------------------------------------------------- 認定調査 (design §4, increment 9)

    /** An open case as the clerk's list shows it: the application it came as, its 申請区分, 申請日 and 進捗. */
    public record OpenCase(UUID caseId, InsuredNumber insured, UUID applicationDocumentId, String applicationType,
            LocalDate appliedOn, Progress progress) {
    }

    /** The municipality's open cases, oldest application first (the progress of each from its current revision). */
    public List<OpenCase> openCases(InsurerNumber insurer) {
        return sql.sql("""
                select c.case_id, c.insured_no, c.application_document_id, c.application_type, c.applied_on, r.progress
                  from certification.cases c
                  left join certification.certification_records r
                    on (r.insurer_no, r.insured_no, r.case_id) = (c.insurer_no, c.insured_no, c.case_id) and r.current
                 where c.insurer_no = :insurer and c.status = 'open'
                 order by c.applied_on, c.insured_no
                """).param("insurer", insurer.value())
                .query((rs, i) -> {
                    String progress = rs.getString(6);
                    return new OpenCase(rs.getObject(1, UUID.class), new InsuredNumber(rs.getString(2)),
                            rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, LocalDate.class),
                            java.util.Arrays.stream(Progress.values()).filter(p -> p.code().equals(progress))
                                    .findFirst().orElse(Progress.RECEIVED));
                })
                .list();
    }

    /** The person's open case, with what the clerk's assignment needs of it. */
    public Optional<OpenCase> openCaseOf(InsurerNumber insurer, InsuredNumber insured) {
        return openCases(insurer).stream().filter(c -> c.insured().equals(insured)).findFirst();
    }

    /** 依頼区分 of a new survey assignment of the case: 0 初回, or 1 再依頼 when it was assigned before. */
    public String surveyRequestKind(InsurerNumber insurer, InsuredNumber insured, UUID caseId) {
        return surveys.requestKind(insurer, insured, caseId);
    }

    /** Whether the case's survey is assigned and not yet answered by an accepted survey. */
    public boolean surveyAssigned(InsurerNumber insurer, InsuredNumber insured, UUID caseId) {
        return surveys.assigned(insurer, insured, caseId);
    }

    /**
     * The clerk's assignment of a case's 認定調査 (design §4.1): to one of the municipality's own staff
     * ({@code staffId}, 委託区分 1) or to an entrusted office ({@code officeNo} and the survey-assignment document
     * sent to it); 委託区分 and 依頼区分 as FC §5.1 codes them.
     */
    public record SurveyAssignment(InsurerNumber insurer, InsuredNumber insured, UUID caseId, UUID staffId,
            String officeNo, String entrustment, String requestKind, LocalDate dueOn, UUID documentId,
            UUID assignedBy) {
    }

    /** Records the assignment and moves the case to 進捗 2 認定調査; answers the assignment's id. */
    public UUID assignSurvey(SurveyAssignment assignment) {
        return surveys.assign(assignment);
    }

    /** Whether an open assignment of the person's open case names this staff member as its surveyor (S8). */
    public boolean surveyAssignedTo(InsurerNumber insurer, InsuredNumber insured, UUID staffId) {
        return surveys.assignedTo(insurer, insured, staffId);
    }

    /** A care-survey document the clerk accepted: the request it answers (null for the own surveyor) and its values. */
    public record AcceptedSurvey(InsurerNumber insurer, InsuredNumber insured, UUID documentId, UUID inReplyTo,
            Map<String, String> payload) {
    }

    /**
     * The accepted survey becomes a new care-survey history (source online, the case's id), the case's record gets
     * its 認定調査実施日 and the assignment closes. False, writing nothing, when it answers no open assignment.
     */
    public boolean acceptSurvey(AcceptedSurvey survey) {
        return surveys.accept(survey);
    }
}
