package jp.kaigo.certification;

import static jp.kaigo.certification.CertificationLayouts.minutes;
import static jp.kaigo.certification.CertificationLayouts.oneDecimal;
import static jp.kaigo.certification.CertificationLayouts.score;
import static jp.kaigo.ingest.Fields.checked;
import static jp.kaigo.ingest.Fields.code;
import static jp.kaigo.ingest.Fields.codes;
import static jp.kaigo.ingest.Fields.date;
import static jp.kaigo.ingest.Fields.text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import jp.kaigo.certification.FirstJudgement.Area;
import jp.kaigo.certification.FirstJudgement.Stability;
import jp.kaigo.ingest.FieldLayout;
import jp.kaigo.ingest.FieldSpec;
import jp.kaigo.ingest.RowRule;
import jp.kaigo.ingest.Validated;
import jp.kaigo.shared.CareLevel;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.Violation;

/**
 * The {@code first-judgement} layout (design §6.1): the fields of one 一次判定 result as the clerk's form, a JSON object
 * or one CSV row gives them, and the rules among those fields alone. A map of text values becomes a case reference
 * and a {@link FirstJudgement}, or field violations. Ranges (J6) are the parsers' of the file interface
 * ({@link CertificationLayouts#minutes}, {@link CertificationLayouts#score}); the checks that need the case's facts
 * (J1–J5, dates) are {@link FirstJudgementChecks}'.
 */
final class FirstJudgementLayout {
    static final String CASE_ID = "caseId";
    static final String INSURED_NO = InsuredNumber.FIELD;
    static final String APPLIED_ON = "appliedOn";
    static final String SOFTWARE_INTERFACE = "softwareInterface";
    static final String FIRST_JUDGED_ON = "firstJudgedOn";
    static final String FIRST_JUDGEMENT = "firstJudgement";
    static final String DEMENTIA_ADDITION = "dementiaAddition";
    static final String WITH_ADDITION = "firstJudgementWithAddition";
    static final String STANDARD_MINUTES = "standardMinutes";
    static final String MINUTES_ADDITION = "minutesDementiaAddition";
    static final String STABILITY = "stability";
    static final String PROBABILITY = "dementiaProbability";
    static final String WARNINGS = "warnings";

    /** 認知症加算の有無 (ND B3/B4). */
    static final String ADDITION_NONE = "1";
    static final String ADDITION_GIVEN = "2";

    static final FieldLayout LAYOUT = layout();

    /** The outcome of {@link #parse}: the row, or every violation of its fields. */
    sealed interface Parsed {
    }

    record Row(CaseReference caseReference, FirstJudgement judgement) implements Parsed {
    }

    record Invalid(List<Violation> violations) implements Parsed {
        Invalid {
            violations = List.copyOf(violations);
        }
    }

    private FirstJudgementLayout() {
    }

    /** Validates and types one row of values keyed by field key; never throws, whatever the map holds. */
    static Parsed parse(Map<String, String> values) {
        Validated validated = LAYOUT.validate(values);
        if (validated instanceof Validated.Invalid invalid) {
            return new Invalid(invalid.violations());
        }
        Map<String, Object> v = ((Validated.Valid) validated).values();
        Map<Area, BigDecimal> minutes = new EnumMap<>(Area.class);
        for (Area area : Area.values()) {
            minutes.put(area, decimal(v, area.key()));
        }
        List<BigDecimal> scores = new ArrayList<>();
        for (int group = 1; group <= FirstJudgement.SCORE_GROUPS; group++) {
            scores.add(decimal(v, "score" + group));
        }
        FirstJudgement judgement = new FirstJudgement((String) v.get(SOFTWARE_INTERFACE),
                (LocalDate) v.get(FIRST_JUDGED_ON), level(v, FIRST_JUDGEMENT),
                ADDITION_GIVEN.equals(v.get(DEMENTIA_ADDITION)), level(v, WITH_ADDITION),
                decimal(v, STANDARD_MINUTES), minutes, decimal(v, MINUTES_ADDITION), scores,
                v.get(STABILITY) instanceof String code ? Stability.of(code).orElseThrow() : null,
                decimal(v, PROBABILITY), warnings((String) v.get(WARNINGS)));
        CaseReference reference = v.get(CASE_ID) instanceof String id ? new CaseReference.ById(UUID.fromString(id))
                : new CaseReference.ByApplication(new InsuredNumber((String) v.get(INSURED_NO)),
                        (LocalDate) v.get(APPLIED_ON));
        return new Row(reference, judgement);
    }

    /** The label of a field of the layout (for violations the checks report under it). */
    static String label(String key) {
        return LAYOUT.field(key).map(FieldSpec::label).orElseThrow(() -> new IllegalArgumentException("no field " + key));
    }

    private static FieldLayout layout() {
        // the 一次判定 gives a level of the 省令 bands only: never 06 事業対象者 (FC §3.1)
        Map<String, String> levels = new LinkedHashMap<>();
        CareLevel.all().stream().filter(l -> !"06".equals(l.code())).forEach(l -> levels.put(l.code(), l.name()));
        List<FieldSpec> fields = new ArrayList<>(List.of(
                checked(CASE_ID, "認定案件", "UUID(8-4-4-4-12 の16進数)", s -> {
                    if (!DocumentLayouts.UUID_TEXT.matcher(s).matches()) {
                        throw new IllegalArgumentException("not a UUID");
                    }
                }),
                checked(INSURED_NO, InsuredNumber.LABEL, "半角英大文字・数字10桁", InsuredNumber::new),
                date(APPLIED_ON, "申請日"),
                code(SOFTWARE_INTERFACE, "厚労省IF識別コード", codes("09B", "2009年度版(09B)")).mandatory(),
                date(FIRST_JUDGED_ON, "一次判定日").mandatory(),
                code(FIRST_JUDGEMENT, "一次判定結果", levels).mandatory(),
                code(DEMENTIA_ADDITION, "認知症加算の有無", codes(ADDITION_NONE, "無", ADDITION_GIVEN, "有")).mandatory(),
                code(WITH_ADDITION, "認知症加算後の一次判定結果", levels),
                minutes(STANDARD_MINUTES, "要介護認定等基準時間").mandatory()));
        for (Area area : Area.values()) {
            fields.add(minutes(area.key(), area.label()).mandatory());
        }
        fields.add(oneDecimal(MINUTES_ADDITION, "認知症加算(分)", "分(小数1桁まで、0〜99.9)", "99.9"));
        List<String> groups = List.of("第1群", "第2群", "第3群", "第4群", "第5群");
        for (int group = 1; group <= FirstJudgement.SCORE_GROUPS; group++) {
            fields.add(score("score" + group, "中間評価項目得点 " + groups.get(group - 1)).mandatory());
        }
        fields.add(code(STABILITY, "状態の安定性", codes("1", "安定", "2", "不安定")));
        fields.add(oneDecimal(PROBABILITY, "認知症自立度Ⅱ以上の蓋然性(%)", "0〜100.0(小数1桁まで)", "100"));
        fields.add(text(WARNINGS, "一次判定警告コード", 200));
        Map<String, String> labels = new LinkedHashMap<>();
        fields.forEach(f -> labels.put(f.key(), f.label()));

        Predicate<Map<String, Object>> byId = v -> v.containsKey(CASE_ID);
        Predicate<Map<String, Object>> byApplication = v -> v.containsKey(INSURED_NO) || v.containsKey(APPLIED_ON);
        Predicate<Map<String, Object>> withAddition = v -> ADDITION_GIVEN.equals(v.get(DEMENTIA_ADDITION));
        Predicate<Map<String, Object>> noAddition = v -> ADDITION_NONE.equals(v.get(DEMENTIA_ADDITION));
        List<RowRule> rules = List.of(
                // the case: by its id, or by the insured person and the 申請日 (design §6.1), never both
                rule(CASE_ID, labels, byId.negate().and(byApplication.negate()),
                        "認定案件を指定してください(認定案件、または被保険者番号と申請日)"),
                rule(INSURED_NO, labels, byId.and(v -> v.containsKey(INSURED_NO)), "認定案件を指定したときは記入しません"),
                rule(APPLIED_ON, labels, byId.and(v -> v.containsKey(APPLIED_ON)), "認定案件を指定したときは記入しません"),
                rule(INSURED_NO, labels, byId.negate().and(v -> !v.containsKey(INSURED_NO) && v.containsKey(APPLIED_ON)),
                        "申請日で指定するときは必須です"),
                rule(APPLIED_ON, labels, byId.negate().and(v -> v.containsKey(INSURED_NO) && !v.containsKey(APPLIED_ON)),
                        "被保険者番号で指定するときは必須です"),
                // ND B4: the level after the 認知症加算, and the minutes added, when there is an addition
                rule(WITH_ADDITION, labels, withAddition.and(v -> !v.containsKey(WITH_ADDITION)),
                        "認知症加算が「有」のときは必須です"),
                rule(MINUTES_ADDITION, labels, withAddition.and(v -> !v.containsKey(MINUTES_ADDITION)),
                        "認知症加算が「有」のときは必須です"),
                // (decision) without an addition the software may repeat the level and report 0.0 minutes; nothing else
                rule(WITH_ADDITION, labels, noAddition.and(v -> v.containsKey(WITH_ADDITION)
                        && !v.get(WITH_ADDITION).equals(v.get(FIRST_JUDGEMENT))),
                        "認知症加算が「無」のときは空欄か一次判定結果と同じです"),
                rule(MINUTES_ADDITION, labels, noAddition.and(v -> v.containsKey(MINUTES_ADDITION)
                        && new BigDecimal((String) v.get(MINUTES_ADDITION)).signum() != 0),
                        "認知症加算が「無」のときは空欄か0です"));
        return new FieldLayout("first-judgement", "一次判定結果", fields, rules);
    }

    private static RowRule rule(String key, Map<String, String> labels, Predicate<Map<String, Object>> when,
            String reason) {
        String label = labels.get(key);
        return v -> when.test(v) ? Optional.of(new Violation(key, label, reason)) : Optional.empty();
    }

    private static BigDecimal decimal(Map<String, Object> values, String key) {
        return values.get(key) instanceof String text ? new BigDecimal(text) : null;
    }

    private static CareLevel level(Map<String, Object> values, String key) {
        return values.get(key) instanceof String code ? CareLevel.of(code) : null;
    }

    /** 一次判定警告コード: a comma list (half- or full-width commas), blanks dropped. */
    private static List<String> warnings(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[,、，]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
