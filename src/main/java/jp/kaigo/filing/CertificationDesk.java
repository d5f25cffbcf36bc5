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
import jp.kaigo.access.Actor;
import jp.kaigo.access.Decision;
import jp.kaigo.access.Purpose;
import jp.kaigo.certification.CareCertification;
import jp.kaigo.certification.CareCertification.OpenCase;
import jp.kaigo.exchange.DocumentExchange;
import jp.kaigo.exchange.DocumentRef;
import jp.kaigo.exchange.DocumentView;
import jp.kaigo.exchange.Invalid;
import jp.kaigo.exchange.SendResult;
import jp.kaigo.identity.OfficeMaster;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.PartyKind;
import jp.kaigo.shared.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The municipality's 認定 cases, as its clerk works them (facade; design §1.2, §4.1): the list of open cases and the
 * assignment of a case's 認定調査, to one of the municipality's own surveyors or to an entrusted office. Each step asks
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
    /** 申請区分 1 新規申請. */
    private static final String NEW_APPLICATION = "1";
    /** What the assignment copies from the application (§4.1: 調査場所 and 連絡先). */
    private static final List<String> COPIED = List.of("surveyPlace", "surveyPlaceName", "surveyPlaceAddress",
            "surveyContactName", "surveyContactRelation", "surveyContactPhone", "surveyNotes");
    private static final String STAFF = "staffLoginId";
    private static final String STAFF_LABEL = "調査員の職員ID";
    private static final String OFFICE = "officeNo";
    private static final String OFFICE_LABEL = "委託先の事業所番号";

    private final AccessDecisions access;
    private final DocumentRouting routing;
    private final DocumentExchange exchange;
    private final CareCertification certification;
    private final StaffAccounts staff;
    private final OfficeMaster master;
    private final TransactionTemplate tx;
    private final boolean entrustNewSurveys;

    CertificationDesk(AccessDecisions access, DocumentRouting routing, DocumentExchange exchange,
            CareCertification certification, StaffAccounts staff, OfficeMaster master, TransactionTemplate tx,
            // 介護保険法 27条2項 limits entrusting the survey of a 新規申請 (statute, unverified here; design §4.1, §9.4 row 3)
            @Value("${kaigo.certification.entrust-new-surveys:false}") boolean entrustNewSurveys) {
        this.access = access;
        this.routing = routing;
        this.exchange = exchange;
        this.certification = certification;
        this.staff = staff;
        this.master = master;
        this.tx = tx;
        this.entrustNewSurveys = entrustNewSurveys;
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
    public sealed interface AssignmentResult permits AssignmentResult.Assigned, AssignmentResult.NoOpenCase,
            AssignmentResult.AlreadyAssigned, AssignmentResult.Rejected {
        /** Assigned: the case is at 進捗 2 認定調査; {@code document} is the survey-assignment sent (office only). */
        record Assigned(UUID assignmentId, UUID caseId, String requestKind, DocumentRef document)
                implements AssignmentResult {
        }

        /** The person has no open case with this id (of the clerk's own municipality). */
        record NoOpenCase() implements AssignmentResult {
        }

        /** The case's survey is assigned and not yet answered by an accepted survey. */
        record AlreadyAssigned() implements AssignmentResult {
        }

        /** Field errors: nothing assigned, nothing sent. */
        record Rejected(List<Violation> violations) implements AssignmentResult {
        }
    }

    /**
     * The clerk assigns the survey of the person's open case (design §4.1): to its own surveyor (an assignment row;
     * access decides as {@code certification.assign-survey}) or to an entrusted office (a survey-assignment document
     * carrying 依頼区分, the application's 調査場所 and 連絡先 and the due date; access decides the send, S6). Either
     * way the case moves to 進捗 2 認定調査, with the assignment or not at all.
     */
    public Routed<AssignmentResult> assignSurvey(Actor actor, InsurerNumber insurer, InsuredNumber insured, UUID caseId,
            Assignee to, LocalDate dueOn) {
        LocalDate today = LocalDate.now(JAPAN);
        boolean own = municipal(actor) && actor.organisation().number().equals(insurer.value());
        Optional<OpenCase> found = own ? certification.openCaseOf(insurer, insured).filter(c -> c.caseId().equals(caseId))
                : Optional.empty();
        if (own && found.isEmpty()) {
            return new Routed.Done<>(new AssignmentResult.NoOpenCase());
        }
        if (own && certification.surveyAssigned(insurer, insured, caseId)) {
            return new Routed.Done<>(new AssignmentResult.AlreadyAssigned());
        }
        if (dueOn != null && dueOn.isBefore(today)) {
            return rejected("dueOn", "調査票の提出期限", "今日以降の日付を指定してください");
        }
        if (to instanceof Assignee.OwnStaff ownStaff) {
            return toOwnSurveyor(actor, insurer, insured, found, ownStaff, dueOn);
        }
        return toOffice(actor, insurer, insured, found, ((Assignee.EntrustedOffice) to).office(), dueOn, today);
    }

    private Routed<AssignmentResult> toOwnSurveyor(Actor actor, InsurerNumber insurer, InsuredNumber insured,
            Optional<OpenCase> found, Assignee.OwnStaff to, LocalDate dueOn) {
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
        Decision decision = access.mayAssignSurvey(actor, insurer.value(), insured.value(), found.isPresent());
        if (!decision.permitted()) {
            return new Routed.Denied<>(decision);
        }
        OpenCase c = found.orElseThrow();
        return new Routed.Done<>(tx.execute(status -> {
            String requestKind = certification.surveyRequestKind(insurer, insured, c.caseId());
            UUID id = certification.assignSurvey(new CareCertification.SurveyAssignment(insurer, insured, c.caseId(),
                    surveyor.get().staffId(), null, OWN_SURVEYOR, requestKind, dueOn, null, actor.staffId()));
            return new AssignmentResult.Assigned(id, c.caseId(), requestKind, null);
        }));
    }

    private Routed<AssignmentResult> toOffice(Actor actor, InsurerNumber insurer, InsuredNumber insured,
            Optional<OpenCase> found, OfficeNumber office, LocalDate dueOn, LocalDate today) {
        if (found.isPresent() && NEW_APPLICATION.equals(found.get().applicationType()) && !entrustNewSurveys) {
            return rejected(OFFICE, OFFICE_LABEL, "新規申請の認定調査は事業所に委託できません。市町村の調査員に依頼してください");
        }
        Map<String, String> payload = new LinkedHashMap<>();
        UUID caseId = found.map(OpenCase::caseId).orElse(null);
        String requestKind = caseId == null ? "0" : certification.surveyRequestKind(insurer, insured, caseId);
        payload.put("requestKind", requestKind);
        Map<String, String> application = found.flatMap(c -> exchange.document(new DocumentRef(insurer, insured,
                c.applicationDocumentId()))).map(DocumentView::payload).orElse(Map.of());
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
            // the same assignment sent before, or refused by the exchange: the case's survey is assigned already
            return new Routed.Done<>(new AssignmentResult.AlreadyAssigned());
        });
    }

    /**
     * The clerk's municipality's open cases (application type, 申請日, 進捗), each listed only when {@code access}
     * permits the clerk its 認定 information (audited per case); none for any other party.
     */
    public List<CaseSummary> openCases(Actor actor) {
        if (!municipal(actor)) {
            return List.of();
        }
        String insurerNo = actor.organisation().number();
        return certification.openCases(new InsurerNumber(insurerNo)).stream()
                .filter(c -> access.decide(actor, insurerNo, c.insured().value(), InformationCategory.CERTIFICATION,
                        Purpose.INSURER.key()).permitted())
                .map(c -> new CaseSummary(c.caseId(), c.insured(), c.applicationType(), c.appliedOn(),
                        c.progress().code(), c.progress().label()))
                .toList();
    }

    /** An open case on the clerk's list: 申請区分, 申請日 and 進捗 (code and label). */
    public record CaseSummary(UUID caseId, InsuredNumber insured, String applicationType, LocalDate appliedOn,
            String progress, String progressLabel) {
    }

    private static boolean municipal(Actor actor) {
        return !actor.isPerson() && actor.organisation() != null
                && actor.organisation().kind() == PartyKind.MUNICIPALITY;
    }

    private static Routed<AssignmentResult> rejected(String field, String label, String reason) {
        return new Routed.Done<>(new AssignmentResult.Rejected(List.of(new Violation(field, label, reason))));
    }
}
