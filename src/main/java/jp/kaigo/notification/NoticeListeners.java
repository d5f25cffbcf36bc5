package jp.kaigo.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import jp.kaigo.shared.BenefitsRecorded;
import jp.kaigo.shared.CareLevelCertified;
import jp.kaigo.shared.CertificateChanged;
import jp.kaigo.shared.ConsentRecorded;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.CarePlanIssued;
import jp.kaigo.shared.CarePlanProposed;
import jp.kaigo.shared.PartyKind;
import jp.kaigo.shared.DecisionOverdue;
import jp.kaigo.shared.EmergencyOpened;
import jp.kaigo.shared.OrganisationFirstAccess;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.RenewalDue;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Makes a notice from each event of §7.1, after the publisher's commit, asynchronously, in a transaction of its own
 * ({@link ApplicationModuleListener}); the event publication registry re-delivers an event whose listener did not
 * finish (a crash, a restart), and the deduplication key makes the second delivery a no-op.
 */
@Component
class NoticeListeners {
    private final NoticeDesk desk;

    NoticeListeners(NoticeDesk desk) {
        this.desk = desk;
    }

    /** 認定結果通知, once per case. */
    @ApplicationModuleListener
    void on(CareLevelCertified event) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("level", event.levelCode());
        params.put("certifiedOn", event.certifiedOn().toString());
        if (event.validFrom() != null) {
            params.put("validFrom", event.validFrom().toString());
        }
        if (event.validTo() != null) {
            params.put("validTo", event.validTo().toString());
        }
        desk.give(event.person(), NoticeKind.CERTIFICATION_RESULT, "result:" + event.caseId(), event.caseId().toString(),
                params);
    }

    /** 認定更新勧奨, once per 認定有効期間終了日. */
    @ApplicationModuleListener
    void on(RenewalDue event) {
        desk.give(event.person(), NoticeKind.RENEWAL_REMINDER, "renewal:" + event.certValidTo(), null,
                Map.of("certValidTo", event.certValidTo().toString()));
    }

    /** 処分延期通知, once per case. */
    @ApplicationModuleListener
    void on(DecisionOverdue event) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("appliedOn", event.appliedOn().toString());
        if (event.expectedOn() != null) {
            params.put("expectedOn", event.expectedOn().toString());
        }
        params.put("reason", event.reason().name());
        desk.give(event.person(), NoticeKind.POSTPONEMENT, "postponement:" + event.caseId(), event.caseId().toString(),
                params);
    }

    /** 緊急時の閲覧のお知らせ, once per opening. */
    @ApplicationModuleListener
    void on(EmergencyOpened event) {
        Map<String, String> params = organisation(event.organisation(), event.organisationName());
        params.put("openedAt", event.openedAt().toString());
        params.put("expiresAt", event.expiresAt().toString());
        desk.give(event.person(), NoticeKind.BREAK_GLASS, "breakglass:" + event.openingId(),
                event.openingId().toString(), params);
    }

    /** An organisation new to the person looked: once per organisation. */
    @ApplicationModuleListener
    void on(OrganisationFirstAccess event) {
        Map<String, String> params = organisation(event.organisation(), event.organisationName());
        params.put("at", event.at().toString());
        desk.give(event.person(), NoticeKind.FIRST_ACCESS,
                "first-access:" + event.organisation().kind().code() + ":" + event.organisation().number(), null, params);
    }

    /** 原案 to agree to: once per plan and showing (a plan shown again after a change is told again). */
    @ApplicationModuleListener
    void on(CarePlanProposed event) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("organisationKind", PartyKind.OFFICE.code());
        params.put("organisationNumber", event.officeNo());
        params.put("planDate", event.planDate().toString());
        desk.give(event.person(), NoticeKind.PLAN_PROPOSED, "plan-proposed:" + event.planId() + ":" + event.proposedAt(),
                event.planId().toString(), params);
    }

    /** 交付, once per plan. */
    @ApplicationModuleListener
    void on(CarePlanIssued event) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("organisationKind", PartyKind.OFFICE.code());
        params.put("organisationNumber", event.officeNo());
        params.put("planDate", event.planDate().toString());
        params.put("recipients", String.valueOf(event.recipients().size()));
        desk.give(event.person(), NoticeKind.PLAN_ISSUED, "plan-issued:" + event.planId(), event.planId().toString(),
                params);
    }

    /** 介護給付費通知: once per person and サービス提供年月, made for everyone in the import at once. */
    @ApplicationModuleListener
    void on(BenefitsRecorded event) {
        List<NoticeBook.Many> notices = event.months().stream().map(m -> {
            Map<String, String> params = new LinkedHashMap<>();
            String month = m.serviceMonth().toString().substring(0, 7);
            params.put("serviceMonth", month);
            params.put("services", String.valueOf(m.services()));
            params.put("totalCost", String.valueOf(m.totalCost()));
            params.put("userCharge", String.valueOf(m.userCharge()));
            return new NoticeBook.Many(m.insuredNo(), "benefit:" + month, params);
        }).toList();
        desk.giveMany(new InsurerNumber(event.insurerNo()), NoticeKind.BENEFIT_STATEMENT, notices);
    }

    /** 負担割合証・負担限度額認定証 changed: once per person and certificate in force (its start and value). */
    @ApplicationModuleListener
    void on(CertificateChanged event) {
        boolean ratio = event.recordType().equals("burden-ratio");
        List<NoticeBook.Many> notices = event.changes().stream().map(c -> {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("value", c.value());
            params.put("validFrom", c.validFrom().toString());
            if (c.validTo() != null) {
                params.put("validTo", c.validTo().toString());
            }
            return new NoticeBook.Many(c.insuredNo(), event.recordType() + ":" + c.validFrom() + ":" + c.code(), params);
        }).toList();
        desk.giveMany(new InsurerNumber(event.insurerNo()),
                ratio ? NoticeKind.BURDEN_RATIO_CHANGED : NoticeKind.BURDEN_LIMIT_CHANGED, notices);
    }

    /** A consent recorded for the person by someone else: once per decision. */
    @ApplicationModuleListener
    void on(ConsentRecorded event) {
        Map<String, String> params = new LinkedHashMap<>();
        if (event.party() != null) {
            params.put("partyKind", event.party().kind().code());
            params.put("partyNumber", event.party().number());
        }
        if (event.category() != null) {
            params.put("categoryLabel", event.category().label());
        }
        params.put("give", String.valueOf(event.give()));
        params.put("by", event.by());
        params.put("at", event.at().toString());
        desk.give(event.person(), NoticeKind.CONSENT_RECORDED, "consent:" + event.decisionId(), null, params);
    }

    private static Map<String, String> organisation(Party organisation, String name) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("organisationKind", organisation.kind().code());
        params.put("organisationNumber", organisation.number());
        if (name != null) {
            params.put("organisationName", name);
        }
        return params;
    }
}
