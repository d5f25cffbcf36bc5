package jp.kaigo.filing;

import java.util.Map;
import java.util.UUID;
import jp.kaigo.access.AccessDecisions;
import jp.kaigo.access.AccessDecisions.CaseStep;
import jp.kaigo.access.Actor;
import jp.kaigo.access.Decision;
import jp.kaigo.certification.CareCertification;
import jp.kaigo.shared.InsuredPerson;
import org.springframework.stereotype.Service;

/**
 * The 二次判定 of a case, recorded by the municipality's officer after the 介護認定審査会 (design §6.5): access decides
 * (audited), certification records it and publishes the result, which reaches the 被保険者証 history and the person.
 */
@Service
public class CaseResults {
    private final AccessDecisions access;
    private final CareCertification certification;

    CaseResults(AccessDecisions access, CareCertification certification) {
        this.access = access;
        this.certification = certification;
    }

    /** Denied, or done; bad values are refused field by field ({@code InvalidValue}), nothing stored. */
    public Routed<UUID> record(Actor actor, InsuredPerson person, UUID caseId, Map<String, String> values) {
        Decision decision = access.mayWorkOnCase(actor, person.insurer().value(), person.insured().value(),
                CaseStep.RESULT);
        if (!decision.permitted()) {
            return new Routed.Denied<>(decision);
        }
        certification.recordResult(person, caseId, values);
        return new Routed.Done<>(caseId);
    }

    /**
     * {@link #record(Actor, InsuredPerson, UUID, Map)} for the case the actor's municipality knows by this id (an exit
     * that links cases by id); an unknown case is refused as a field error ({@code InvalidValue}).
     */
    public Routed<UUID> record(Actor actor, UUID caseId, Map<String, String> values) {
        if (actor.isPerson() || actor.organisation() == null
                || actor.organisation().kind() != jp.kaigo.shared.PartyKind.MUNICIPALITY) {
            throw new jp.kaigo.shared.InvalidValue("caseId", "認定案件", "この市町村の認定案件ではありません");
        }
        String insurer = actor.organisation().number();
        if (!(certification.caseFile(new jp.kaigo.shared.InsurerNumber(insurer), caseId)
                instanceof jp.kaigo.certification.CaseFileReport.Case found)) {
            throw new jp.kaigo.shared.InvalidValue("caseId", "認定案件", "この市町村の認定案件ではありません");
        }
        return record(actor, InsuredPerson.of(insurer, found.insuredNo()), caseId, values);
    }
}
