package jp.kaigo.certification;

import java.io.InputStream;
import java.nio.charset.Charset;
import jp.kaigo.ingest.Rejection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.kaigo.shared.Period;
import org.springframework.jdbc.core.JdbcTemplate;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import jp.kaigo.ingest.Validated;
import jp.kaigo.shared.CareLevelCertified;
import jp.kaigo.shared.InsuredPerson;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.stereotype.Service;

/**
 * The 要介護認定 cases of the online flow (facade; docs/design/certification-online.md §3.3): a case opens when the
 * municipality accepts an application, and each step writes it. What a person holds (their latest 認定, an open case)
 * is read by {@code access} alone, through the module's record source. Writes join the caller's transaction, so a case opens with the acceptance or not at all.
 */
@Service
public class CareCertification {
    /** 進捗 1 申請受付 (CertificationLayouts.PROGRESS). */
    static final String RECEIVED = "1";
    /** 二次判定結果 01 非該当: no level, so no 認定 to renew or change. */
    private static final String NOT_APPLICABLE = "01";
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final JdbcClient sql;
    private final JdbcTemplate jdbc;
    private final CaseRevisions revisions;
    private final ApplicationEventPublisher events;
    private final CaseOpinions opinions;
    private final CaseSurveys surveys;
    private final Agendas agendas;
    private final SurveyWorklist worklist;
    private final TimedNotices timedNotices;

    CareCertification(JdbcClient sql, JdbcTemplate jdbc, CaseRevisions revisions, ApplicationEventPublisher events,
            CaseOpinions opinions, CaseSurveys surveys, Agendas agendas, SurveyWorklist worklist,
            TimedNotices timedNotices) {
        this.sql = sql;
        this.jdbc = jdbc;
        this.revisions = revisions;
        this.events = events;
        this.opinions = opinions;
        this.surveys = surveys;
        this.agendas = agendas;
        this.worklist = worklist;
        this.timedNotices = timedNotices;
    }

    /** The 有効期間 of the person's latest 認定 with a level (by its end), from the current revision of each history. */
    static Optional<Period> latestCertified(JdbcTemplate jdbc, String insurerNo, String insuredNo) {
        return jdbc.query("""
                select cert_valid_from, cert_valid_to from certification.certification_records
                 where insurer_no = ? and insured_no = ? and current and not deleted
                   and result is not null and result <> ? and cert_valid_from is not null and cert_valid_to is not null
                 order by cert_valid_to desc limit 1
                """, (rs, i) -> new Period(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)),
                insurerNo, insuredNo, NOT_APPLICABLE).stream().findFirst();
    }

    /**
     * The case an accepted online application opens: its 申請区分 code, the day it was sent, the 主治医医療機関 it
     * names (or null) and the document it came as.
     */
    public record CaseDraft(InsurerNumber insurer, InsuredNumber insured, UUID applicationDocumentId,
            String applicationType, LocalDate appliedOn, String doctorInstitutionCode) {
    }

    /**
     * Opens the case of an accepted application: the case row and a new history of the person's certification
     * record at 進捗 申請受付 (source online). Answers the case id; a second acceptance of the same application
     * answers the case it opened. Fails (and the caller's transaction with it) if another case of the person is open.
     */
    public UUID openCase(CaseDraft a) {
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
        revisions.progressed(a.insurer(), a.insured(), caseId, Progress.RECEIVED);
        return caseId;
    }

    /**
     * Records the 二次判定 of an open case whose 一次判定 is in (design §6.5), in one transaction: the case's next
     * certification revision at 進捗 認定 (result, 認定日, 有効期間, 審査会の日と意見), the case decided, and
     * {@link CareLevelCertified} published — the registry files it into the 被保険者証 history and the person is
     * notified. Bad values are refused field by field ({@link InvalidValue}), nothing stored.
     */
    @Transactional
    public void recordResult(InsuredPerson person, UUID caseId, Map<String, String> values) {
        var found = sql.sql("""
                select c.application_type, c.applied_on, r.progress, r.first_judgement
                  from certification.cases c
                  join certification.certification_records r on r.insurer_no = c.insurer_no
                       and r.insured_no = c.insured_no and r.case_id = c.case_id and r.current
                 where c.insurer_no = :insurer and c.insured_no = :insured and c.case_id = :case and c.status = 'open'
                """).param("insurer", person.insurer().value()).param("insured", person.insured().value())
                .param("case", caseId).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)}).optional()
                .orElseThrow(() -> new InvalidValue("caseId", "認定案件", "この方の受付中の認定案件ではありません"));
        if (!Progress.FIRST_JUDGEMENT.code().equals(found[2]) && !Progress.BOARD.code().equals(found[2])) {
            throw new InvalidValue("caseId", "認定案件", "一次判定の取込後に二次判定を記録できます");
        }
        Validated validated = ResultLayout.LAYOUT.validate(values);
        if (validated instanceof Validated.Invalid invalid) {
            throw new InvalidValue(invalid.violations());
        }
        Map<String, Object> v = ((Validated.Valid) validated).values();
        LocalDate previousEnd = latestCertified(jdbc, person.insurer().value(), person.insured().value())
                .map(Period::to).orElse(null);
        LocalDate today = LocalDate.now(JAPAN);
        List<Violation> problems = ResultLayout.againstCase(v, found[0], LocalDate.parse(found[1]), previousEnd,
                found[3], today);
        if (!problems.isEmpty()) {
            throw new InvalidValue(problems);
        }
        Map<CaseRevisions.Column, Object> set = new LinkedHashMap<>();
        set.put(CaseRevisions.Column.RESULT, v.get("result"));
        set.put(CaseRevisions.Column.CERTIFIED_ON, v.get("certifiedOn"));
        set.put(CaseRevisions.Column.BOARD_ON, v.get("boardOn"));
        set.put(CaseRevisions.Column.CERT_VALID_FROM, v.get("certValidFrom"));
        set.put(CaseRevisions.Column.CERT_VALID_TO, v.get("certValidTo"));
        set.put(CaseRevisions.Column.BOARD_OPINION, v.get("boardOpinion"));
        revisions.advance(person.insurer(), person.insured(), caseId, Progress.CERTIFIED, set);
        sql.sql("""
                update certification.cases set status = 'decided', decided_on = :today
                 where insurer_no = :insurer and insured_no = :insured and case_id = :case
                """).param("today", today).param("insurer", person.insurer().value())
                .param("insured", person.insured().value()).param("case", caseId).update();
        events.publishEvent(new CareLevelCertified(caseId, person, (String) v.get("result"),
                (LocalDate) v.get("certifiedOn"), (LocalDate) v.get("certValidFrom"), (LocalDate) v.get("certValidTo"),
                (String) v.get("boardOpinion")));
    }

    /**
     * The municipality sent a 主治医意見書作成依頼 for the person's open case (design §5.1): the case's history names the
     * institution and the day, its progress unchanged. Nothing is written when no case is open.
     */
    public void opinionRequested(InsurerNumber insurer, InsuredNumber insured, String institutionCode,
            LocalDate requestedOn) {
        opinions.requested(insurer, insured, institutionCode, requestedOn);
    }

    /**
     * An accepted 主治医意見書: its payload (the doctor-opinion layout's keys), the 依頼区分 and 医師区分 of the request it
     * answers, the day it reached the municipality and the document it came as.
     */
    public record AcceptedOpinion(InsurerNumber insurer, InsuredNumber insured, UUID documentId, LocalDate receivedOn,
            String requestKind, String doctorKind, Map<String, String> payload) {
    }

    /**
     * Keeps an accepted 意見書 as a new doctor-opinion history of the open case (source online) and moves the case to
     * 進捗 3 主治医意見書 with its 受領日 (design §5.3); answers the case id. Fails (and the caller's transaction with it)
     * when the person has no open case.
     */
    public UUID acceptOpinion(AcceptedOpinion opinion) {
        return opinions.accepted(opinion);
    }

    /** Reads a CSV of 一次判定 results (design §6.1): every line as a draft (ready or refused), or the file refused. */
    public FirstJudgementFileReport readFirstJudgements(InputStream csv, Charset charset) {
        FirstJudgementCsv.Result read = FirstJudgementCsv.read(csv, charset);
        if (read instanceof FirstJudgementCsv.Refused refused) {
            Rejection r = refused.problem();
            return new FirstJudgementFileReport.FileRefused(r.line(),
                    new FirstJudgementDraft.Problem(r.field(), r.label(), r.reason()));
        }
        return new FirstJudgementFileReport.Lines(((FirstJudgementCsv.Read) read).lines().stream().map(line -> {
            if (line instanceof FirstJudgementCsv.Parsed parsed) {
                return FirstJudgementDraft.ready(parsed.number(), parsed.row());
            }
            FirstJudgementCsv.Rejected rejected = (FirstJudgementCsv.Rejected) line;
            return FirstJudgementDraft.refused(rejected.number(), rejected.rejections().stream()
                    .map(r -> new FirstJudgementDraft.Problem(r.field(), r.label(), r.reason())).toList());
        }).toList());
    }

    /** Reads 一次判定 results given as values by field key (JSON objects, the clerk's form), numbered from 1. */
    public FirstJudgementFileReport readFirstJudgements(List<Map<String, String>> objects) {
        List<FirstJudgementDraft> drafts = new java.util.ArrayList<>();
        for (Map<String, String> values : objects) {
            long number = drafts.size() + 1;
            FirstJudgementLayout.Parsed parsed = FirstJudgementLayout.parse(values);
            drafts.add(parsed instanceof FirstJudgementLayout.Row row ? FirstJudgementDraft.ready(number, row)
                    : FirstJudgementDraft.refused(number, ((FirstJudgementLayout.Invalid) parsed).violations().stream()
                            .map(v -> new FirstJudgementDraft.Problem(v.field(), v.label(), v.reason())).toList()));
        }
        return new FirstJudgementFileReport.Lines(drafts);
    }

    /**
     * Records a ready 一次判定 on the municipality's open case with an accepted 調査票 (design §6.1), if the permission
     * allows for the case's person: checked (J1–J6) against the case's 調査票 and 意見書, then stored in
     * first_judgements and a new revision at 進捗 4, in one transaction; refused with field violations and nothing
     * stored, or recorded with the warnings (J4, J5).
     */
    @Transactional
    public FirstJudgementReport recordFirstJudgement(InsurerNumber insurer, FirstJudgementDraft draft,
            FirstJudgementDraft.Permission permission) {
        if (!draft.ready()) {
            return new FirstJudgementReport.Refused(draft.number(), draft.problems());
        }
        return new FirstJudgementRecords(sql, revisions).record(insurer, draft.number(), draft.row,
                LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")), permission);
    }

    // ---------------------------------------------------------------- 認定調査 (design §4, increment 9)

    /**
     * The clerk's assignment of a case's 認定調査 (design §4.1): to one of the municipality's own staff
     * ({@code staffId}, 委託区分 1) or to an entrusted office ({@code officeNo}, 委託区分 {@code entrustment}, and the
     * survey-assignment document sent to it); 依頼区分 {@code requestKind} as FC §5.1 codes it.
     */
    public record SurveyAssignment(InsurerNumber insurer, InsuredNumber insured, UUID caseId, UUID staffId,
            String officeNo, String entrustment, String requestKind, LocalDate dueOn, UUID documentId,
            UUID assignedBy) {
    }

    /**
     * Records the assignment of the open case's survey and moves the case to 進捗 2 認定調査; answers the
     * assignment's id. Refused field by field ({@link InvalidValue}), nothing stored, when the case is not the
     * person's open case, its survey is assigned and not yet answered, the 依頼区分 does not fit the case's earlier
     * assignments, or a 新規申請's survey would be entrusted to an office.
     */
    public UUID assignSurvey(SurveyAssignment assignment) {
        return surveys.assign(assignment);
    }

    /** A care-survey document the clerk accepted: the request it answers (null for the own surveyor) and its values. */
    public record AcceptedSurvey(InsurerNumber insurer, InsuredNumber insured, UUID documentId, UUID inReplyTo,
            Map<String, String> payload) {
    }

    /**
     * The accepted survey becomes a new care-survey history (source online, the case's id), the case's record gets
     * its 認定調査実施日 and the assignment closes. Refused ({@link InvalidValue}), and the caller's transaction with
     * it, when the survey answers no open assignment of an open case.
     */
    public void acceptSurvey(AcceptedSurvey survey) {
        surveys.accept(survey);
    }

    // ---------------------------------------------------------------- 介護認定審査会 (design §6.2–§6.4)

    /** A new 合議体 of the municipality; refused ({@link InvalidValue}) when the number is taken. */
    @Transactional
    public void createBoard(InsurerNumber insurer, int boardNo, String name) {
        agendas.createBoard(insurer, boardNo, name);
    }

    /** A 審査会委員 (a staff account of the municipality) joins the board from the day (to the day, or open). */
    @Transactional
    public void addBoardMember(InsurerNumber insurer, int boardNo, UUID staffId, LocalDate validFrom, LocalDate validTo) {
        agendas.addMember(insurer, boardNo, staffId, validFrom, validTo);
    }

    /** A draft agenda of the board's meeting on the day; answers its id. */
    @Transactional
    public UUID createAgenda(InsurerNumber insurer, int boardNo, LocalDate meetingOn) {
        return agendas.createAgenda(insurer, boardNo, meetingOn);
    }

    /** Puts the person's open case (一次判定 in) on the draft agenda, 進捗 → 5 介護認定審査会; answers the case. */
    @Transactional
    public UUID addToAgenda(InsurerNumber insurer, UUID agendaId, InsuredNumber insured) {
        return agendas.addCase(insurer, agendaId, insured);
    }

    /** The staff member reviewed the masking of the case (design §6.3). */
    @Transactional
    public void reviewMasking(InsurerNumber insurer, UUID agendaId, int caseNo, UUID staffId) {
        agendas.reviewed(insurer, agendaId, caseNo, staffId);
    }

    /** Refused ({@link InvalidValue}) unless the agenda is a draft with cases, each one's masking reviewed. */
    @Transactional
    public void checkPublishable(InsurerNumber insurer, UUID agendaId) {
        agendas.toPublish(insurer, agendaId);
    }

    /** The agenda is published with these packet documents (by 事例番号); joins the sending transaction. */
    @Transactional
    public void published(InsurerNumber insurer, UUID agendaId, Map<Integer, UUID> packetDocuments) {
        agendas.published(insurer, agendaId, packetDocuments);
    }
    // ---------------------------------------------------------------- the own surveyor's worklist (design §4.1, S8)

    /** The 認定調査 assigned to this staff member of the municipality and not answered yet (its cases still open). */
    @Transactional(readOnly = true)
    public SurveyWorklistReport surveysAssignedTo(InsurerNumber insurer, UUID staffId) {
        return worklist.of(insurer, staffId);
    }

    // ---------------------------------------------------------------- the officer's case pages (design §8.3)

    /** How long a decided or withdrawn case stays on the municipality's list. */
    private static final int RECENT_DAYS = 90;
    private static final Map<String, String> ASSIGNMENT_STATUS = Map.of("open", "依頼中", "submitted", "提出済み",
            "accepted", "受理済み", "withdrawn", "取下げ");

    /**
     * The municipality's open cases and those decided (or withdrawn) in the last 90 days, oldest application first;
     * for the list {@code access} permitted (the caller audits each case shown).
     */
    public CaseListReport cases(InsurerNumber insurer) {
        LocalDate since = LocalDate.now(JAPAN).minusDays(RECENT_DAYS);
        return new CaseListReport(sql.sql("""
                select c.case_id, c.insured_no, c.application_type, c.applied_on, r.progress, c.status, c.decided_on
                  from certification.cases c
                  join certification.certification_records r on r.insurer_no = c.insurer_no
                       and r.insured_no = c.insured_no and r.case_id = c.case_id and r.current and not r.deleted
                 where c.insurer_no = :insurer
                   and (c.status = 'open' or coalesce(c.decided_on, c.created_at::date) >= :since)
                 order by c.status <> 'open', c.applied_on, c.created_at
                """).param("insurer", insurer.value()).param("since", since)
                .query((rs, i) -> new CaseListReport.Row(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), CertificationLayouts.APPLICATION_TYPES.get(rs.getString(3)),
                        rs.getObject(4, LocalDate.class), rs.getString(5),
                        CertificationLayouts.PROGRESS.get(rs.getString(5)), rs.getString(6),
                        rs.getObject(7, LocalDate.class))).list());
    }

    /** The municipality's case of that id as its case page shows it, or unknown; read for a decided disclosure. */
    public CaseFileReport caseFile(InsurerNumber insurer, UUID caseId) {
        List<CaseFileReport.Assignment> assignments = sql.sql("""
                select assignment_id, assignee_kind, assignee_office, request_kind, due_on, document_id, status
                  from certification.survey_assignments
                 where insurer_no = :insurer and case_id = :case order by created_at
                """).param("insurer", insurer.value()).param("case", caseId)
                .query((rs, i) -> new CaseFileReport.Assignment(rs.getObject(1, UUID.class),
                        "staff".equals(rs.getString(2)), rs.getString(3), rs.getString(4),
                        CertificationLayouts.SURVEY_REQUEST_KINDS.get(rs.getString(4)), rs.getObject(5, LocalDate.class),
                        rs.getObject(6, UUID.class), rs.getString(7), ASSIGNMENT_STATUS.get(rs.getString(7)))).list();
        return sql.sql("""
                select c.insured_no, c.status, c.application_type, c.applied_on, c.application_document_id,
                       r.progress, c.decided_on, r.surveyed_on, r.opinion_institution, r.opinion_requested_on,
                       r.opinion_received_on, r.first_judgement, r.first_judged_on, r.standard_minutes, r.result,
                       r.certified_on, r.cert_valid_from, r.cert_valid_to, r.board_on, r.board_opinion
                  from certification.cases c
                  join certification.certification_records r on r.insurer_no = c.insurer_no
                       and r.insured_no = c.insured_no and r.case_id = c.case_id and r.current and not r.deleted
                 where c.insurer_no = :insurer and c.case_id = :case
                """).param("insurer", insurer.value()).param("case", caseId)
                .query((rs, i) -> (CaseFileReport) new CaseFileReport.Case(caseId, rs.getString(1), rs.getString(2),
                        rs.getString(3), CertificationLayouts.APPLICATION_TYPES.get(rs.getString(3)),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, UUID.class), rs.getString(6),
                        CertificationLayouts.PROGRESS.get(rs.getString(6)), rs.getObject(7, LocalDate.class),
                        assignments, rs.getObject(8, LocalDate.class), rs.getString(9),
                        rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class), rs.getString(12),
                        levelName(rs.getString(12)), rs.getObject(13, LocalDate.class), rs.getString(14),
                        rs.getString(15), levelName(rs.getString(15)), rs.getObject(16, LocalDate.class),
                        rs.getObject(17, LocalDate.class), rs.getObject(18, LocalDate.class),
                        rs.getObject(19, LocalDate.class), rs.getString(20)))
                .optional().orElseGet(CaseFileReport.Unknown::new);
    }

    /** The fields of the 一次判定 and 二次判定 forms (no personal data). */
    public CaseFormsReport caseForms() {
        return new CaseFormsReport(FirstJudgementLayout.LAYOUT.fields(), ResultLayout.LAYOUT.fields());
    }

    private static String levelName(String code) {
        return code == null ? null : jp.kaigo.shared.CareLevel.find(code).map(jp.kaigo.shared.CareLevel::name)
                .orElse(code);
    }

    // ---------------------------------------------------------------- timed notices (design §7)

    /**
     * Runs the daily job of the timed notices (更新勧奨, 処分延期) as it would have run on the day: the demo loader
     * replays the day its demo person's 認定更新勧奨 fell due. Each notice is still sent once.
     */
    public void publishTimedNotices(LocalDate day) {
        timedNotices.publishDue(day);
    }
}
