package jp.kaigo.access;

import java.util.Arrays;
import java.util.Optional;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.PartyKind;

/**
 * Why a record is read (利用目的), as a caller names it: the care it gives, the medical care, the insurer's
 * own work or the platform's operation. The label is what the audit trail and the person's "who looked"
 * view show. Without one, the caller's kind of organisation decides ({@link #of(PartyKind)}).
 */
public enum Purpose {
    CARE("care", "介護サービスの提供"),
    MEDICAL("medical", "医療の提供"),
    INSURER("insurer", "保険者事務"),
    OPERATION("operation", "運営"),
    /** A member of a 介護認定審査会 reading the masked packets of their 合議体 (docs/design/certification-online.md §6.4). */
    BOARD("board", "介護認定審査会の審査"),
    /** Statistics and pseudonymised extracts made from the records (2次利用, docs/design/analytics.md). */
    SECONDARY_USE("secondary-use", "2次利用(統計・研究)");

    private final String key;
    private final String label;

    Purpose(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<Purpose> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }

    /** The purpose a staff member of this kind of organisation and job reads for when they name none. */
    public static Purpose of(PartyKind kind, JobType job) {
        return job == JobType.COMMITTEE_MEMBER ? BOARD : of(kind);
    }

    /** The purpose an organisation of this kind reads for when it names none. */
    public static Purpose of(PartyKind kind) {
        return switch (kind) {
            case MUNICIPALITY -> INSURER;
            case OFFICE -> CARE;
            case MEDICAL_INSTITUTION -> MEDICAL;
            case OPERATOR -> OPERATION;
        };
    }
}
