package jp.kaigo.certification;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import jp.kaigo.shared.InsuredNumber;

/**
 * Which 認定案件 an imported row is for (design §6.1): its id, or the insured person and the 申請日 of the application
 * (within the importing municipality). Resolving it to an open case is the facade's, not the layout's.
 */
sealed interface CaseReference {

    record ById(UUID caseId) implements CaseReference {
        public ById {
            Objects.requireNonNull(caseId, "caseId");
        }
    }

    record ByApplication(InsuredNumber insuredNo, LocalDate appliedOn) implements CaseReference {
        public ByApplication {
            Objects.requireNonNull(insuredNo, "insuredNo");
            Objects.requireNonNull(appliedOn, "appliedOn");
        }
    }
}
