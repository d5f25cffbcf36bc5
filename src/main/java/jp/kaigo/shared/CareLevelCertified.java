package jp.kaigo.shared;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Published by {@code certification} when a case's 二次判定 is recorded (design §6.5): the 要介護状態区分 (code of
 * {@link CareLevel}), the 認定日 and the 認定有効期間. The registry files it into the 被保険者証 history (§6.6), the
 * notification module tells the person (認定結果通知, §7.1). {@code boardOpinion} (介護認定審査会の意見, at most 400
 * characters, may be null) is the one text it carries, for the registry (design §1.3).
 */
public record CareLevelCertified(UUID caseId, InsuredPerson person, String levelCode, LocalDate certifiedOn,
        LocalDate validFrom, LocalDate validTo, String boardOpinion) {
    public static final int BOARD_OPINION_MAX = 400;

    public CareLevelCertified {
        if (caseId == null || person == null || certifiedOn == null) {
            throw new IllegalArgumentException("caseId, person and certifiedOn are required");
        }
        CareLevel.of(levelCode);
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("validTo is before validFrom");
        }
        if (boardOpinion != null && boardOpinion.length() > BOARD_OPINION_MAX) {
            throw new IllegalArgumentException("boardOpinion is longer than " + BOARD_OPINION_MAX + " characters");
        }
    }

    public CareLevel level() {
        return CareLevel.of(levelCode);
    }
}
