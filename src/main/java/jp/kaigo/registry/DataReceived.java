package jp.kaigo.registry;

import java.time.Instant;

/**
 * When the insurer's data a 資格確認 answer rests on was last received, by record type (null: never): the
 * 被保険者 records, the 認定 (care certificate), the 負担割合 and the 負担限度額 records.
 */
public record DataReceived(Instant insured, Instant careCertificate, Instant burdenRatio, Instant burdenLimit) {
    static final DataReceived NEVER = new DataReceived(null, null, null, null);

    DataReceived with(RecordType type, Instant at) {
        return switch (type) {
            case INSURED -> new DataReceived(at, careCertificate, burdenRatio, burdenLimit);
            case CARE_CERTIFICATE -> new DataReceived(insured, at, burdenRatio, burdenLimit);
            case BURDEN_RATIO -> new DataReceived(insured, careCertificate, at, burdenLimit);
            case BURDEN_LIMIT -> new DataReceived(insured, careCertificate, burdenRatio, at);
            default -> this;
        };
    }
}
