package jp.kaigo.api;

import jp.kaigo.ingest.Inputs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kaigo.audit.AuditEntry;
import jp.kaigo.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Base64;
import jp.kaigo.identity.MyNumberCards;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.registry.Eligibility;
import jp.kaigo.relationship.OfficesInCharge;
import jp.kaigo.registry.EligibilityQuery;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.registry.RecordView;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.Violation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * 資格確認 by the numbers typed from the paper 被保険者証: one person, or up to 1,000 (一括照会). Needs the
 * office certificate and a signed-in staff member of that office.
 */
@RestController
class EligibilityController {
    static final int BATCH_LIMIT = 1000;
    private final InsuredRegistry registry;
    private final AuditLog audit;
    private final StaffAccounts staff;
    private final MyNumberCards cards;
    private final OfficesInCharge offices;

    EligibilityController(InsuredRegistry registry, AuditLog audit, StaffAccounts staff, MyNumberCards cards,
            OfficesInCharge offices) {
        this.offices = offices;
        this.registry = registry;
        this.audit = audit;
        this.staff = staff;
        this.cards = cards;
    }

    record ChallengeAnswer(String challengeId, String challenge, long expiresInSeconds) {
    }

    record CardRequest(String challengeId, String certificate, String signature, String asOf) {
    }

    /** A one-time challenge for the card reader at this office's terminal (good for 60 seconds, once). */
    @PostMapping("/api/card/challenge")
    ChallengeAnswer challenge(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http) {
        StaffController.session(staff, caller, http);
        var challenge = cards.newChallenge(caller.party());
        return new ChallengeAnswer(challenge.challengeId().toString(),
                Base64.getEncoder().encodeToString(challenge.nonce()), 60);
    }

    /** 資格確認 by My Number card: the terminal relays the card's certificate and its signed challenge. */
    @PostMapping("/api/eligibility/card")
    Answer verifyByCard(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @RequestBody CardRequest request) {
        StaffSession session = StaffController.session(staff, caller, http);
        Inputs in = new Inputs();
        Inputs.CardAnswer card = in.cardAnswer(request.challengeId(), request.certificate(), request.signature());
        LocalDate asOf = in.date(request.asOf(), "asOf", "基準日", false);
        in.check();
        var person = cards.identify(caller.party(), card.challengeId(), card.certificate(), card.signature());
        InsurerNumber insurer = new InsurerNumber(person.insurerNo());
        InsuredNumber insured = new InsuredNumber(person.insuredNo());
        LocalDate day = asOf == null ? Inputs.today() : asOf;
        Answer answer = answer(null, registry.verifyIdentified(insurer, insured, day));
        audit.record(AuditEntry.eligibility(caller.party(), session.jobType().name(), insurer.value(), insured.value(),
                true, answer.status()));
        return afterwards(caller, insurer, insured, answer, "card");
    }

    /**
     * An insured person's answer carries proof of 本人確認 for registering as 担当事業所; a lost
     * qualification ends the person's 担当事業所 relationships on the day it was lost.
     */
    private Answer afterwards(PartyUser caller, InsurerNumber insurer, InsuredNumber insured, Answer answer, String method) {
        if ("LOST".equals(answer.status()) && answer.since() != null) {
            offices.endOnLoss(insurer.value(), insured.value(), answer.since());
        }
        return answer.confirmedBy(offices, caller.party().number(), method);
    }

    record VerifyRequest(String insurerNo, String insuredNo, String birthDate, String asOf) {
    }

    record BatchRequest(List<VerifyRequest> queries) {
    }

    record Answer(Integer index, String status, String message, LocalDate asOf, LocalDate since, String insurerNo,
            String insurerName, String insuredNo, RecordView insured, RecordView careCertificate,
            RecordView burdenRatio, RecordView burdenLimit, List<Violation> errors, String confirmation) {

        /**
         * The answer with proof of 本人確認 for registering as 担当事業所 (single 資格確認 of an insured
         * person only, by card or by numbers with birth date).
         */
        Answer confirmedBy(OfficesInCharge offices, String officeNo, String method) {
            if (!"INSURED".equals(status)) {
                return this;
            }
            return new Answer(index, status, message, asOf, since, insurerNo, insurerName, insuredNo, insured,
                    careCertificate, burdenRatio, burdenLimit, errors,
                    offices.confirmationFor(officeNo, insurerNo, insuredNo, method));
        }
    }

    @PostMapping("/api/eligibility")
    Answer verify(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http, @RequestBody VerifyRequest request) {
        StaffSession session = StaffController.session(staff, caller, http);
        EligibilityQuery query = query(request);
        Answer answer = answer(null, registry.verify(query));
        audit.record(auditEntry(caller, session, query, answer));
        return afterwards(caller, query.insurer(), query.insured(), answer, "numbers");
    }

    /**
     * Every 資格確認 is recorded, whatever the answer: which office and staff job type asked, about which
     * numbers, what they were told.
     */
    private static AuditEntry auditEntry(PartyUser caller, StaffSession session, EligibilityQuery query, Answer answer) {
        return AuditEntry.eligibility(caller.party(), session.jobType().name(), query.insurer().value(),
                query.insured().value(), false, answer.status());
    }

    @PostMapping("/api/eligibility/batch")
    Map<String, List<Answer>> verifyBatch(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @RequestBody BatchRequest request) {
        StaffSession session = StaffController.session(staff, caller, http);
        if (request.queries() == null || request.queries().isEmpty()) {
            throw new InvalidValue("queries", "照会対象", "1件以上指定してください");
        }
        if (request.queries().size() > BATCH_LIMIT) {
            throw new InvalidValue("queries", "照会対象", "一度に照会できるのは" + BATCH_LIMIT + "件までです");
        }
        List<Answer> answers = new ArrayList<>(request.queries().size());
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < request.queries().size(); i++) {
            VerifyRequest q = request.queries().get(i);
            try {
                EligibilityQuery query = query(q == null ? new VerifyRequest(null, null, null, null) : q);
                Answer answer = answer(i, registry.verify(query));
                answers.add(answer);
                entries.add(auditEntry(caller, session, query, answer));
            } catch (InvalidValue e) {
                answers.add(new Answer(i, "INVALID", "照会内容に誤りがあります", null, null, null, null, null, null,
                        null, null, null, e.violations(), null));
            }
        }
        audit.recordAll(entries);
        return Map.of("results", answers);
    }

    private static EligibilityQuery query(VerifyRequest r) {
        Inputs in = new Inputs();
        InsurerNumber insurer = in.value(r.insurerNo(), InsurerNumber::new);
        InsuredNumber insured = in.value(r.insuredNo(), InsuredNumber::new);
        LocalDate birth = in.date(r.birthDate(), "birthDate", "生年月日", true);
        LocalDate asOf = in.date(r.asOf(), "asOf", "基準日", false);
        in.check();
        return new EligibilityQuery(insurer, insured, birth, asOf == null ? Inputs.today() : asOf);
    }

    private static Answer answer(Integer index, Eligibility result) {
        if (result instanceof Eligibility.Insured ok) {
            return new Answer(index, ok.status(), "資格があります", ok.asOf(), null, ok.insurerNo(), ok.insurerName(),
                    ok.insuredNo(), ok.insured(), ok.careCertificate(), ok.burdenRatio(), ok.burdenLimit(), null, null);
        }
        if (result instanceof Eligibility.NotInsured no) {
            String message = switch (no.reason()) {
                case NOT_YET_INSURED -> "基準日には資格を取得していません";
                case LOST -> "資格を喪失しています";
                case EXEMPT -> "基準日には適用除外です";
            };
            return new Answer(index, no.status(), message, no.asOf(), no.since(), null, null, null, null, null,
                    null, null, null, null);
        }
        return new Answer(index, result.status(), "該当する被保険者が見つかりません(保険者番号・被保険者番号・生年月日をご確認ください)",
                result.asOf(), null, null, null, null, null, null, null, null, null, null);
    }
}
