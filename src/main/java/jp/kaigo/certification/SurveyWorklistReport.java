package jp.kaigo.certification;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The 認定調査 assigned to one of the municipality's own surveyors and not answered yet (design §4.1, S8), oldest
 * first: per assignment the case, the person's 被保険者番号, 依頼区分 and 期限 — nothing else about the person.
 */
public record SurveyWorklistReport(List<Row> rows) {

    public SurveyWorklistReport {
        rows = List.copyOf(rows);
    }

    /** One open assignment: its case, the person, 依頼区分 (0 初回, 1 再依頼, 2 再調査) and the due date (or null). */
    public record Row(UUID caseId, String insuredNo, String requestKind, LocalDate dueOn) {
    }
}
