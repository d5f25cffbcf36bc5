package jp.kaigo.shared;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Implemented by the record modules for the {@code access} module only (like {@link CareRecordSource}): the facts
 * the statistics of 2次利用 are made of, for every person of one insurer. Minimised where they are read: a birth
 * month instead of the birth day, no name, no phone; the address only so that {@code analytics} can place the
 * person in a 日常生活圏域 (it keeps the area, never the address).
 */
public interface StatisticalSource {

    /** One history (履歴) of a person's qualification as the 被保険者証 shows it. */
    record Insured(String insuredNo, LocalDate validFrom, LocalDate validTo, String sex, YearMonth birthMonth,
            String address, LocalDate lostOn) {
    }

    /** One history of the 認定 face of the 被保険者証, with the stays in a 介護保険施設 it records. */
    record Certified(String insuredNo, LocalDate validFrom, LocalDate validTo, String careLevel,
            LocalDate certValidFrom, LocalDate certValidTo, Integer limitUnits, List<Period> facilityStays) {
    }

    /** One claim line of 給付実績 (current, reviewed by 国保連). */
    record Claim(String insuredNo, YearMonth month, String serviceType, int units, long insuranceClaim) {
    }

    /** A 要介護認定 decided: its 申請区分 and the days from the application to the decision. */
    record Decided(String insuredNo, String applicationType, LocalDate appliedOn, LocalDate certifiedOn) {
    }

    /** Receives the facts as they are read. */
    interface Sink {
        void insured(Insured insured);

        void certified(Certified certified);

        void claim(Claim claim);

        void decided(Decided decided);
    }

    /**
     * Sends the facts of the insurer's persons that bear on the months from {@code from} to {@code to} (claims of
     * those months, decisions made in them, every current history) to the sink.
     */
    void statistics(String insurerNo, YearMonth from, YearMonth to, Sink sink);
}
