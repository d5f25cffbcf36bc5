package jp.kaigo.api;

import jp.kaigo.ingest.Inputs;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kaigo.access.EmergencyOpening;
import jp.kaigo.audit.AccessRecord;
import jp.kaigo.consent.ConsentDecision;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.PartyKind;
import jp.kaigo.identity.MyNumberCards;
import jp.kaigo.person.PersonalPage;
import jp.kaigo.identity.SignInRefused;
import jp.kaigo.relationship.OfficeInCharge;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The insured person's own API (マイナポータル's part): sign-in with the My Number card, linking one's
 * own card (card + 被保険者番号 + 生年月日), who looked at my data, my offices (current and past) and
 * ending one. No client certificate: the card is the credential.
 */
@RestController
class PersonController {
    private final MyNumberCards cards;
    private final PersonalPage page;

    PersonController(MyNumberCards cards, PersonalPage page) {
        this.cards = cards;
        this.page = page;
    }

    /** A card's answer; with 保険者番号 and 被保険者番号, a registered representative signs in for that person. */
    record CardAnswer(String challengeId, String certificate, String signature, String insurerNo, String insuredNo) {
    }

    record LinkRequest(String challengeId, String certificate, String signature, String insurerNo, String insuredNo,
            String birthDate) {
    }

    record Ending(String endDate) {
    }

    @PostMapping("/api/person/challenge")
    Map<String, Object> challenge() {
        var challenge = cards.newPersonChallenge();
        return Map.of("challengeId", challenge.challengeId(), "challenge",
                Base64.getEncoder().encodeToString(challenge.nonce()), "expiresInSeconds", 60);
    }

    @PostMapping("/api/person/sign-in")
    Map<String, Object> signIn(@RequestBody CardAnswer request) {
        Inputs in = new Inputs();
        Inputs.CardAnswer card = in.cardAnswer(request.challengeId(), request.certificate(), request.signature());
        boolean acting = request.insurerNo() != null || request.insuredNo() != null;
        InsurerNumber insurer = acting ? in.value(request.insurerNo(), InsurerNumber::new) : null;
        InsuredNumber insured = acting ? in.value(request.insuredNo(), InsuredNumber::new) : null;
        in.check();
        var session = cards.signInPerson(card.challengeId(), card.certificate(), card.signature(),
                acting ? new MyNumberCards.LinkedPerson(insurer.value(), insured.value()) : null);
        return session.person().actingAs() == null
                ? Map.of("accessToken", session.token(), "expiresInSeconds", session.expiresInSeconds())
                : Map.of("accessToken", session.token(), "expiresInSeconds", session.expiresInSeconds(), "actingAs",
                        session.person().actingAs());
    }

    /**
     * Links one's own card: the signed challenge proves the card, then the numbers with the birth date the
     * person (a few wrong tries per person or card within 24 hours, then refused).
     */
    @PostMapping("/api/person/card-link")
    @ResponseStatus(HttpStatus.CREATED)
    void linkOwnCard(@RequestBody LinkRequest request) {
        Inputs in = new Inputs();
        Inputs.CardAnswer card = in.cardAnswer(request.challengeId(), request.certificate(), request.signature());
        InsurerNumber insurer = in.value(request.insurerNo(), InsurerNumber::new);
        InsuredNumber insured = in.value(request.insuredNo(), InsuredNumber::new);
        LocalDate birth = in.date(request.birthDate(), "birthDate", "生年月日", true);
        in.check();
        boolean linked = cards.linkOwnCard(card.challengeId(), card.certificate(), card.signature(), insurer.value(),
                insured.value(), birth);
        if (!linked) {
            throw new NotFound("該当する被保険者が見つかりません(保険者番号・被保険者番号・生年月日をご確認ください)");
        }
    }

    /** Who accessed my data: organisation, staff job type (never the name), when, what, why. */
    @GetMapping("/api/person/accesses")
    List<AccessRecord> accesses(HttpServletRequest http) {
        return page.accesses(me(http));
    }

    @GetMapping("/api/person/offices")
    List<OfficeInCharge> myOffices(HttpServletRequest http) {
        return page.offices(me(http));
    }

    @PostMapping("/api/person/offices/{relationshipId}/end")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void endOffice(HttpServletRequest http, @PathVariable UUID relationshipId, @RequestBody Ending request) {
        var me = me(http);
        Inputs in = new Inputs();
        LocalDate end = in.date(request.endDate(), "endDate", "終了日", true);
        in.check();
        page.endOffice(me, relationshipId, end);
    }

    record ConsentRequest(String partyKind, String partyNumber, String category, String decision) {
    }

    /** My own records of one category (no consent needed for oneself; audited like every read). */
    @GetMapping("/api/person/records/{category}")
    Map<String, Object> myRecords(HttpServletRequest http, @PathVariable String category) {
        return CareRecordsController.disclose(page.records(me(http), CareRecordsController.category(category)));
    }

    /** My 介護給付費通知, month by month, newest first. */
    @GetMapping("/api/person/benefit-statements")
    List<jp.kaigo.person.BenefitStatement> myBenefitStatements(HttpServletRequest http) {
        return page.benefitStatements(me(http));
    }

    record PaperCertificateWish(Boolean wanted) {
    }

    /** Whether I want a paper 資格確認書(仮称); the municipality prints one whenever what it shows changes. */
    @PutMapping("/api/person/paper-certificate")
    Map<String, Object> paperCertificate(HttpServletRequest http, @RequestBody PaperCertificateWish wish) {
        if (wish == null || wish.wanted() == null) {
            throw new InvalidValue("wanted", "紙の資格確認書", "true(希望する)または false(希望しない)を指定してください");
        }
        page.wantPaperCertificate(me(http), wish.wanted());
        return Map.of("wanted", wish.wanted());
    }

    record PlanAnswer(Boolean agree, String note) {
    }

    /** My answer to a care plan's 原案 (the records of care-plan list it as care-plan-proposal with its planId). */
    @PostMapping("/api/person/care-plans/{planId}/answer")
    Map<String, Object> answerPlan(HttpServletRequest http, @PathVariable UUID planId, @RequestBody PlanAnswer answer) {
        if (answer == null || answer.agree() == null) {
            throw new InvalidValue("agree", "同意", "true(同意する)または false(同意しない)を指定してください");
        }
        return Map.of("planId", planId, "status",
                page.answerPlan(me(http), planId, answer.agree(), answer.note()).code());
    }

    /** My consent decisions, oldest first: the municipality's 包括同意 and my own consents and refusals. */
    @GetMapping("/api/person/consents")
    List<ConsentDecision> myConsents(HttpServletRequest http) {
        return page.consents(me(http));
    }

    /**
     * Give or refuse (withdraw) consent: for one organisation or all ({@code partyKind} empty), for one
     * category or all ({@code category} empty). Applies from the next request on.
     */
    @PostMapping("/api/person/consents")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> decide(HttpServletRequest http, @RequestBody ConsentRequest request) {
        var me = me(http);
        Inputs in = new Inputs();
        Party party = request.partyKind() == null || request.partyKind().isBlank() ? null
                : in.value(request.partyKind(), kind -> new Party(PartyKind.ofCode(kind).orElseThrow(
                        () -> new InvalidValue("partyKind", "相手先の種別", "office または medical-institution を指定してください")),
                        request.partyNumber() == null ? "" : request.partyNumber().strip()));
        InformationCategory category = in.category(request.category());
        boolean give = in.consentDecision(request.decision());
        in.check();
        return Map.of("decisionId", page.decide(me, party, category, give).decisionId());
    }

    /** Break-glass openings of my records: who, why, until when, and whether the municipality reviewed it. */
    @GetMapping("/api/person/emergency-openings")
    List<EmergencyOpening> myEmergencyOpenings(HttpServletRequest http) {
        return page.openings(me(http));
    }


    private MyNumberCards.LinkedPerson me(HttpServletRequest http) {
        return cards.personOf(StaffController.bearer(http))
                .orElseThrow(() -> new SignInRefused("マイナンバーカードでログインしてください(トークンがないか期限切れです)"));
    }
}
