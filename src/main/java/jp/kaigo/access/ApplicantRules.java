package jp.kaigo.access;

import java.time.LocalDate;

/**
 * What a person may apply for online (要介護・要支援認定の申請), as a pure function of what the registry and the
 * certification records hold (docs/design/certification-online.md §3.1, rows A1–A10; first match wins). Who may send
 * the application at all is {@link ExchangeRules} (S1–S5). {@code ApplicantDecisionTableTests} checks every
 * combination against the design's table.
 */
final class ApplicantRules {
    /** 更新申請 is possible from this many days before the end of the 有効期間 (施行規則, unverified here). */
    static final int RENEWAL_FROM_DAYS = 60;
    /** 第2号被保険者: aged 40 to 64 on the application date. */
    static final int SECOND_INSURED_FROM = 40;
    static final int SECOND_INSURED_TO = 64;

    /** 申請区分 (the codes of {@code CertificationLayouts}' applicationType). */
    enum ApplicationType {
        NEW("1"), RENEWAL("2"), CHANGE("3"), TRANSFER("4");

        private final String code;

        ApplicationType(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    /** The person's latest 認定 with a level (要支援1–要介護5; 非該当 is none): its 有効期間. */
    record Certified(LocalDate validFrom, LocalDate validTo) {
        boolean inForceOn(LocalDate day) {
            return !day.isBefore(validFrom) && !day.isAfter(validTo);
        }
    }

    /**
     * @param appliedOn            the application date (today, online)
     * @param insuredByRecipient   the registry shows the person insured by the recipient municipality today
     * @param lostOn               the registry's 資格喪失日, or null
     * @param caseOpen             an application of the person is open (sent, delivered, read, or accepted and not decided)
     * @param latest               the latest 認定 with a level, or null if the person never had one
     * @param age                  the person's age on the application date
     * @param specificDiseaseGiven the application names a 特定疾病
     */
    record Facts(ApplicationType type, LocalDate appliedOn, boolean insuredByRecipient, LocalDate lostOn,
            boolean caseOpen, Certified latest, int age, boolean specificDiseaseGiven) {
    }

    private ApplicantRules() {
    }

    static AccessReason decide(Facts f) {
        LocalDate day = f.appliedOn();
        if (!f.insuredByRecipient()) {
            return AccessReason.OTHER_INSURER; // A1
        }
        if (f.lostOn() != null && !f.lostOn().isAfter(day)) {
            return AccessReason.QUALIFICATION_LOST; // A2
        }
        if (f.caseOpen()) {
            return AccessReason.ALREADY_OPEN; // A3
        }
        boolean inForce = f.latest() != null && f.latest().inForceOn(day);
        if (f.type() == ApplicationType.NEW && inForce) {
            return AccessReason.USE_UPDATE_OR_CHANGE; // A4
        }
        if (f.type() == ApplicationType.RENEWAL
                && (f.latest() == null || day.isBefore(firstRenewalDay(f.latest())))) {
            return AccessReason.RENEWAL_NOT_YET; // A5
        }
        if (f.type() == ApplicationType.RENEWAL && f.latest().validTo().isBefore(day)) {
            return AccessReason.USE_NEW; // A6
        }
        if (f.type() == ApplicationType.CHANGE && !inForce) {
            return AccessReason.USE_NEW; // A7
        }
        if (f.age() >= SECOND_INSURED_FROM && f.age() <= SECOND_INSURED_TO && !f.specificDiseaseGiven()) {
            return AccessReason.SPECIFIC_DISEASE_REQUIRED; // A8
        }
        if (f.type() == ApplicationType.TRANSFER) {
            return AccessReason.NOT_ONLINE; // A9
        }
        return AccessReason.APPLICABLE; // A10
    }

    /** The first day a 更新申請 is accepted for the 認定 (the message of RENEWAL_NOT_YET names it). */
    static LocalDate firstRenewalDay(Certified latest) {
        return latest.validTo().minusDays(RENEWAL_FROM_DAYS);
    }
}
