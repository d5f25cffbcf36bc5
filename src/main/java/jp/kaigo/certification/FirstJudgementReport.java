package jp.kaigo.certification;

import java.util.List;
import java.util.UUID;

/** What recording one 一次判定 result answers (design §6.1): recorded on its case, or refused with nothing stored. */
public sealed interface FirstJudgementReport {
    /** The draft's line number. */
    long number();

    /** Something the clerk should look at on a recorded result (J4, J5); the result is stored nonetheless. */
    record Warning(String field, String label, String reason) {
    }

    record Recorded(long number, UUID caseId, List<Warning> warnings) implements FirstJudgementReport {
        public Recorded {
            warnings = List.copyOf(warnings);
        }
    }

    record Refused(long number, List<FirstJudgementDraft.Problem> problems) implements FirstJudgementReport {
        public Refused {
            problems = List.copyOf(problems);
        }
    }
}
