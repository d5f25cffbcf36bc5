package jp.kaigo.api;

import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.PartyKind;
import jp.kaigo.shared.Party;
import java.util.ArrayList;
import java.time.LocalDate;
import jp.kaigo.ingest.Inputs;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kaigo.access.EmergencyOpening;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.municipality.MunicipalDesk;
import jp.kaigo.eligibility.EligibilityVerification;
import jp.kaigo.shared.InformationCategory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The municipality's part of consent and access: registering the 包括同意 collected at 認定申請 or 更新,
 * and reviewing break-glass openings about its insured.
 */
@RestController
class ConsentController {
    private final EligibilityVerification eligibility;
    private final MunicipalDesk desk;
    private final StaffAccounts staff;

    ConsentController(EligibilityVerification eligibility, MunicipalDesk desk, StaffAccounts staff) {
        this.eligibility = eligibility;
        this.desk = desk;
        this.staff = staff;
    }

    record StatementRequest(String challengeId, String category, String decision) {
    }

    record TerminalConsent(String challengeId, String certificate, String signature, String signingCertificate,
            String statementSignature, String category, String decision) {
    }

    /**
     * The statement the person signs at this office's terminal (after {@code POST /api/card/challenge}):
     * consent, or refusal, to this office for one category or all.
     */
    @PostMapping("/api/consents/terminal/statement")
    Map<String, String> statement(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @RequestBody StatementRequest request) {
        StaffSession session = StaffController.session(staff, caller, http);
        Inputs in = new Inputs();
        UUID challenge = in.value(request.challengeId(), v -> Inputs.uuid(v, "challengeId", "チャレンジID"));
        InformationCategory category = in.category(request.category());
        boolean give = in.consentDecision(request.decision());
        in.check();
        return Map.of("statement", eligibility.terminalStatement(session, challenge, category, give));
    }

    /**
     * Consent given or refused at the office terminal with the My Number card: the 利用者証明用 key answers
     * the challenge (who), the 署名用 key signs the statement (what); the signature is kept as evidence.
     */
    @PostMapping("/api/consents/terminal")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> signedAtTerminal(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @RequestBody TerminalConsent request) {
        StaffSession session = StaffController.session(staff, caller, http);
        Inputs in = new Inputs();
        Inputs.CardAnswer card = in.cardAnswer(request.challengeId(), request.certificate(), request.signature());
        byte[] signing = in.value(request.signingCertificate(), v -> Inputs.base64(v, "signingCertificate", "署名用電子証明書"));
        byte[] signature = in.value(request.statementSignature(), v -> Inputs.base64(v, "statementSignature", "同意書への署名"));
        InformationCategory category = in.category(request.category());
        boolean give = in.consentDecision(request.decision());
        in.check();
        var decided = eligibility.consentAtTerminal(session, card.challengeId(), card.certificate(), card.signature(),
                signing, signature, category, give);
        return Map.of("decisionId", decided.decisionId(), "insurerNo", decided.insurerNo(), "insuredNo",
                decided.insuredNo());
    }

    record Blanket(String occasion) {
    }

    record Review(String note) {
    }

    @PostMapping("/api/municipalities/{insurerNo}/insured/{insuredNo}/blanket-consent")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> registerBlanket(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @PathVariable String insurerNo, @PathVariable String insuredNo, @RequestBody Blanket request) {
        caller.requireMunicipality(insurerNo);
        return Map.of("decisionId", desk.registerBlanketConsent(StaffController.session(staff, caller, http), insuredNo,
                request.occasion()));
    }

    record PartyRef(String kind, String number) {
    }

    record Disaster(String area, String validFrom, String validTo, List<PartyRef> parties) {
    }

    /**
     * A disaster mode (災害時, national-design.md A3): for an area and a period, the named offices and institutions
     * may use break-glass for this municipality's insured without a relationship. Needs a municipal staff member.
     */
    @PostMapping("/api/municipalities/{insurerNo}/disaster-modes")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> declareDisaster(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @PathVariable String insurerNo, @RequestBody Disaster request) {
        caller.requireMunicipality(insurerNo);
        StaffSession session = StaffController.session(staff, caller, http);
        Inputs in = new Inputs();
        LocalDate from = in.date(request.validFrom(), "validFrom", "開始日", true);
        LocalDate to = in.date(request.validTo(), "validTo", "終了日", true);
        List<Party> parties = new ArrayList<>();
        for (PartyRef p : request.parties() == null ? List.<PartyRef>of() : request.parties()) {
            Party party = in.value(p == null ? null : p.kind(), kind -> new Party(PartyKind.ofCode(kind).orElseThrow(
                    () -> new InvalidValue("parties", "対象機関", "office または medical-institution を指定してください")),
                    p.number() == null ? "" : p.number().strip()));
            if (party != null) {
                parties.add(party);
            }
        }
        in.check();
        return Map.of("disasterId", desk.declareDisaster(session, request.area(), from, to, parties));
    }

    @PostMapping("/api/municipalities/{insurerNo}/disaster-modes/{disasterId}/end")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void endDisaster(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http, @PathVariable String insurerNo,
            @PathVariable UUID disasterId) {
        caller.requireMunicipality(insurerNo);
        desk.endDisaster(StaffController.session(staff, caller, http), disasterId);
    }

    @GetMapping("/api/municipalities/{insurerNo}/emergency-openings")
    List<EmergencyOpening> toReview(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @PathVariable String insurerNo) {
        caller.requireMunicipality(insurerNo);
        return desk.openingsToReview(StaffController.session(staff, caller, http));
    }

    @PostMapping("/api/municipalities/{insurerNo}/emergency-openings/{openingId}/review")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void review(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http, @PathVariable String insurerNo,
            @PathVariable UUID openingId, @RequestBody Review request) {
        caller.requireMunicipality(insurerNo);
        desk.review(StaffController.session(staff, caller, http), openingId, request.note());
    }
}
