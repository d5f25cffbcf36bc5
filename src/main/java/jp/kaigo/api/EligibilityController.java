package jp.kaigo.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kaigo.eligibility.EligibilityAnswer;
import jp.kaigo.eligibility.EligibilityVerification;
import jp.kaigo.eligibility.GuessingAlert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.registry.EligibilityQuery;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.InvalidValue;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 資格確認 (by the numbers typed from the paper 被保険者証, by My Number card, or up to 1,000 at once) and the
 * 負担限度額 consent recorded at the office: request → {@link EligibilityVerification} → answer. Needs the office
 * certificate and a signed-in staff member of that office.
 */
@RestController
class EligibilityController {
    private final EligibilityVerification eligibility;
    private final StaffAccounts staff;

    EligibilityController(EligibilityVerification eligibility, StaffAccounts staff) {
        this.eligibility = eligibility;
        this.staff = staff;
    }

    record ChallengeAnswer(String challengeId, String challenge, long expiresInSeconds) {
    }

    record CardRequest(String challengeId, String certificate, String signature, String asOf) {
    }

    record VerifyRequest(String insurerNo, String insuredNo, String birthDate, String asOf) {
    }

    record BatchRequest(List<VerifyRequest> queries) {
    }

    record BurdenLimitConsent(String confirmation, String method) {
    }

    /** A one-time challenge for the card reader at this office's terminal (good for 60 seconds, once). */
    @PostMapping("/api/card/challenge")
    ChallengeAnswer challenge(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http) {
        var challenge = eligibility.cardChallenge(StaffController.session(staff, caller, http));
        return new ChallengeAnswer(challenge.challengeId().toString(),
                Base64.getEncoder().encodeToString(challenge.nonce()), 60);
    }

    /** 資格確認 by My Number card: the terminal relays the card's certificate and its signed challenge. */
    @PostMapping("/api/eligibility/card")
    EligibilityAnswer verifyByCard(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @RequestBody CardRequest request) {
        var session = StaffController.session(staff, caller, http);
        Inputs in = new Inputs();
        Inputs.CardAnswer card = in.cardAnswer(request.challengeId(), request.certificate(), request.signature());
        LocalDate asOf = in.date(request.asOf(), "asOf", "基準日", false);
        in.check();
        return eligibility.verifyByCard(session, card.challengeId(), card.certificate(), card.signature(),
                asOf == null ? Inputs.today() : asOf);
    }

    @PostMapping("/api/eligibility")
    EligibilityAnswer verify(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @RequestBody VerifyRequest request) {
        var session = StaffController.session(staff, caller, http);
        return eligibility.verify(session, query(request));
    }

    @PostMapping("/api/eligibility/batch")
    Map<String, List<EligibilityAnswer>> verifyBatch(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @RequestBody BatchRequest request) {
        var session = StaffController.session(staff, caller, http);
        List<EligibilityVerification.BatchItem> items = new ArrayList<>();
        for (VerifyRequest q : request.queries() == null ? List.<VerifyRequest>of() : request.queries()) {
            try {
                items.add(new EligibilityVerification.BatchItem(query(q == null ? new VerifyRequest(null, null, null, null) : q), null));
            } catch (InvalidValue e) {
                items.add(new EligibilityVerification.BatchItem(null, e.violations()));
            }
        }
        return Map.of("results", eligibility.verifyBatch(session, items));
    }

    /**
     * The person consented, orally ({@code oral}) or in writing ({@code written}), to this office seeing their
     * 負担限度額認定証; recorded with the proof of the 資格確認 just made. The next 資格確認 shows it.
     */
    @PostMapping("/api/eligibility/burden-limit-consent")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> burdenLimitConsent(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @RequestBody BurdenLimitConsent request) {
        var session = StaffController.session(staff, caller, http);
        return Map.of("decisionId", eligibility.recordBurdenLimitConsent(session, request.confirmation(), request.method()));
    }

    /** For the municipality's staff: offices that tried wrong birth dates on its insured (30 days), and their stops. */
    @GetMapping("/api/municipalities/{insurerNo}/wrong-birth-dates")
    List<GuessingAlert> wrongBirthDates(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @PathVariable String insurerNo) {
        caller.requireMunicipality(insurerNo);
        return eligibility.guessingAlerts(StaffController.session(staff, caller, http));
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
}
