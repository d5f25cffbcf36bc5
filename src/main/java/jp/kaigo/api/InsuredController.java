package jp.kaigo.api;

import jp.kaigo.ingest.Inputs;

import java.time.LocalDate;
import java.util.List;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.registry.InsuredSnapshot;
import jp.kaigo.registry.RecordRevision;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registry reads for one person: what is in force on a day, and every revision ever stored. The
 * numbers travel in the body, never in the URL.
 */
@RestController
class InsuredController {
    private final InsuredRegistry registry;

    InsuredController(InsuredRegistry registry) {
        this.registry = registry;
    }

    record PersonRequest(String insurerNo, String insuredNo, String asOf) {
    }

    @PostMapping("/api/insured/records")
    InsuredSnapshot records(@AuthenticationPrincipal PartyUser caller, @RequestBody PersonRequest request) {
        Inputs in = new Inputs();
        InsurerNumber insurer = in.value(request.insurerNo(), InsurerNumber::new);
        InsuredNumber insured = in.value(request.insuredNo(), InsuredNumber::new);
        LocalDate asOf = in.date(request.asOf(), "asOf", "基準日", false);
        in.check();
        caller.requireMunicipality(insurer.value());
        return registry.snapshot(insurer, insured, asOf == null ? Inputs.today() : asOf)
                .orElseThrow(() -> new NotFound("該当する被保険者が見つかりません"));
    }

    @PostMapping("/api/insured/history")
    List<RecordRevision> history(@AuthenticationPrincipal PartyUser caller, @RequestBody PersonRequest request) {
        Inputs in = new Inputs();
        InsurerNumber insurer = in.value(request.insurerNo(), InsurerNumber::new);
        InsuredNumber insured = in.value(request.insuredNo(), InsuredNumber::new);
        in.check();
        caller.requireMunicipality(insurer.value());
        List<RecordRevision> revisions = registry.history(insurer, insured);
        if (revisions.isEmpty()) {
            throw new NotFound("該当する被保険者が見つかりません");
        }
        return revisions;
    }
}
