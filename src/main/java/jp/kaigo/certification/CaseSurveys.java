package jp.kaigo.certification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jp.kaigo.ingest.FieldSpec;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.InvalidValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The 認定調査 of an online case (design §4.1, §4.2): the clerk's assignment (to an entrusted office or to one of the
 * municipality's own surveyors), which moves the case to 進捗 2 認定調査, and the acceptance of the 調査票 sent back,
 * which becomes a new history of {@code care_survey_records} (source online) and closes the assignment. Runs in the
 * caller's transaction.
 */
@Component
class CaseSurveys {
    /** 依頼区分 (FC §5.1): 0 初回 for the case's first assignment; 1 再依頼 or 2 再調査 for a later one. */
    private static final String FIRST_REQUEST = "0";
    private static final Set<String> LATER_REQUESTS = Set.of("1", "2");
    /** 申請区分 1 新規申請. */
    private static final String NEW_APPLICATION = "1";
    private static final String CASE = "caseId";
    private static final String CASE_LABEL = "認定案件";
    /** 認定調査区分 (RF §4): the case's first survey, or a later one. */
    private static final String FIRST_SURVEY = "0";
    private static final String LATER_SURVEY = "1";
    private static final String SURVEYED_ON = "surveyed_on";
    /** The care-survey layout's fields whose values the record keeps, each in the column its key names. */
    private static final List<String> COLUMNS = new SurveyLayouts().careSurvey().fields().stream()
            .map(FieldSpec::column).toList();
    /** The 特記事項 per 群, joined into the file interface's single {@code notes} column (§4.2.3). */
    private static final List<String> NOTES = List.of("notes1", "notes2", "notes3", "notes4", "notes5", "notesMedical",
            "notesIndependence");

    private final JdbcClient sql;
    private final CaseRevisions revisions;
    private final boolean entrustNewSurveys;

    CaseSurveys(JdbcClient sql, CaseRevisions revisions,
            // 介護保険法 27条2項 limits entrusting the survey of a 新規申請 (statute, unverified here; design §4.1, §9.4)
            @Value("${kaigo.certification.entrust-new-surveys:false}") boolean entrustNewSurveys) {
        this.sql = sql;
        this.revisions = revisions;
        this.entrustNewSurveys = entrustNewSurveys;
    }

    /**
     * Records the assignment and moves the case to 進捗 2 認定調査; answers the assignment's id. Refused field by field,
     * nothing stored: not the person's open case; its survey assigned and not yet answered; a 依頼区分 that does not
     * fit the case's earlier assignments; a 新規申請's survey entrusted to an office (unless configured).
     */
    UUID assign(CareCertification.SurveyAssignment a) {
        String applicationType = sql.sql("""
                select application_type from certification.cases
                 where insurer_no = :insurer and insured_no = :insured and case_id = :case and status = 'open'
                 for update
                """).param("insurer", a.insurer().value()).param("insured", a.insured().value())
                .param("case", a.caseId()).query(String.class).optional()
                .orElseThrow(() -> new InvalidValue(CASE, CASE_LABEL, "この方の受付中の認定案件ではありません"));
        Map<String, Object> earlier = sql.sql("""
                select count(*) as assigned, count(*) filter (where status in ('open', 'submitted')) as unanswered
                  from certification.survey_assignments
                 where insurer_no = :insurer and insured_no = :insured and case_id = :case
                """).param("insurer", a.insurer().value()).param("insured", a.insured().value())
                .param("case", a.caseId()).query().singleRow();
        if (((Number) earlier.get("unanswered")).intValue() > 0) {
            throw new InvalidValue(CASE, CASE_LABEL, "この案件の認定調査は依頼済みです(調査票がまだ受理されていません)");
        }
        boolean first = ((Number) earlier.get("assigned")).intValue() == 0;
        if (first != FIRST_REQUEST.equals(a.requestKind()) || !first && !LATER_REQUESTS.contains(a.requestKind())) {
            throw new InvalidValue("requestKind", "依頼区分", first ? "この案件の最初の依頼は初回(0)です"
                    : "この案件は依頼済みです。再依頼(1)か再調査(2)を指定してください");
        }
        if (a.officeNo() != null && NEW_APPLICATION.equals(applicationType) && !entrustNewSurveys) {
            throw new InvalidValue("officeNo", "委託先の事業所番号",
                    "新規申請の認定調査は事業所に委託できません。市町村の調査員に依頼してください");
        }
        UUID id = UUID.randomUUID();
        sql.sql("""
                insert into certification.survey_assignments (insurer_no, insured_no, assignment_id, case_id,
                       assignee_kind, assignee_staff, assignee_office, entrustment, request_kind, due_on, document_id,
                       status, assigned_by)
                values (:insurer, :insured, :id, :case, :kind, :staff, :office, :entrustment, :requestKind, :dueOn,
                        :document, 'open', :by)
                """).param("insurer", a.insurer().value()).param("insured", a.insured().value()).param("id", id)
                .param("case", a.caseId()).param("kind", a.staffId() != null ? "staff" : "office")
                .param("staff", a.staffId()).param("office", a.officeNo()).param("entrustment", a.entrustment())
                .param("requestKind", a.requestKind()).param("dueOn", a.dueOn()).param("document", a.documentId())
                .param("by", a.assignedBy()).update();
        revisions.advance(a.insurer(), a.insured(), a.caseId(), Progress.SURVEY, Map.of());
        return id;
    }

    /** Whether an open assignment of the person's open case names this staff member as its surveyor (S8). */
    static boolean assignedTo(JdbcTemplate jdbc, String insurerNo, String insuredNo, UUID staffId) {
        return staffId != null && Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from certification.survey_assignments a
                                 join certification.cases c on (c.insurer_no, c.insured_no, c.case_id)
                                                             = (a.insurer_no, a.insured_no, a.case_id)
                                where a.insurer_no = ? and a.insured_no = ? and a.assignee_staff = ?
                                  and a.status in ('open', 'submitted') and c.status = 'open')
                """, Boolean.class, insurerNo, insuredNo, staffId));
    }

    private record Assignment(UUID assignmentId, UUID caseId, String officeNo, String entrustment, String requestKind) {
    }

    /**
     * The accepted survey becomes a new history of the person's care-survey record (source online, the case's id,
     * the document as its import) and the case's certification record gets its 認定調査実施日; the assignment it
     * answers is accepted. Refused, writing nothing, when the survey answers no open assignment of an open case: a
     * reply to the assignment document for an office, the case's assignment to its own staff otherwise.
     */
    void accept(CareCertification.AcceptedSurvey s) {
        Optional<Assignment> found = sql.sql("""
                select a.assignment_id, a.case_id, a.assignee_office, a.entrustment, a.request_kind
                  from certification.survey_assignments a
                  join certification.cases c on (c.insurer_no, c.insured_no, c.case_id)
                                              = (a.insurer_no, a.insured_no, a.case_id)
                 where a.insurer_no = :insurer and a.insured_no = :insured and a.status in ('open', 'submitted')
                   and c.status = 'open'
                   and (a.document_id = :replyTo or cast(:replyTo as uuid) is null and a.assignee_kind = 'staff')
                 for update of a
                """).param("insurer", s.insurer().value()).param("insured", s.insured().value())
                .param("replyTo", s.inReplyTo())
                .query((rs, i) -> new Assignment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5)))
                .optional();
        if (found.isEmpty()) {
            throw new InvalidValue("document", "認定調査票",
                    "この調査票に対応する調査依頼がありません(受理済みか、案件が終了しています)");
        }
        Assignment a = found.get();
        Map<String, String> payload = s.payload();
        LocalDate surveyedOn = LocalDate.parse(payload.get("surveyedOn").strip());
        int surveysOfCase = sql.sql("""
                select count(distinct history_no) from certification.care_survey_records
                 where insurer_no = :insurer and insured_no = :insured and case_id = :case
                """).param("insurer", s.insurer().value()).param("insured", s.insured().value()).param("case", a.caseId())
                .query(Integer.class).single();
        int historyNo = sql.sql("""
                select coalesce(max(history_no), 0) + 1 from certification.care_survey_records
                 where insurer_no = :insurer and insured_no = :insured
                """).param("insurer", s.insurer().value()).param("insured", s.insured().value()).query(Integer.class)
                .single();

        Map<String, Object> values = new LinkedHashMap<>();
        values.put("insurer_no", s.insurer().value());
        values.put("insured_no", s.insured().value());
        values.put("history_no", historyNo);
        values.put("revision", 1);
        values.put("valid_from", surveyedOn);
        values.put("import_id", s.documentId());
        values.put("source", "online");
        values.put("case_id", a.caseId());
        values.put("request_kind", a.requestKind());
        values.put("entrustment", a.entrustment());
        values.put("survey_kind", surveysOfCase == 0 ? FIRST_SURVEY : LATER_SURVEY);
        values.put("entrusted_office_no", a.officeNo());
        values.put("notes", notes(payload));
        List<FieldSpec> fields = new SurveyLayouts().careSurvey().fields();
        for (int i = 0; i < fields.size(); i++) {
            String value = payload.get(fields.get(i).key());
            String column = COLUMNS.get(i);
            values.put(column, column.equals(SURVEYED_ON) ? surveyedOn : blankToNull(value));
        }
        List<String> names = new ArrayList<>(values.keySet());
        var insert = sql.sql("insert into certification.care_survey_records (" + String.join(", ", names)
                + ") values (" + String.join(", ", names.stream().map(n -> ":" + n).toList()) + ")");
        for (String name : names) {
            insert = insert.param(name, values.get(name));
        }
        insert.update();

        sql.sql("""
                update certification.survey_assignments set status = 'accepted', accepted_document_id = :document
                 where insurer_no = :insurer and insured_no = :insured and assignment_id = :id
                """).param("document", s.documentId()).param("insurer", s.insurer().value())
                .param("insured", s.insured().value()).param("id", a.assignmentId()).update();
        revisions.advance(s.insurer(), s.insured(), a.caseId(), Progress.SURVEY,
                Map.of(CaseRevisions.Column.SURVEYED_ON, surveyedOn));
    }

    private static String notes(Map<String, String> payload) {
        List<String> written = NOTES.stream().map(payload::get).map(CaseSurveys::blankToNull)
                .filter(java.util.Objects::nonNull).toList();
        return written.isEmpty() ? null : String.join("\n", written);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
