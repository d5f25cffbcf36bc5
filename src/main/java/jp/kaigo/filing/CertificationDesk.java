package jp.kaigo.filing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jp.kaigo.access.AccessDecisions;
import jp.kaigo.access.AccessDecisions.CaseStep;
import jp.kaigo.access.Actor;
import jp.kaigo.access.Decision;
import jp.kaigo.certification.CareCertification;
import jp.kaigo.certification.CaseFileReport;
import jp.kaigo.certification.CaseFormsReport;
import jp.kaigo.certification.CaseListReport;
import jp.kaigo.exchange.DocumentExchange;
import jp.kaigo.exchange.DocumentRef;
import jp.kaigo.exchange.DocumentView;
import jp.kaigo.exchange.Invalid;
import jp.kaigo.exchange.SendResult;
import jp.kaigo.identity.OfficeMaster;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.DocumentStatus;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.PartyKind;
import jp.kaigo.shared.Violation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The municipality's 認定 cases, as its clerk works them (facade; design §1.2, §4.1): the assignment of a case's
 * 認定調査, to one of the municipality's own surveyors or to an entrusted office. Each step asks
 * {@code access} first (audited there, permit or deny), then has {@code certification} (and, for an office, the
 * exchange) do it, in one transaction.
 */
@Service
public class CertificationDesk {
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** 委託区分 (FC §5.1): 1 保険者 (its own surveyor), 3 居宅介護支援事業者, 4 介護保険施設. */
    private static final String OWN_SURVEYOR = "1";
    private static final String CARE_MANAGEMENT_OFFICE = "3";
    private static final String CARE_FACILITY = "4";
    /** 介護保険施設 (51 介護老人福祉施設, 52 介護老人保健施設, 54 介護療養型医療施設, 55 介護医療院). */
    private static final Set<String> FACILITIES = Set.of("51", "52", "54", "55");
    /** What the assignment copies from the application (§4.1: 調査場所 and 連絡先). */
    private static final List<String> COPIED = List.of("surveyPlace", "surveyPlaceName", "surveyPlaceAddress",
            "surveyContactName", "surveyContactRelation", "surveyContactPhone", "surveyNotes");
    private static final String STAFF = "staffLoginId";
    private static final String STAFF_LABEL = "調査員の職員ID";
    private static final String OFFICE = "officeNo";
    private static final String OFFICE_LABEL = "委託先の事業所番号";
    private static final String CASE = "caseId";
    private static final String CASE_LABEL = "認定案件";

    private final AccessDecisions access;
    private final DocumentRouting routing;
    private final DocumentExchange exchange;
    private final CareCertification certification;
    private final StaffAccounts staff;
    private final OfficeMaster master;
    private final TransactionTemplate tx;

    CertificationDesk(AccessDecisions access, DocumentRouting routing, DocumentExchange exchange,
            CareCertification certification, StaffAccounts staff, OfficeMaster master, TransactionTemplate tx) {
        this.access = access;
        this.routing = routing;
        this.exchange = exchange;
        this.certification = certification;
        this.staff = staff;
        this.master = master;
        this.tx = tx;
    }

    /** Whom the clerk assigns the survey to. */
    public sealed interface Assignee permits Assignee.OwnStaff, Assignee.EntrustedOffice {
        /** One of the municipality's own staff, by login ID (its own surveyor, S8). */
        record OwnStaff(String loginId) implements Assignee {
        }

        /** An office the survey is entrusted to (S6: designated 43 or a 介護保険施設). */
        record EntrustedOffice(OfficeNumber office) implements Assignee {
        }
    }

    /** What an assignment the access decision let through answers. */
    public sealed interface AssignmentResult permits AssignmentResult.Assigned, AssignmentResult.Rejected {
        /** Assigned: the case is at 進捗 2 認定調査; {@code document} is the survey-assignment sent (office only). */
        record Assigned(UUID assignmentId, UUID caseId, String requestKind, DocumentRef document)
                implements AssignmentResult {
        }

        /** Field errors: nothing assigned, nothing sent. */
        record Rejected(List<Violation> violations) implements AssignmentResult {
        }
    }

    /**
     * The clerk assigns the survey of the person's open case (design §4.1), 依頼区分 {@code requestKind} (0 初回, 1 再依頼,
     * 2 再調査): to its own surveyor, a staff member of the municipality whose job is 市町村職員 (access decides as
     * {@code certification.assign-survey}, CaseRules), or to an entrusted office (a survey-assignment document
     * carrying 依頼区分, the application's 調査場所 and 連絡先 and the due date; access decides the send, S6). Either
     * way the case moves to 進捗 2 認定調査, with the assignment or not at all; what certification refuses (not the
     * open case, assigned already, 新規 to an office) is refused field by field ({@code InvalidValue}), nothing sent.
     */
    public Routed<AssignmentResult> assignSurvey(Actor actor, InsurerNumber insurer, InsuredNumber insured, UUID caseId,
            Assignee to, String requestKind, LocalDate dueOn) {
        LocalDate today = LocalDate.now(JAPAN);
        if (dueOn != null && dueOn.isBefore(today)) {
            return rejected("dueOn", "調査票の提出期限", "今日以降の日付を指定してください");
        }
        if (to instanceof Assignee.OwnStaff ownStaff) {
            return toOwnSurveyor(actor, insurer, insured, caseId, ownStaff, requestKind, dueOn);
        }
        return toOffice(actor, insurer, insured, caseId, ((Assignee.EntrustedOffice) to).office(), requestKind, dueOn,
                today);
    }

    private Routed<AssignmentResult> toOwnSurveyor(Actor actor, InsurerNumber insurer, InsuredNumber insured,
            UUID caseId, Assignee.OwnStaff to, String requestKind, LocalDate dueOn) {
        // the surveyor is named among the actor's own colleagues: checking the name first discloses nothing
        Optional<StaffAccounts.Colleague> surveyor = actor.isPerson() ? Optional.empty()
                : staff.colleague(actor.organisation(), to.loginId());
        if (surveyor.isEmpty()) {
            return rejected(STAFF, STAFF_LABEL, "この市町村の有効な職員IDではありません");
        }
        if (surveyor.get().jobType() != JobType.MUNICIPAL_OFFICER) {
            // S8: the own surveyor sends the 調査票 as a MUNICIPAL_OFFICER
            return rejected(STAFF, STAFF_LABEL, "認定調査を依頼できるのは職種が市町村職員(MUNICIPAL_OFFICER)の職員です");
        }
        Decision decision = access.mayWorkOnCase(actor, insurer.value(), insured.value(), CaseStep.ASSIGN_SURVEY);
        if (!decision.permitted()) {
            return new Routed.Denied<>(decision);
        }
        return new Routed.Done<>(tx.execute(status -> {
            UUID id = certification.assignSurvey(new CareCertification.SurveyAssignment(insurer, insured, caseId,
                    surveyor.get().staffId(), null, OWN_SURVEYOR, requestKind, dueOn, null, actor.staffId()));
            return new AssignmentResult.Assigned(id, caseId, requestKind, null);
        }));
    }

    private Routed<AssignmentResult> toOffice(Actor actor, InsurerNumber insurer, InsuredNumber insured, UUID caseId,
            OfficeNumber office, String requestKind, LocalDate dueOn, LocalDate today) {
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("requestKind", requestKind);
        Map<String, String> application = municipal(actor) ? acceptedApplication(insurer, insured, actor) : Map.of();
        for (String key : COPIED) {
            String value = application.get(key);
            if (value != null && !value.isBlank()) {
                payload.put(key, value);
            }
        }
        if (dueOn != null) {
            payload.put("dueOn", dueOn.toString());
        }
        Outgoing out = new Outgoing(DocumentKind.SURVEY_ASSIGNMENT, Correspondent.of(Party.office(office.value())),
                insurer, insured, payload, null, null, null);
        return tx.execute(status -> {
            Routed<SendResult> sent = routing.send(actor, out, caseId);
            if (sent instanceof Routed.Denied<SendResult> denied) {
                return new Routed.Denied<>(denied.decision());
            }
            SendResult result = ((Routed.Done<SendResult>) sent).result();
            if (result instanceof SendResult.Sent s) {
                String entrustment = master.designatedServices(office.value(), today).stream()
                        .anyMatch(FACILITIES::contains) ? CARE_FACILITY : CARE_MANAGEMENT_OFFICE;
                UUID id = certification.assignSurvey(new CareCertification.SurveyAssignment(insurer, insured, caseId,
                        null, office.value(), entrustment, requestKind, dueOn, s.document().documentId(),
                        actor.staffId()));
                return new Routed.Done<>(new AssignmentResult.Assigned(id, caseId, requestKind, s.document()));
            }
            status.setRollbackOnly();
            if (result instanceof Invalid invalid) {
                return new Routed.Done<>(new AssignmentResult.Rejected(invalid.violations()));
            }
            // the same assignment sent before (an open one is refused by certification first) or refused by exchange
            return rejected(CASE, CASE_LABEL, "この案件の認定調査は依頼済みです");
        });
    }

    /** The payload of the person's latest application the municipality accepted (the case's application). */
    private Map<String, String> acceptedApplication(InsurerNumber insurer, InsuredNumber insured, Actor actor) {
        Correspondent municipality = Correspondent.of(actor.organisation());
        return exchange.about(insurer, insured, DocumentKind.CERTIFICATION_APPLICATION).stream()
                .filter(a -> a.recipient().equals(municipality) && a.status() == DocumentStatus.ACCEPTED
                        && a.payload() != null)
                .max(java.util.Comparator.comparing(DocumentView::statusAt)).map(DocumentView::payload)
                .orElse(Map.of());
    }

    private static boolean municipal(Actor actor) {
        return !actor.isPerson() && actor.organisation() != null
                && actor.organisation().kind() == PartyKind.MUNICIPALITY;
    }

    private static Routed<AssignmentResult> rejected(String field, String label, String reason) {
        return new Routed.Done<>(new AssignmentResult.Rejected(List.of(new Violation(field, label, reason))));
    }
    // ---------------------------------------------------------------- the own surveyor's worklist (design §4.1, S8)

    /** A survey assigned to the staff member and not answered yet: the case, the person, 依頼区分 and 期限 (or null). */
    public record AssignedSurvey(UUID caseId, InsurerNumber insurer, InsuredNumber insured, String requestKind,
            LocalDate dueOn) {
    }

    /**
     * The 認定調査 assigned to the signed-in staff member as the municipality's own surveyor and not answered yet,
     * by due date: access decides first (a 市町村職員), and each person listed is audited.
     */
    public Routed<List<AssignedSurvey>> surveysAssignedTo(Actor actor) {
        return assigned(actor, null);
    }

    /** The one of {@link #surveysAssignedTo} for this case; empty when it is not the staff member's open survey. */
    public Routed<Optional<AssignedSurvey>> surveyAssignedTo(Actor actor, UUID caseId) {
        Routed<List<AssignedSurvey>> found = assigned(actor, caseId);
        if (found instanceof Routed.Denied<List<AssignedSurvey>> denied) {
            return new Routed.Denied<>(denied.decision());
        }
        return new Routed.Done<>(((Routed.Done<List<AssignedSurvey>>) found).result().stream().findFirst());
    }

    private Routed<List<AssignedSurvey>> assigned(Actor actor, UUID caseId) {
        Decision decision = access.mayListOwnSurveys(actor);
        if (!decision.permitted()) {
            return new Routed.Denied<>(decision);
        }
        InsurerNumber insurer = new InsurerNumber(actor.organisation().number());
        List<AssignedSurvey> rows = certification.surveysAssignedTo(insurer, actor.staffId()).rows().stream()
                .filter(r -> caseId == null || caseId.equals(r.caseId()))
                .map(r -> new AssignedSurvey(r.caseId(), insurer, new InsuredNumber(r.insuredNo()), r.requestKind(),
                        r.dueOn())).toList();
        access.surveysListed(actor, insurer.value(), rows.stream().map(r -> r.insured().value()).toList());
        return new Routed.Done<>(rows);
    }

    // ---------------------------------------------------------------- the officer's case pages (design §8.3)

    /**
     * The municipality's 認定 cases for its officer's list: access decides first (the municipality's 市町村職員), then
     * certification reads them and access records each case the list shows (audited per person).
     */
    public Routed<CaseList> cases(Actor actor) {
        Decision decision = access.mayListCases(actor);
        if (!decision.permitted()) {
            return new Routed.Denied<>(decision);
        }
        InsurerNumber insurer = new InsurerNumber(actor.organisation().number());
        CaseListReport list = certification.cases(insurer);
        access.casesListed(actor, list.cases().stream()
                .map(c -> new AccessDecisions.ListedCase(c.caseId(), insurer.value(), c.insuredNo())).toList());
        return new Routed.Done<>(new CaseList(list.cases()));
    }

    /** The cases of the list (certification's rows; an exit shows them, it does not name their type). */
    public record CaseList(java.util.List<CaseListReport.Row> rows) {
    }

    /** The fields of the officer's 一次判定 and 二次判定 forms, by the layouts the facades validate with. */
    public record CaseForms(java.util.List<jp.kaigo.ingest.FieldSpec> firstJudgement,
            java.util.List<jp.kaigo.ingest.FieldSpec> result) {
    }

    /** A case as its page shows it, with the 主治医 its application names (to prefill the 意見書作成依頼). */
    public record CaseFile(CaseFileReport.Case file, String doctorInstitutionCode, String doctorName) {
        public UUID caseId() {
            return file.caseId();
        }
    }

    /**
     * The municipality's case of that id for its page: empty when the actor's municipality has no such case (another
     * municipality's case is unknown here); otherwise access decides on the person's case ({@code mayWorkOnCase}
     * {@code READ}, audited) before anything of it is answered.
     */
    public Routed<Optional<CaseFile>> caseFile(Actor actor, UUID caseId) {
        Optional<CaseFileReport.Case> found = find(actor, caseId);
        if (found.isEmpty()) {
            return new Routed.Done<>(Optional.empty());
        }
        CaseFileReport.Case file = found.get();
        InsurerNumber insurer = new InsurerNumber(actor.organisation().number());
        Decision decision = access.mayWorkOnCase(actor, insurer.value(), file.insuredNo(), CaseStep.READ);
        if (!decision.permitted()) {
            return new Routed.Denied<>(decision);
        }
        Map<String, String> application = exchange.document(new DocumentRef(insurer, new InsuredNumber(file.insuredNo()),
                file.applicationDocumentId())).map(DocumentView::payload).orElse(null);
        return new Routed.Done<>(Optional.of(new CaseFile(file,
                application == null ? null : application.get("doctorInstitutionCode"),
                application == null ? null : application.get("doctorName"))));
    }

    /** The fields of the officer's 一次判定 and 二次判定 forms (layouts only: no personal data, no decision). */
    public CaseForms caseForms() {
        CaseFormsReport forms = certification.caseForms();
        return new CaseForms(forms.firstJudgement(), forms.result());
    }

    /**
     * {@link #assignSurvey(Actor, InsurerNumber, InsuredNumber, UUID, Assignee, String, LocalDate)} for the case the
     * actor's municipality knows by this id (an exit that links cases by id); an unknown case is a field error.
     */
    public Routed<AssignmentResult> assignSurvey(Actor actor, UUID caseId, Assignee to, String requestKind,
            LocalDate dueOn) {
        Optional<CaseFileReport.Case> found = find(actor, caseId);
        if (found.isEmpty()) {
            return rejected(CASE, CASE_LABEL, UNKNOWN_CASE);
        }
        return assignSurvey(actor, new InsurerNumber(actor.organisation().number()),
                new InsuredNumber(found.get().insuredNo()), caseId, to, requestKind, dueOn);
    }

    /**
     * The 主治医意見書作成依頼 of the case (design §5.1) to the medical institution, sent as the API sends it
     * ({@link DocumentRouting#send}: access decides S10, the request is recorded on the case); the values are the
     * opinion-request layout's. An unknown case or a wrong 医療機関コード is a field error, nothing sent.
     */
    public Routed<SendResult> requestOpinion(Actor actor, UUID caseId, String institutionCode,
            Map<String, String> values, String idempotencyKey) {
        Optional<CaseFileReport.Case> found = find(actor, caseId);
        if (found.isEmpty()) {
            return new Routed.Done<>(new Invalid(List.of(new Violation(CASE, CASE_LABEL, UNKNOWN_CASE))));
        }
        MedicalInstitutionCode institution;
        try {
            institution = new MedicalInstitutionCode(institutionCode == null ? "" : institutionCode.strip());
        } catch (jp.kaigo.shared.InvalidValue e) {
            return new Routed.Done<>(new Invalid(e.violations().stream()
                    .map(v -> new Violation(INSTITUTION, INSTITUTION_LABEL, v.reason())).toList()));
        }
        return routing.send(actor, new Outgoing(DocumentKind.OPINION_REQUEST,
                Correspondent.of(Party.medicalInstitution(institution.value())),
                new InsurerNumber(actor.organisation().number()), new InsuredNumber(found.get().insuredNo()), values,
                idempotencyKey, null, null));
    }

    private static final String UNKNOWN_CASE = "この市町村の認定案件ではありません";
    private static final String INSTITUTION = "institutionCode";
    private static final String INSTITUTION_LABEL = "依頼先の医療機関コード";

    /** The case of the actor's municipality by its id; empty for anyone but a municipality's staff. */
    private Optional<CaseFileReport.Case> find(Actor actor, UUID caseId) {
        if (!municipal(actor) || caseId == null) {
            return Optional.empty();
        }
        return certification.caseFile(new InsurerNumber(actor.organisation().number()), caseId)
                instanceof CaseFileReport.Case c ? Optional.of(c) : Optional.empty();
    }
}
