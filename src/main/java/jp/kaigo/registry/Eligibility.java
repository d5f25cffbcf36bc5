package jp.kaigo.registry;

import java.time.LocalDate;

/** The answer of 資格確認 for one person on one day. */
public sealed interface Eligibility {

    LocalDate asOf();

    /** When the insurer's data this answer rests on was last received (null for an unknown insurer). */
    DataReceived received();

    /** Insured that day, with the facts of the certificates in force (null where none is). */
    record Insured(LocalDate asOf, DataReceived received, String insurerNo, String insurerName, String insuredNo,
            RecordView insured, RecordView careCertificate, RecordView burdenRatio, RecordView burdenLimit)
            implements Eligibility {
    }

    /** Known, but not insured that day: before 資格取得, after 資格喪失, or 適用除外. */
    record NotInsured(LocalDate asOf, DataReceived received, Reason reason, LocalDate since) implements Eligibility {
    }

    /**
     * No such person, or the birth date does not match: deliberately the same answer (and the same work), so
     * that the numbers alone reveal nothing.
     */
    record Unknown(LocalDate asOf, DataReceived received) implements Eligibility {
    }

    enum Reason {
        NOT_YET_INSURED, LOST, EXEMPT
    }
}
