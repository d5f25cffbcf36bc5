package jp.kaigo.filing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import jp.kaigo.access.Actor;
import jp.kaigo.certification.CareCertification;
import jp.kaigo.consent.Consents;
import jp.kaigo.exchange.DocumentView;
import jp.kaigo.notification.ContactPreferences;
import jp.kaigo.notification.Notices;
import jp.kaigo.notification.RecordedBy;
import jp.kaigo.shared.InsuredPerson;
import org.springframework.stereotype.Component;

/**
 * Acceptance hands a document to the module that owns what it says (design §2.8), in the acceptance's transaction:
 * an application opens its 認定 case, registers the 包括同意 it gives and the wish to get the result on paper too;
 * a 主治医意見書 becomes the case's doctor-opinion record, a 調査票 its care-survey record, a 居宅サービス計画作成依頼届出
 * the 被保険者証's 居宅介護支援事業者 (through the registry, after the commit). Kinds whose owner is not
 * built yet are accepted as documents only.
 */
@Component
class Owners {
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** 包括同意 1 同意する (DocumentLayouts.certificationApplication). */
    private static final String CONSENTS = "1";
    /** 結果通知を紙でも受け取る 1 はい (DocumentLayouts.certificationApplication). */
    private static final String ON_PAPER = "1";
    /** The 同意の機会 of each 申請区分 (Consents.OCCASIONS). */
    private static final Map<String, String> OCCASION = Map.of("1", "認定申請", "2", "更新申請", "3", "区分変更申請");

    private final CareCertification certification;
    private final Consents consents;
    private final OpinionFiling opinions;
    private final Notices notices;

    private final org.springframework.context.ApplicationEventPublisher events;

    Owners(CareCertification certification, Consents consents, OpinionFiling opinions, Notices notices,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.notices = notices;
        this.certification = certification;
        this.consents = consents;
        this.opinions = opinions;
    }

    void accepted(Actor clerk, DocumentView document) {
        switch (document.kind()) {
            case CERTIFICATION_APPLICATION -> application(clerk, document);
            case DOCTOR_OPINION -> opinions.accepted(document);
            case CARE_SURVEY -> survey(document);
            case CARE_PLAN_NOTIFICATION -> planOffice(document);
            default -> {
                // owned by increments to come; the document itself is accepted
            }
        }
    }

    /**
     * An accepted 居宅サービス計画作成依頼届出 tells the registry who makes the plan from when (care-documents §4); its
     * 届出年月日 is the day it reached the municipality.
     */
    private void planOffice(DocumentView document) {
        Map<String, String> payload = document.payload();
        events.publishEvent(new jp.kaigo.shared.PlanOfficeNotified(document.document().documentId(),
                new InsuredPerson(document.document().insurer(), document.document().insured()),
                payload.get("planKind"), payload.get("officeNo"), payload.get("officeName"),
                LocalDate.ofInstant(document.sentAt(), JAPAN), LocalDate.parse(payload.get("startOn"))));
    }

    private void application(Actor clerk, DocumentView document) {
        Map<String, String> payload = document.payload();
        String type = payload.get("applicationType");
        LocalDate appliedOn = LocalDate.ofInstant(document.sentAt(), JAPAN);
        certification.openCase(new CareCertification.CaseDraft(document.document().insurer(),
                document.document().insured(), document.document().documentId(), type, appliedOn,
                payload.get("doctorInstitutionCode")));
        if (CONSENTS.equals(payload.get("blanketConsent"))) {
            consents.registerBlanket(document.document().insurer().value(), document.document().insured().value(),
                    OCCASION.get(type), clerk.staffId());
        }
        InsuredPerson person = new InsuredPerson(document.document().insurer(), document.document().insured());
        ContactPreferences now = notices.preferences(person);
        if (ON_PAPER.equals(payload.get("resultByPaper")) && !now.paper()) {
            // "いいえ" keeps what the person chose before; "はい" adds paper to it
            notices.setPreferences(person, new ContactPreferences(true, now.email(), now.sms()), RecordedBy.MUNICIPALITY);
        }
    }

    /**
     * The accepted 調査票 becomes the case's care-survey record and closes its assignment (design §4.1); a survey
     * answering no open assignment (already accepted, or the case closed) is refused with the whole acceptance.
     */
    private void survey(DocumentView document) {
        certification.acceptSurvey(new CareCertification.AcceptedSurvey(document.document().insurer(),
                document.document().insured(), document.document().documentId(), document.inReplyTo(),
                document.payload()));
    }
}
