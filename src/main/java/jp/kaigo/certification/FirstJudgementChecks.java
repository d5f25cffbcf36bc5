package jp.kaigo.certification;

import static jp.kaigo.certification.FirstJudgementLayout.FIRST_JUDGED_ON;
import static jp.kaigo.certification.FirstJudgementLayout.FIRST_JUDGEMENT;
import static jp.kaigo.certification.FirstJudgementLayout.MINUTES_ADDITION;
import static jp.kaigo.certification.FirstJudgementLayout.PROBABILITY;
import static jp.kaigo.certification.FirstJudgementLayout.STABILITY;
import static jp.kaigo.certification.FirstJudgementLayout.STANDARD_MINUTES;
import static jp.kaigo.certification.FirstJudgementLayout.WITH_ADDITION;
import static jp.kaigo.certification.FirstJudgementLayout.label;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import jp.kaigo.certification.FirstJudgement.Area;
import jp.kaigo.certification.FirstJudgement.Stability;
import jp.kaigo.shared.CareLevel;
import jp.kaigo.shared.Violation;

/**
 * The checks of an imported 一次判定 against itself and the case (design §6.1 J1–J6). The 認定ソフト is authoritative
 * (ND B4), so the platform refuses only what contradicts the 省令 or the result's own numbers (J1 sum, J2 band, J3
 * 要支援2/要介護1 split, J6 ranges, the 一次判定日) and warns where its sources are secondary (J4 特別な医療, J5
 * ranges of the 分野; design §9.4 row 10). Pure: the facts of the case are given.
 */
final class FirstJudgementChecks {

    /** 認知症高齢者の日常生活自立度 as the 調査票 and the 意見書 code it (CertificationLayouts): Ⅱ or above, or not. */
    enum Dementia {
        BELOW_II, II_OR_ABOVE, UNKNOWN;

        /** 1 自立, 2 Ⅰ → below Ⅱ; 3–8 Ⅱa, Ⅱb, Ⅲa, Ⅲb, Ⅳ, M → Ⅱ or above; 9 記載無し or none recorded → unknown. */
        static Dementia of(String code) {
            if (code == null) {
                return UNKNOWN;
            }
            return switch (code) {
                case "1", "2" -> BELOW_II;
                case "3", "4", "5", "6", "7", "8" -> II_OR_ABOVE;
                default -> UNKNOWN;
            };
        }
    }

    /**
     * What the case knows: the 調査実施日 of the accepted 調査票, the 認知症自立度 code of the 調査票 and of the 意見書
     * (null when none), the 特別な医療 items (63–74 of the 基本調査) answered 2 ある, and today (JST).
     */
    record Facts(LocalDate surveyedOn, String surveyDementia, String opinionDementia, Set<Integer> specialMedicalItems,
            LocalDate today) {
        Facts {
            Objects.requireNonNull(surveyedOn, "surveyedOn");
            Objects.requireNonNull(today, "today");
            specialMedicalItems = Set.copyOf(specialMedicalItems);
            if (!SPECIAL_MEDICAL_MINUTES.keySet().containsAll(specialMedicalItems)) {
                throw new IllegalArgumentException("特別な医療 are the items 63–74 of the 基本調査");
            }
        }
    }

    /** Something the clerk should look at; the result is stored nonetheless. */
    record Warning(String field, String label, String reason) {
    }

    sealed interface Outcome {
    }

    record Accepted(List<Warning> warnings) implements Outcome {
        Accepted {
            warnings = List.copyOf(warnings);
        }
    }

    record Refused(List<Violation> violations) implements Outcome {
        Refused {
            violations = List.copyOf(violations);
        }
    }

    /** J2: the lower bound of each band of the 要介護認定等基準時間 and its levels (ND B2, 省令 第1条・第2条). */
    private record Band(BigDecimal from, List<String> levels) {
        String name() {
            return levels.stream().map(c -> CareLevel.of(c).name()).collect(Collectors.joining("または"));
        }
    }

    private static final List<Band> BANDS = List.of(
            new Band(BigDecimal.ZERO, List.of("01")),
            new Band(new BigDecimal("25"), List.of("12")),
            new Band(new BigDecimal("32"), List.of("13", "21")),
            new Band(new BigDecimal("50"), List.of("22")),
            new Band(new BigDecimal("70"), List.of("23")),
            new Band(new BigDecimal("90"), List.of("24")),
            new Band(new BigDecimal("110"), List.of("25")));
    private static final String SUPPORT_2 = "13";
    private static final String CARE_1 = "21";

    /** J1: eight one-decimal values rounded apart may miss their rounded total by this much. */
    private static final BigDecimal SUM_TOLERANCE = new BigDecimal("0.5");
    private static final BigDecimal HALF = new BigDecimal("50");

    /** J6 (CertificationLayouts' parsers): minutes 0–999.9, the 認知症加算 0–99.9, scores and percentages 0–100. */
    private static final BigDecimal MAX_MINUTES = new BigDecimal("999.9");
    private static final BigDecimal MAX_ADDITION = new BigDecimal("99.9");
    private static final BigDecimal MAX_SCORE = new BigDecimal("100");

    /**
     * J4: minutes the 2009 logic adds for each 特別な医療 answered ある, by item number of the 基本調査 (ND B1, from
     * kaigo-app's MedicalCareTimeCalculator: "not cross-checked against MHLW", so a warning only).
     */
    static final Map<Integer, BigDecimal> SPECIAL_MEDICAL_MINUTES = Map.ofEntries(
            Map.entry(63, new BigDecimal("8.5")),   // 点滴の管理
            Map.entry(64, new BigDecimal("8.5")),   // 中心静脈栄養
            Map.entry(65, new BigDecimal("8.5")),   // 透析
            Map.entry(66, new BigDecimal("3.8")),   // ストーマの処置
            Map.entry(67, new BigDecimal("0.8")),   // 酸素療法
            Map.entry(68, new BigDecimal("4.5")),   // レスピレーター
            Map.entry(69, new BigDecimal("5.6")),   // 気管切開の処置
            Map.entry(70, new BigDecimal("2.1")),   // 疼痛の看護
            Map.entry(71, new BigDecimal("9.1")),   // 経管栄養
            Map.entry(72, new BigDecimal("3.6")),   // モニター測定
            Map.entry(73, new BigDecimal("4.0")),   // じょくそうの処置
            Map.entry(74, new BigDecimal("8.2")));  // カテーテル

    /** J5: the output range of each 分野's tree (ND B1, kaigo-app's rule file: secondary, so a warning only). */
    private static final Map<Area, Range> AREA_RANGES = new EnumMap<>(Map.of(
            Area.MEAL, range("1.1", "71.4"),
            Area.EXCRETION, range("0.2", "28.0"),
            Area.MOVEMENT, range("0.4", "21.4"),
            Area.HYGIENE, range("1.2", "24.3"),
            Area.INDIRECT, range("0.4", "11.3"),
            Area.BPSD, range("5.8", "21.2"),
            Area.TRAINING, range("0.5", "15.4"),
            Area.MEDICAL, range("1.0", "37.2")));

    private FirstJudgementChecks() {
    }

    /** J1–J6 and the 一次判定日: refused with every violation, or accepted with the warnings of J4/J5. */
    static Outcome check(FirstJudgement judgement, Facts facts) {
        List<Violation> refusals = ranges(judgement);
        if (!refusals.isEmpty()) {
            return new Refused(refusals); // J1–J3 over out-of-range numbers would only add misleading errors
        }
        judgedOn(judgement, facts, refusals);
        sum(judgement, refusals);
        levels(judgement, facts, refusals);
        return refusals.isEmpty() ? new Accepted(warnings(judgement, facts)) : new Refused(refusals);
    }

    /** J6: the layout's parsers refuse these already; a result built elsewhere gets the same answer. */
    private static List<Violation> ranges(FirstJudgement j) {
        List<Violation> problems = new ArrayList<>();
        within(problems, STANDARD_MINUTES, j.standardMinutes(), MAX_MINUTES);
        for (Area area : Area.values()) {
            within(problems, area.key(), j.minutes(area), MAX_MINUTES);
        }
        within(problems, MINUTES_ADDITION, j.minutesDementiaAddition(), MAX_ADDITION);
        for (int group = 1; group <= FirstJudgement.SCORE_GROUPS; group++) {
            within(problems, "score" + group, j.score(group), MAX_SCORE);
        }
        within(problems, PROBABILITY, j.dementiaProbability(), MAX_SCORE);
        return problems;
    }

    private static void within(List<Violation> problems, String key, BigDecimal value, BigDecimal max) {
        if (value != null && (value.signum() < 0 || value.compareTo(max) > 0)) {
            problems.add(new Violation(key, label(key), "0〜" + max.toPlainString() + "の範囲で指定してください"));
        }
    }

    /** 一次判定日 ≥ 調査実施日 and ≤ today (design §6.1). */
    private static void judgedOn(FirstJudgement j, Facts facts, List<Violation> problems) {
        if (j.firstJudgedOn().isBefore(facts.surveyedOn())) {
            problems.add(new Violation(FIRST_JUDGED_ON, label(FIRST_JUDGED_ON), "認定調査実施日より前の日付です"));
        } else if (j.firstJudgedOn().isAfter(facts.today())) {
            problems.add(new Violation(FIRST_JUDGED_ON, label(FIRST_JUDGED_ON), "今日より後の日付です"));
        }
    }

    /** J1: the 基準時間 is the sum of the eight 分野 (ND B1), up to their rounding. */
    private static void sum(FirstJudgement j, List<Violation> problems) {
        if (j.standardMinutes().subtract(j.areaSum()).abs().compareTo(SUM_TOLERANCE) > 0) {
            problems.add(new Violation(STANDARD_MINUTES, label(STANDARD_MINUTES), "分野別の合計と一致しません"));
        }
    }

    /**
     * J2 for the level before the addition over the 基準時間, and (design §6.1) for the level after it over the 基準時間
     * plus the minutes added; J3 and what it needs (状態の安定性, 蓋然性) for the level before the addition, which the
     * software splits into 要支援2 and 要介護1 before adding (ND B3).
     */
    private static void levels(FirstJudgement j, Facts facts, List<Violation> problems) {
        BigDecimal t = j.standardMinutes();
        boolean banded = inBand(FIRST_JUDGEMENT, j.firstJudgement(), t, problems);
        if (j.dementiaAddition() && j.firstJudgementWithAddition() != null && j.minutesDementiaAddition() != null) {
            inBand(WITH_ADDITION, j.firstJudgementWithAddition(), t.add(j.minutesDementiaAddition()), problems);
        }
        if (!band(t).levels().contains(CARE_1)) {
            return;
        }
        Dementia survey = Dementia.of(facts.surveyDementia());
        Dementia opinion = Dementia.of(facts.opinionDementia());
        boolean mandatoryProbability = survey != Dementia.UNKNOWN && opinion != Dementia.UNKNOWN && survey != opinion;
        if (j.stability() == null) {
            problems.add(new Violation(STABILITY, label(STABILITY), "要介護認定等基準時間が32分以上50分未満のときは必須です"));
        }
        if (mandatoryProbability && j.dementiaProbability() == null) {
            problems.add(new Violation(PROBABILITY, label(PROBABILITY), "要介護認定等基準時間が32分以上50分未満で、"
                    + "認知症高齢者の日常生活自立度がⅡ以上なのが調査票・意見書の一方だけのときは必須です"));
        }
        Set<String> allowed = split(survey, opinion, j.stability(), j.dementiaProbability());
        if (banded && !allowed.contains(j.firstJudgement().code())) { // then the other level is the only one allowed
            problems.add(new Violation(FIRST_JUDGEMENT, label(FIRST_JUDGEMENT), "認知症高齢者の日常生活自立度(調査票・意見書)、"
                    + "認知症自立度Ⅱ以上の蓋然性、状態の安定性からは" + CareLevel.of(allowed.iterator().next()).name()
                    + "です"));
        }
    }

    /** J2: the level is the band's of t. */
    private static boolean inBand(String key, CareLevel level, BigDecimal t, List<Violation> problems) {
        Band band = band(t);
        if (band.levels().contains(level.code())) {
            return true;
        }
        problems.add(new Violation(key, label(key), "基準時間 " + t.toPlainString() + " 分は" + band.name() + "の範囲です"));
        return false;
    }

    private static Band band(BigDecimal t) {
        Band found = BANDS.get(0);
        for (Band band : BANDS) {
            if (t.compareTo(band.from()) >= 0) {
                found = band;
            }
        }
        return found;
    }

    /**
     * J3 (ND B3, 2009 logic): both 自立度 ≥ Ⅱ → 要介護1; exactly one → 蓋然性 ≥ 50% → 要介護1, else the 安定性; neither →
     * the 安定性 (不安定 → 要介護1, 安定 → 要支援2). What is not known (a 自立度 記載無し, a blank 安定性 or 蓋然性) may
     * be anything, so only a level no reading allows is refused (design §9.4 row 10).
     */
    static Set<String> split(Dementia survey, Dementia opinion, Stability stability, BigDecimal probability) {
        Set<String> allowed = new LinkedHashSet<>();
        for (boolean surveyII : readings(survey)) {
            for (boolean opinionII : readings(opinion)) {
                if (surveyII && opinionII) {
                    allowed.add(CARE_1);
                } else if (surveyII != opinionII && probability == null) {
                    allowed.add(CARE_1);
                    allowed.addAll(byStability(stability));
                } else if (surveyII != opinionII && probability.compareTo(HALF) >= 0) {
                    allowed.add(CARE_1);
                } else {
                    allowed.addAll(byStability(stability));
                }
            }
        }
        return allowed;
    }

    private static List<Boolean> readings(Dementia dementia) {
        return switch (dementia) {
            case BELOW_II -> List.of(false);
            case II_OR_ABOVE -> List.of(true);
            case UNKNOWN -> List.of(false, true);
        };
    }

    private static List<String> byStability(Stability stability) {
        if (stability == null) {
            return List.of(SUPPORT_2, CARE_1);
        }
        return stability == Stability.UNSTABLE ? List.of(CARE_1) : List.of(SUPPORT_2);
    }

    /** J4 and J5: warnings only. */
    private static List<Warning> warnings(FirstJudgement j, Facts facts) {
        List<Warning> warnings = new ArrayList<>();
        BigDecimal special = facts.specialMedicalItems().stream().map(SPECIAL_MEDICAL_MINUTES::get)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal medical = j.minutes(Area.MEDICAL);
        if (medical.compareTo(special) < 0) {
            warnings.add(new Warning(Area.MEDICAL.key(), Area.MEDICAL.label(), "調査票で「ある」の特別な医療の時間("
                    + special.toPlainString() + "分)より短くなっています"));
        }
        for (Area area : Area.values()) {
            BigDecimal min = AREA_RANGES.get(area).min();
            BigDecimal max = AREA_RANGES.get(area).max().add(area == Area.MEDICAL ? special : BigDecimal.ZERO);
            BigDecimal value = j.minutes(area);
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                warnings.add(new Warning(area.key(), area.label(), "一次判定ソフトの出力範囲(" + min.toPlainString() + "〜"
                        + max.toPlainString() + "分)の外です"));
            }
        }
        return warnings;
    }

    private record Range(BigDecimal min, BigDecimal max) {
    }

    private static Range range(String min, String max) {
        return new Range(new BigDecimal(min), new BigDecimal(max));
    }
}
