package jp.kaigo.shared;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Published by {@code certification}'s daily job (design §7.1) for an open case without a decision 30 days after its
 * application (介護保険法 27条11項, statute text unverified here): the notification module sends the 処分延期通知 with
 * the expected date ({@code expectedOn}, null = 未定) and the reason, once per case.
 */
public record DecisionOverdue(UUID caseId, InsuredPerson person, LocalDate appliedOn, LocalDate expectedOn,
        Reason reason) {

    /** Why the decision is late: the clerk's choice, else derived from the case's 進捗 (design §7.1). */
    public enum Reason {
        /** 進捗 1 or 2. */
        SURVEY_PENDING("認定調査が終わっていないため"),
        /** 進捗 3. */
        OPINION_PENDING("主治医意見書が届いていないため"),
        /** 進捗 4 or 5. */
        UNDER_REVIEW("介護認定審査会で審査中のため"),
        /** Anything else the clerk gives (the text stays with the case, never in the event). */
        OTHER("その他の理由のため");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public DecisionOverdue {
        if (caseId == null || person == null || appliedOn == null || reason == null) {
            throw new IllegalArgumentException("caseId, person, appliedOn and reason are required");
        }
    }
}
