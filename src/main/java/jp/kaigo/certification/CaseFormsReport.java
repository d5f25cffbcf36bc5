package jp.kaigo.certification;

import java.util.List;
import jp.kaigo.ingest.FieldSpec;

/**
 * The fields of the officer's forms on a case (design §6.1, §6.5): the 一次判定 result and the 二次判定, each with
 * key, Japanese label, rule and codes, so that an exit builds its form from the layouts the facade validates with.
 * No personal data.
 */
public record CaseFormsReport(List<FieldSpec> firstJudgement, List<FieldSpec> result) {
    public CaseFormsReport {
        firstJudgement = List.copyOf(firstJudgement);
        result = List.copyOf(result);
    }
}
