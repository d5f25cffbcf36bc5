package jp.kaigo.api;

import jp.kaigo.ingest.Inputs;

import java.time.LocalDate;
import jp.kaigo.audit.AuditEntry;
import jp.kaigo.audit.AuditLog;
import jp.kaigo.identity.MyNumberCards;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A municipality links a person's My Number card (its 利用者証明用 certificate) to one of its own
 * insured, e.g. at the counter after checking the card. Only the certificate's issuer and serial
 * are kept.
 */
@RestController
class CardLinkController {
    private final MyNumberCards cards;
    private final InsuredRegistry registry;
    private final AuditLog audit;

    CardLinkController(MyNumberCards cards, InsuredRegistry registry, AuditLog audit) {
        this.cards = cards;
        this.registry = registry;
        this.audit = audit;
    }

    record LinkRequest(String certificate, String insuredNo) {
    }

    record RepresentativeRequest(String certificate, String insuredNo, String kind) {
    }

    /**
     * Registers a representative (法定代理人 {@code legal-agent}, 成年後見人 {@code guardian}) of one of the
     * municipality's insured, by the representative's own card; they then sign in with it for the person.
     */
    @PostMapping("/api/municipalities/{insurerNo}/representatives")
    @ResponseStatus(HttpStatus.CREATED)
    void registerRepresentative(@AuthenticationPrincipal PartyUser caller, @PathVariable String insurerNo,
            @RequestBody RepresentativeRequest request) {
        byte[] certificate = representativeCard(request);
        InsuredNumber insured = ownInsured(registry, caller, insurerNo, request.insuredNo());
        cards.linkRepresentative(certificate, insurerNo, insured.value(), request.kind(), caller.party());
    }

    @PostMapping("/api/municipalities/{insurerNo}/representatives/end")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void endRepresentative(@AuthenticationPrincipal PartyUser caller, @PathVariable String insurerNo,
            @RequestBody RepresentativeRequest request) {
        byte[] certificate = representativeCard(request);
        InsuredNumber insured = ownInsured(registry, caller, insurerNo, request.insuredNo());
        cards.endRepresentative(certificate, insurerNo, insured.value(), caller.party());
    }

    private static byte[] representativeCard(RepresentativeRequest request) {
        Inputs in = new Inputs();
        byte[] certificate = in.value(request.certificate(), v -> Inputs.base64(v, "certificate", "代理人のカードの証明書"));
        in.check();
        return certificate;
    }

    /** The insured person of the calling municipality named in the request (404 when unknown). */
    static InsuredNumber ownInsured(InsuredRegistry registry, PartyUser caller, String insurerNo, String insuredNo) {
        caller.requireMunicipality(insurerNo);
        Inputs in = new Inputs();
        InsuredNumber insured = in.value(insuredNo, InsuredNumber::new);
        in.check();
        if (registry.snapshot(new InsurerNumber(insurerNo), insured, LocalDate.now(Inputs.JAPAN)).isEmpty()) {
            throw new NotFound("該当する被保険者が見つかりません");
        }
        return insured;
    }

    @PostMapping("/api/municipalities/{insurerNo}/card-links")
    @ResponseStatus(HttpStatus.CREATED)
    void link(@AuthenticationPrincipal PartyUser caller, @PathVariable String insurerNo, @RequestBody LinkRequest request) {
        caller.requireMunicipality(insurerNo);
        Inputs in = new Inputs();
        InsuredNumber insured = in.value(request.insuredNo(), InsuredNumber::new);
        byte[] certificate = in.value(request.certificate(), v -> Inputs.base64(v, "certificate", "カードの証明書"));
        in.check();
        InsurerNumber insurer = new InsurerNumber(insurerNo);
        if (registry.snapshot(insurer, insured, LocalDate.now(Inputs.JAPAN)).isEmpty()) {
            throw new NotFound("該当する被保険者が見つかりません");
        }
        cards.link(certificate, insurer.value(), insured.value(), caller.party());
        audit.record(new AuditEntry("card-link", caller.party().kind().code(), caller.party().number(), null,
                insurer.value(), insured.value(), "マイナンバーカードの紐付け", "本人確認の準備", "LINKED"));
    }
}
