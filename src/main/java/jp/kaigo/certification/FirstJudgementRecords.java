package jp.kaigo.certification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.kaigo.certification.CaseRevisions.Column;
import jp.kaigo.certification.FirstJudgement.Area;
import jp.kaigo.certification.FirstJudgementDraft.Permission;
import jp.kaigo.certification.FirstJudgementDraft.Problem;
import jp.kaigo.certification.FirstJudgementReport.Recorded;
import jp.kaigo.certification.FirstJudgementReport.Refused;
import jp.kaigo.certification.FirstJudgementReport.Warning;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records an imported 一次判定 on its case (design §6.1): finds the open case the row names within the municipality,
 * gathers what {@link FirstJudgementChecks} needs from the case's 調査票 and 意見書 records, and on success writes
 * {@code certification.first_judgements} and the case's next revision at 進捗 4. A refusal stores nothing. Runs in
 * the caller's transaction.
 */
final class FirstJudgementRecords {
    /** 特別な医療 (基本調査 63–74) answered 2 ある (CertificationLayouts pattern P1). */
    private static final String PRESENT = "2";
    private static final List<Integer> SPECIAL_ITEMS = List.of(63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74);
    /** Past the 一次判定: the 審査会 has the case (or it is decided or withdrawn), so its result no longer changes. */
    private static final Set<String> BEYOND = Set.of(Progress.BOARD.code(), Progress.CERTIFIED.code(),
            Progress.WITHDRAWN.code());
    private static final String CASE = FirstJudgementLayout.CASE_ID;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient sql;
    private final CaseRevisions revisions;

    FirstJudgementRecords(JdbcClient sql, CaseRevisions revisions) {
        this.sql = sql;
        this.revisions = revisions;
    }

    /** A case of the municipality: whose, which, and whether it is open. */
    record Case(InsuredNumber insured, UUID caseId, boolean open) {
    }

    /** The case the reference names within the municipality (its row locked when asked), whatever its status. */
    Optional<Case> find(InsurerNumber insurer, CaseReference reference, boolean lock) {
        String forUpdate = lock ? " for update" : "";
        if (reference instanceof CaseReference.ById byId) {
            return sql.sql("select insured_no, case_id, status from certification.cases"
                    + " where insurer_no = :insurer and case_id = :case" + forUpdate)
                    .param("insurer", insurer.value()).param("case", byId.caseId())
                    .query((rs, i) -> new Case(new InsuredNumber(rs.getString(1)), rs.getObject(2, UUID.class),
                            "open".equals(rs.getString(3))))
                    .optional();
        }
        CaseReference.ByApplication byApplication = (CaseReference.ByApplication) reference;
        // a person may have applied twice on one day (one withdrawn): the open case first
        return sql.sql("select insured_no, case_id, status from certification.cases"
                + " where insurer_no = :insurer and insured_no = :insured and applied_on = :appliedOn"
                + " order by (status = 'open') desc, created_at desc limit 1" + forUpdate)
                .param("insurer", insurer.value()).param("insured", byApplication.insuredNo().value())
                .param("appliedOn", byApplication.appliedOn())
                .query((rs, i) -> new Case(new InsuredNumber(rs.getString(1)), rs.getObject(2, UUID.class),
                        "open".equals(rs.getString(3))))
                .optional();
    }

    /**
     * Records the row on the open case it names, if the permission allows for the case's person; the case row is
     * locked first, so two imports of one case record one after the other.
     */
    FirstJudgementReport record(InsurerNumber insurer, long number, FirstJudgementLayout.Row row, LocalDate today,
            Permission permission) {
        Optional<Case> found = find(insurer, row.caseReference(), true);
        if (found.isEmpty()) {
            return refused(number, "この市町村の認定案件が見つかりません");
        }
        Case c = found.get();
        if (!c.open()) {
            return refused(number, "受付中の認定案件ではありません(決定済みまたは取り下げ済みです)");
        }
        Optional<String> denied = permission.refusal(c.insured());
        if (denied.isPresent()) {
            return refused(number, denied.get());
        }
        String progress = sql.sql("""
                select progress from certification.certification_records
                 where insurer_no = :insurer and insured_no = :insured and case_id = :case and current
                """).param("insurer", insurer.value()).param("insured", c.insured().value()).param("case", c.caseId())
                .query(String.class).optional().orElse(null);
        if (progress != null && BEYOND.contains(progress)) {
            return refused(number, "介護認定審査会に進んだ認定案件の一次判定は変更できません");
        }
        Optional<Survey> survey = survey(insurer, c);
        if (survey.isEmpty()) {
            return refused(number, "受理された認定調査票がありません(一次判定は調査票の受理後に取り込みます)");
        }
        FirstJudgementChecks.Facts facts = new FirstJudgementChecks.Facts(survey.get().surveyedOn(),
                survey.get().dementia(), opinionDementia(insurer, c), survey.get().specialMedical(), today);
        FirstJudgement judgement = row.judgement();
        FirstJudgementChecks.Outcome checked = FirstJudgementChecks.check(judgement, facts);
        if (checked instanceof FirstJudgementChecks.Refused refusal) {
            return new Refused(number, refusal.violations().stream()
                    .map(v -> new Problem(v.field(), v.label(), v.reason())).toList());
        }
        List<Warning> warnings = ((FirstJudgementChecks.Accepted) checked).warnings().stream()
                .map(w -> new Warning(w.field(), w.label(), w.reason())).toList();
        store(insurer, c, judgement, warnings);
        revisions.advance(insurer, c.insured(), c.caseId(), Progress.FIRST_JUDGEMENT, columns(judgement));
        return new Recorded(number, c.caseId(), warnings);
    }

    /** The accepted 調査票 of the case: its 実施日, 認知症自立度 and the 特別な医療 answered ある. */
    private record Survey(LocalDate surveyedOn, String dementia, Set<Integer> specialMedical) {
    }

    /**
     * The case's current 調査票 record (the latest history if there are several); none until one is accepted. Read
     * defensively: a code other than 2 is not an ある, a missing 自立度 is unknown (FirstJudgementChecks.Dementia).
     */
    private Optional<Survey> survey(InsurerNumber insurer, Case c) {
        String items = SPECIAL_ITEMS.stream().map(i -> "item" + i).collect(Collectors.joining(", "));
        return sql.sql("select surveyed_on, dementia_independence, " + items
                + " from certification.care_survey_records"
                + " where insurer_no = :insurer and insured_no = :insured and case_id = :case and current"
                + " and not deleted and surveyed_on is not null order by history_no desc limit 1")
                .param("insurer", insurer.value()).param("insured", c.insured().value()).param("case", c.caseId())
                .query((rs, i) -> {
                    Set<Integer> present = new HashSet<>();
                    for (int k = 0; k < SPECIAL_ITEMS.size(); k++) {
                        if (PRESENT.equals(rs.getString(3 + k))) {
                            present.add(SPECIAL_ITEMS.get(k));
                        }
                    }
                    return new Survey(rs.getObject(1, LocalDate.class), rs.getString(2), present);
                })
                .optional();
    }

    /** The 認知症自立度 of the case's current 意見書 record; null (unknown) when none was accepted yet. */
    private String opinionDementia(InsurerNumber insurer, Case c) {
        return sql.sql("""
                select dementia_independence from certification.doctor_opinion_records
                 where insurer_no = :insurer and insured_no = :insured and case_id = :case and current and not deleted
                 order by history_no desc limit 1
                """).param("insurer", insurer.value()).param("insured", c.insured().value()).param("case", c.caseId())
                .query((rs, i) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(d -> d).orElse(null);
    }

    /** The extra ND B4 fields and the warnings; a later import of the case's result (a re-run) replaces them. */
    private void store(InsurerNumber insurer, Case c, FirstJudgement j, List<Warning> warnings) {
        sql.sql("""
                insert into certification.first_judgements (insurer_no, insured_no, case_id, software_interface,
                       dementia_addition, first_judgement_with_addition, minutes_dementia_addition, stability,
                       dementia_probability, software_warnings, check_warnings)
                values (:insurer, :insured, :case, :software, :addition, :withAddition, :minutesAddition, :stability,
                        :probability, string_to_array(:softwareWarnings, chr(31)), cast(:checkWarnings as jsonb))
                on conflict (insurer_no, insured_no, case_id) do update set
                       software_interface = excluded.software_interface, dementia_addition = excluded.dementia_addition,
                       first_judgement_with_addition = excluded.first_judgement_with_addition,
                       minutes_dementia_addition = excluded.minutes_dementia_addition, stability = excluded.stability,
                       dementia_probability = excluded.dementia_probability,
                       software_warnings = excluded.software_warnings, check_warnings = excluded.check_warnings,
                       recorded_at = now()
                """).param("insurer", insurer.value()).param("insured", c.insured().value()).param("case", c.caseId())
                .param("software", j.softwareInterface())
                .param("addition", j.dementiaAddition() ? FirstJudgementLayout.ADDITION_GIVEN
                        : FirstJudgementLayout.ADDITION_NONE)
                .param("withAddition", j.firstJudgementWithAddition() == null ? null
                        : j.firstJudgementWithAddition().code())
                .param("minutesAddition", j.minutesDementiaAddition())
                .param("stability", j.stability() == null ? null : j.stability().code())
                .param("probability", j.dementiaProbability())
                .param("softwareWarnings", String.join("\u001f", j.warnings()))
                .param("checkWarnings", json(warnings))
                .update();
    }

    /** The certification record's columns of the 一次判定 (CertificationLayouts: minutes and scores as text). */
    private static Map<Column, Object> columns(FirstJudgement j) {
        Map<Column, Object> set = new EnumMap<>(Column.class);
        set.put(Column.FIRST_JUDGEMENT, j.firstJudgement().code());
        set.put(Column.FIRST_JUDGED_ON, j.firstJudgedOn());
        set.put(Column.STANDARD_MINUTES, text(j.standardMinutes()));
        Map<Area, Column> areas = Map.of(Area.MEAL, Column.MINUTES_MEAL, Area.EXCRETION, Column.MINUTES_EXCRETION,
                Area.MOVEMENT, Column.MINUTES_MOVEMENT, Area.HYGIENE, Column.MINUTES_HYGIENE,
                Area.INDIRECT, Column.MINUTES_INDIRECT, Area.BPSD, Column.MINUTES_BPSD,
                Area.TRAINING, Column.MINUTES_TRAINING, Area.MEDICAL, Column.MINUTES_MEDICAL);
        areas.forEach((area, column) -> set.put(column, text(j.minutes(area))));
        List<Column> scores = List.of(Column.SCORE1, Column.SCORE2, Column.SCORE3, Column.SCORE4, Column.SCORE5);
        for (int group = 1; group <= FirstJudgement.SCORE_GROUPS; group++) {
            set.put(scores.get(group - 1), text(j.score(group)));
        }
        return set;
    }

    private static String text(BigDecimal value) {
        return value.toPlainString();
    }

    private static String json(List<Warning> warnings) {
        return JSON.writeValueAsString(warnings);
    }

    private static Refused refused(long number, String reason) {
        return new Refused(number, List.of(new Problem(CASE, FirstJudgementLayout.label(CASE), reason)));
    }
}
