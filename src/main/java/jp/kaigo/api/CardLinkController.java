package jp.kaigo.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Base64;
import java.util.Map;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.municipality.MunicipalDesk;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * At the municipality's counter, with the card present: the person's (or a representative's) card answers a
 * challenge of this counter, then the municipal staff member links it to one of the municipality's insured or
 * registers the representative. Only the certificate's issuer and serial are kept; every step is audited.
 */
@RestController
class CardLinkController {
    private final MunicipalDesk desk;
    private final StaffAccounts staff;

    CardLinkController(MunicipalDesk desk, StaffAccounts staff) {
        this.desk = desk;
        this.staff = staff;
    }

    record CardAtCounter(String challengeId, String certificate, String signature, String insuredNo, String kind) {
    }

    /** A one-time challenge for the card reader at this municipality's counter (60 seconds, once). */
    @PostMapping("/api/municipalities/{insurerNo}/card-challenge")
    Map<String, Object> challenge(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @PathVariable String insurerNo) {
        caller.requireMunicipality(insurerNo);
        var challenge = desk.counterChallenge(StaffController.session(staff, caller, http));
        return Map.of("challengeId", challenge.challengeId(), "challenge",
                Base64.getEncoder().encodeToString(challenge.nonce()), "expiresInSeconds", 60);
    }

    @PostMapping("/api/municipalities/{insurerNo}/card-links")
    @ResponseStatus(HttpStatus.CREATED)
    void link(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http, @PathVariable String insurerNo,
            @RequestBody CardAtCounter request) {
        caller.requireMunicipality(insurerNo);
        var session = StaffController.session(staff, caller, http);
        Inputs.CardAnswer card = card(request);
        desk.linkCard(session, request.insuredNo(), card.challengeId(), card.certificate(), card.signature());
    }

    /**
     * Registers a representative (法定代理人 {@code legal-agent}, 成年後見人 {@code guardian}) of one of the
     * municipality's insured, by the representative's own card answering this counter's challenge.
     */
    @PostMapping("/api/municipalities/{insurerNo}/representatives")
    @ResponseStatus(HttpStatus.CREATED)
    void registerRepresentative(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @PathVariable String insurerNo, @RequestBody CardAtCounter request) {
        caller.requireMunicipality(insurerNo);
        var session = StaffController.session(staff, caller, http);
        Inputs.CardAnswer card = card(request);
        desk.registerRepresentative(session, request.insuredNo(), request.kind(), card.challengeId(), card.certificate(),
                card.signature());
    }

    @PostMapping("/api/municipalities/{insurerNo}/representatives/end")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void endRepresentative(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @PathVariable String insurerNo, @RequestBody CardAtCounter request) {
        caller.requireMunicipality(insurerNo);
        Inputs in = new Inputs();
        byte[] certificate = in.value(request.certificate(), v -> Inputs.base64(v, "certificate", "代理人のカードの証明書"));
        in.check();
        desk.endRepresentative(StaffController.session(staff, caller, http), request.insuredNo(), certificate);
    }

    private static Inputs.CardAnswer card(CardAtCounter request) {
        Inputs in = new Inputs();
        Inputs.CardAnswer card = in.cardAnswer(request.challengeId(), request.certificate(), request.signature());
        in.value(request.insuredNo(), jp.kaigo.shared.InsuredNumber::new);
        in.check();
        return card;
    }
}
