package jp.kaigo.eligibility;

/** The rules a registration as 担当事業所 is checked against ({@link RegistrationRules}); each names what it checks. */
public enum RegistrationRule {
    /** The start date lies more than the grace ({@value RegistrationRules#START_DAYS_BACK} days) in the past. */
    START_TOO_EARLY,
    /** The start date lies more than {@value RegistrationRules#START_DAYS_AHEAD} days ahead. */
    START_TOO_LATE,
    /** The start date is before the person's 資格取得日 (or the registry holds no 資格 record). */
    NOT_YET_INSURED,
    /** The start date is on or after the person's 資格喪失日. */
    QUALIFICATION_LOST,
    /** The care-management service does not fit the care level in force on the start date (43 / 46 / AF). */
    CARE_LEVEL,
    /** 居宅介護支援 or 介護予防支援 with no care level in force on the start date (a warning: 暫定ケアプラン). */
    NO_CERTIFICATION,
    /** The office is not designated for the service type on the start date (office master). */
    NOT_DESIGNATED,
    /** The registry shows the person in a 介護保険施設 or a residence on the start date. */
    FACILITY_STAY
}
