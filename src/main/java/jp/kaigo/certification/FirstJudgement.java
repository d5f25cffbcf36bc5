package jp.kaigo.certification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import jp.kaigo.shared.CareLevel;

/**
 * The 一次判定 of one case as the official 認定ソフト reports it (design §6.1; ND B4: the software is authoritative,
 * the platform stores its result and checks it for contradictions, {@link FirstJudgementChecks}). Minutes, scores and
 * the probability are exact one-decimal numbers. Nullable: {@code firstJudgementWithAddition},
 * {@code minutesDementiaAddition}, {@code stability}, {@code dementiaProbability}.
 *
 * @param standardMinutes 要介護認定等基準時間 before the 認知症加算 (the sum of the eight 分野, J1)
 * @param minutes         the eight 分野 of the 基準時間, every one present
 * @param scores          中間評価項目得点 of 第1群 to 第5群, in order
 * @param warnings        一次判定警告コード, as listed
 */
record FirstJudgement(String softwareInterface, LocalDate firstJudgedOn, CareLevel firstJudgement,
        boolean dementiaAddition, CareLevel firstJudgementWithAddition, BigDecimal standardMinutes,
        Map<Area, BigDecimal> minutes, BigDecimal minutesDementiaAddition, List<BigDecimal> scores, Stability stability,
        BigDecimal dementiaProbability, List<String> warnings) {

    static final int SCORE_GROUPS = 5;

    /** The eight 分野 of the 要介護認定等基準時間 (ND B1), with their keys and labels in the layout. */
    enum Area {
        MEAL("minutesMeal", "食事"),
        EXCRETION("minutesExcretion", "排泄"),
        MOVEMENT("minutesMovement", "移動"),
        HYGIENE("minutesHygiene", "清潔保持"),
        INDIRECT("minutesIndirect", "間接生活介助"),
        BPSD("minutesBpsd", "BPSD関連行為"),
        TRAINING("minutesTraining", "機能訓練関連行為"),
        MEDICAL("minutesMedical", "医療関連行為");

        private final String key;
        private final String label;

        Area(String key, String label) {
            this.key = key;
            this.label = label;
        }

        String key() {
            return key;
        }

        String label() {
            return label;
        }
    }

    /** 状態の安定性 (ND B3): the tree that splits 要支援2 from 要介護1 when the 認知症自立度 does not decide. */
    enum Stability {
        STABLE("1", "安定"),
        UNSTABLE("2", "不安定");

        private final String code;
        private final String label;

        Stability(String code, String label) {
            this.code = code;
            this.label = label;
        }

        String code() {
            return code;
        }

        String label() {
            return label;
        }

        static Optional<Stability> of(String code) {
            return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
        }
    }

    FirstJudgement {
        Objects.requireNonNull(softwareInterface, "softwareInterface");
        Objects.requireNonNull(firstJudgedOn, "firstJudgedOn");
        Objects.requireNonNull(firstJudgement, "firstJudgement");
        Objects.requireNonNull(standardMinutes, "standardMinutes");
        if (minutes.size() != Area.values().length || minutes.values().stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("a first judgement has the minutes of all eight areas");
        }
        minutes = Collections.unmodifiableMap(new EnumMap<>(minutes));
        if (scores.size() != SCORE_GROUPS) {
            throw new IllegalArgumentException("a first judgement has the scores of the five groups");
        }
        scores = List.copyOf(scores);
        warnings = List.copyOf(warnings);
    }

    BigDecimal minutes(Area area) {
        return minutes.get(area);
    }

    /** The sum of the eight 分野 (J1 compares it with the 基準時間). */
    BigDecimal areaSum() {
        return minutes.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The 中間評価項目得点 of group 1–5. */
    BigDecimal score(int group) {
        return scores.get(group - 1);
    }
}
