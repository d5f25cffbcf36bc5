package jp.kaigo.certification;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The municipality's 認定 cases for its officer's list (design §8.3): the open ones and those decided recently, each
 * with its 申請区分, 申請日 and 進捗 as codes and Japanese labels. Read only after {@code access} permitted the list.
 */
public record CaseListReport(List<Row> cases) {
    public CaseListReport {
        cases = List.copyOf(cases);
    }

    /** One case: status is open, decided or withdrawn. */
    public record Row(UUID caseId, String insuredNo, String applicationType, String applicationTypeLabel,
            LocalDate appliedOn, String progress, String progressLabel, String status, LocalDate decidedOn) {
    }
}
