package jp.kaigo.certification;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One 認定 case of the municipality as its officer's case page shows it (design §8.3): the case, its application
 * document, its survey assignments, the 意見書 request and its answer, the 一次判定 and the result; or
 * {@link Unknown} when the municipality has no case of that id. Read only for the disclosure {@code access} decides.
 */
public sealed interface CaseFileReport {

    /** No case of that id in the municipality. */
    record Unknown() implements CaseFileReport {
    }

    record Case(UUID caseId, String insuredNo, String status, String applicationType, String applicationTypeLabel,
            LocalDate appliedOn, UUID applicationDocumentId, String progress, String progressLabel,
            LocalDate decidedOn, List<Assignment> assignments, LocalDate surveyedOn, String opinionInstitution,
            LocalDate opinionRequestedOn, LocalDate opinionReceivedOn, String firstJudgement,
            String firstJudgementLabel, LocalDate firstJudgedOn, String standardMinutes, String result,
            String resultLabel, LocalDate certifiedOn, LocalDate certValidFrom, LocalDate certValidTo,
            LocalDate boardOn, String boardOpinion) implements CaseFileReport {
        public Case {
            assignments = List.copyOf(assignments);
        }

        public boolean open() {
            return "open".equals(status);
        }
    }

    /**
     * A survey assignment: to the municipality's own surveyor (staff, no name here) or to an office; 依頼区分 and
     * status (open, submitted, accepted, withdrawn) with Japanese labels.
     */
    record Assignment(UUID assignmentId, boolean toOwnStaff, String officeNo, String requestKind,
            String requestKindLabel, LocalDate dueOn, UUID documentId, String status, String statusLabel) {
    }
}
