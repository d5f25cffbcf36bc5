package jp.kaigo.certification;

import static jp.kaigo.certification.FirstJudgements.careLevel1;
import static jp.kaigo.certification.FirstJudgements.check;
import static jp.kaigo.certification.FirstJudgements.facts;
import static jp.kaigo.certification.FirstJudgements.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import jp.kaigo.certification.FirstJudgementChecks.Accepted;
import jp.kaigo.certification.FirstJudgementChecks.Outcome;
import jp.kaigo.certification.FirstJudgementChecks.Refused;
import jp.kaigo.certification.FirstJudgementChecks.Warning;
import jp.kaigo.ingest.Rejection;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.Violation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The 一次判定 import of docs/design/certification-online.md §6.1: the {@code first-judgement} layout, the checks J1–J6
 * against the case's facts (J1, J2, J3, J6 and the 一次判定日 refuse on the field the design names; J4, J5 warn), and
 * the CSV of many cases with its line numbers. Never an exception, whatever comes in.
 */
class FirstJudgementChecksTests {

    private static List<Violation> refused(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Refused.class);
        return ((Refused) outcome).violations();
    }

    private static List<Warning> accepted(Outcome outcome) {
        assertThat(outcome).as("accepted").isInstanceOf(Accepted.class);
        return ((Accepted) outcome).warnings();
    }

    @Test
    void consistentResultIsAcceptedWithoutWarnings() {
        assertThat(accepted(check(careLevel1(), facts()))).isEmpty();
    }

    @Test
    void theLayoutTypesEveryField() {
        var row = (FirstJudgementLayout.Row) FirstJudgementLayout.parse(with(careLevel1(),
                "dementiaAddition=2;minutesDementiaAddition=19.0;firstJudgementWithAddition=22;warnings=W01, W07,"));
        FirstJudgement j = row.judgement();
        assertThat(row.caseReference()).isEqualTo(new CaseReference.ById(java.util.UUID.fromString(FirstJudgements.CASE_ID)));
        assertThat(j.firstJudgement().name()).isEqualTo("要介護1");
        assertThat(j.firstJudgementWithAddition().name()).isEqualTo("要介護2");
        assertThat(j.dementiaAddition()).isTrue();
        assertThat(j.standardMinutes()).isEqualByComparingTo("40.0");
        assertThat(j.minutes(FirstJudgement.Area.BPSD)).isEqualByComparingTo("6.0");
        assertThat(j.areaSum()).isEqualByComparingTo("40.0");
        assertThat(j.score(3)).isEqualByComparingTo("70.2");
        assertThat(j.stability()).isEqualTo(FirstJudgement.Stability.UNSTABLE);
        assertThat(j.dementiaProbability()).isNull();
        assertThat(j.warnings()).containsExactly("W01", "W07");
        assertThat(j.firstJudgedOn()).isEqualTo(java.time.LocalDate.of(2026, 12, 1));
    }

    // J1: |standardMinutes − Σ 8 分野| ≤ 0.5, refused on standardMinutes

    @Test
    void sumMismatchIsRefusedOnStandardMinutes() {
        assertThat(refused(check(with(careLevel1(), "standardMinutes=40.6"), facts())))
                .containsExactly(new Violation("standardMinutes", "要介護認定等基準時間", "分野別の合計と一致しません"));
        assertThat(refused(check(with(careLevel1(), "standardMinutes=39.4"), facts())))
                .extracting(Violation::field).containsExactly("standardMinutes");
        assertThat(refused(check(with(careLevel1(), "minutesBpsd=7.0"), facts())))
                .extracting(Violation::field).containsExactly("standardMinutes");
    }

    @Test
    void sumWithinHalfAMinuteIsAccepted() {
        accepted(check(with(careLevel1(), "standardMinutes=40.5"), facts()));
        accepted(check(with(careLevel1(), "standardMinutes=39.5"), facts()));
        accepted(check(with(careLevel1(), "minutesBpsd=6.5"), facts()));
    }

    // J2 (the band table is FirstJudgementBandsTests)

    @Test
    void bandMismatchIsRefusedOnFirstJudgement() {
        String sixtyMinutes = "standardMinutes=60.0;minutesMeal=30.0";
        accepted(check(with(careLevel1(), sixtyMinutes + ";firstJudgement=22"), facts()));
        assertThat(refused(check(with(careLevel1(), sixtyMinutes + ";firstJudgement=23"), facts())))
                .containsExactly(new Violation("firstJudgement", "一次判定結果", "基準時間 60.0 分は要介護2の範囲です"));
    }

    // J3: 32 ≤ t < 50, 要介護1 iff both 自立度 ≥ Ⅱ, or (exactly one and 蓋然性 ≥ 50%), or 不安定 (ND B3)

    /**
     * 自立度 調査票 | 自立度 意見書 (codes 1 自立, 2 Ⅰ, 3–8 Ⅱa–M, 9 記載無し, "-" none) | stability | 蓋然性 ("-" blank) |
     * level | expected | source. ("refused" = J3's violation on firstJudgement.)
     */
    private static final String SPLIT = """
            3 | 4 | 1 | -    | 21 | accepted | B3: both ≥ Ⅱ → 要介護1, whatever the 安定性
            3 | 4 | 1 | -    | 13 | refused  | B3: both ≥ Ⅱ → not 要支援2
            8 | 5 | 2 | -    | 21 | accepted | B3: both ≥ Ⅱ (M, Ⅲa)
            1 | 2 | 1 | -    | 13 | accepted | B3: both 自立/Ⅰ → 安定 → 要支援2
            1 | 2 | 1 | -    | 21 | refused  | B3: both 自立/Ⅰ, 安定 → not 要介護1
            1 | 2 | 2 | -    | 21 | accepted | B3: both 自立/Ⅰ → 不安定 → 要介護1
            1 | 2 | 2 | -    | 13 | refused  | B3: 不安定 → not 要支援2
            3 | 1 | 1 | 50.0 | 21 | accepted | B3: only one ≥ Ⅱ, 蓋然性 ≥ 50% → 要介護1
            3 | 1 | 1 | 50.0 | 13 | refused  | B3: 蓋然性 ≥ 50% → not 要支援2
            1 | 7 | 1 | 49.9 | 13 | accepted | B3: only one ≥ Ⅱ, 蓋然性 < 50% → 安定 → 要支援2
            1 | 7 | 1 | 49.9 | 21 | refused  | B3: 蓋然性 < 50%, 安定 → not 要介護1
            1 | 7 | 2 | 49.9 | 21 | accepted | B3: 蓋然性 < 50%, 不安定 → 要介護1
            9 | 1 | 1 | -    | 13 | accepted | §9.4 row 10: 調査票 記載無し, so both readings stand
            9 | 1 | 1 | -    | 21 | accepted | §9.4 row 10: refuse only clear contradictions
            - | 3 | 1 | -    | 13 | accepted | no 意見書 yet: unknown
            1 | 1 | 1 | 80.0 | 13 | accepted | (decision) B3 asks the 蓋然性 only when exactly one is ≥ Ⅱ
            """;

    @Test
    void theSplitOfSupport2AndCare1IsRefusedOnlyWhenContradicted() {
        for (String line : SPLIT.strip().lines().toList()) {
            String[] c = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
            Map<String, String> values = with(careLevel1(), "stability=" + c[2] + ";firstJudgement=" + c[4]
                    + (c[3].equals("-") ? "" : ";dementiaProbability=" + c[3]));
            Outcome outcome = check(values, facts(c[0].equals("-") ? null : c[0], c[1].equals("-") ? null : c[1],
                    Set.of()));
            if (c[5].equals("accepted")) {
                assertThat(outcome).as(line).isInstanceOf(Accepted.class);
            } else {
                assertThat(refused(outcome)).as(line).singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("firstJudgement");
                    assertThat(v.reason()).startsWith("認知症高齢者の日常生活自立度")
                            .endsWith(c[4].equals("13") ? "からは要介護1です" : "からは要支援2です");
                });
            }
        }
    }

    @Test
    void stabilityIsMandatoryWhenTIsFrom32To50() {
        assertThat(refused(check(with(careLevel1(), "stability="), facts())))
                .containsExactly(new Violation("stability", "状態の安定性", "要介護認定等基準時間が32分以上50分未満のときは必須です"));
        String at32 = "standardMinutes=32.0;minutesMeal=2.0;firstJudgement=13;stability=";
        assertThat(refused(check(with(careLevel1(), at32), facts()))).extracting(Violation::field).contains("stability");
        String at319 = "standardMinutes=31.9;minutesMeal=1.9;firstJudgement=12;stability=";
        accepted(check(with(careLevel1(), at319), facts()));
        String at50 = "standardMinutes=50.0;minutesMeal=20.0;firstJudgement=22;stability=";
        accepted(check(with(careLevel1(), at50), facts()));
    }

    @Test
    void probabilityIsMandatoryWhenExactlyOneIndependenceIsTwoOrAbove() {
        assertThat(refused(check(careLevel1(), facts("3", "2", Set.of()))))
                .containsExactly(new Violation("dementiaProbability", "認知症自立度Ⅱ以上の蓋然性(%)",
                        "要介護認定等基準時間が32分以上50分未満で、認知症高齢者の日常生活自立度がⅡ以上なのが調査票・意見書の一方だけのときは必須です"));
        accepted(check(with(careLevel1(), "dementiaProbability=12.5"), facts("3", "2", Set.of())));
        accepted(check(careLevel1(), facts("3", "4", Set.of())));
        accepted(check(careLevel1(), facts("9", "4", Set.of())));
        String at60 = "standardMinutes=60.0;minutesMeal=30.0;firstJudgement=22";
        accepted(check(with(careLevel1(), at60), facts("3", "2", Set.of())));
    }

    // J4 and J5: warnings, never a refusal

    @Test
    void medicalMinutesBelowTheSpecialMedicalCareGiveAWarningOnly() {
        // 63 点滴の管理 8.5 + 71 経管栄養 9.1 = 17.6 minutes (ND B1)
        var special = facts("2", "1", Set.of(63, 71));
        assertThat(accepted(check(careLevel1(), special))).containsExactly(new Warning("minutesMedical", "医療関連行為",
                "調査票で「ある」の特別な医療の時間(17.6分)より短くなっています"));
        String enough = "minutesMedical=17.6;minutesMeal=0.0;minutesMovement=0.4;standardMinutes=40.0";
        assertThat(accepted(check(with(careLevel1(), enough), special)))
                .extracting(Warning::field).doesNotContain("minutesMedical");
    }

    @Test
    void areaMinutesOutsideTheirRangeGiveAWarningOnly() {
        String bigMeal = "standardMinutes=111.0;minutesMeal=81.0;firstJudgement=25";
        assertThat(accepted(check(with(careLevel1(), bigMeal), facts()))).containsExactly(
                new Warning("minutesMeal", "食事", "一次判定ソフトの出力範囲(1.1〜71.4分)の外です"));
        String lowBpsd = "standardMinutes=34.5;minutesBpsd=0.5";
        assertThat(accepted(check(with(careLevel1(), lowBpsd), facts()))).containsExactly(
                new Warning("minutesBpsd", "BPSD関連行為", "一次判定ソフトの出力範囲(5.8〜21.2分)の外です"));
        // 医療関連行為 up to 37.2 + the special medical minutes (17.6)
        String medical = "standardMinutes=86.0;minutesMedical=50.0;firstJudgement=23";
        assertThat(accepted(check(with(careLevel1(), medical), facts("2", "1", Set.of(63, 71))))).isEmpty();
        assertThat(accepted(check(with(careLevel1(), medical), facts()))).containsExactly(
                new Warning("minutesMedical", "医療関連行為", "一次判定ソフトの出力範囲(1.0〜37.2分)の外です"));
    }

    // J6 and the fields

    @Test
    void outOfRangeScoresAndMinutesAreRefusedByTheLayout() {
        assertThat(FirstJudgementLayout.parse(with(careLevel1(), "score3=100.0"))).isInstanceOf(FirstJudgementLayout.Row.class);
        assertThat(layoutViolations("score3=100.1")).containsExactly(new Violation("score3", "中間評価項目得点 第3群",
                "形式が正しくありません(得点(0〜100、小数1桁まで))"));
        assertThat(layoutViolations("score1=-1")).extracting(Violation::field).containsExactly("score1");
        assertThat(layoutViolations("score5=12.25")).extracting(Violation::field).containsExactly("score5");
        assertThat(layoutViolations("standardMinutes=1000.0")).extracting(Violation::field).containsExactly("standardMinutes");
        assertThat(layoutViolations("minutesTraining=abc")).containsExactly(new Violation("minutesTraining", "機能訓練関連行為",
                "形式が正しくありません(分(小数1桁まで、0〜999.9))"));
        assertThat(layoutViolations("dementiaAddition=2;firstJudgementWithAddition=22;minutesDementiaAddition=100.0"))
                .extracting(Violation::field).containsExactly("minutesDementiaAddition");
        assertThat(layoutViolations("dementiaProbability=100.1")).extracting(Violation::field)
                .containsExactly("dementiaProbability");
    }

    @Test
    void outOfRangeValuesBuiltElsewhereAreRefusedByTheChecks() {
        FirstJudgement j = ((FirstJudgementLayout.Row) FirstJudgementLayout.parse(careLevel1())).judgement();
        List<BigDecimal> scores = new ArrayList<>(j.scores());
        scores.set(2, new BigDecimal("100.1"));
        FirstJudgement outOfRange = new FirstJudgement(j.softwareInterface(), j.firstJudgedOn(), j.firstJudgement(),
                false, null, j.standardMinutes(), j.minutes(), null, scores, j.stability(), new BigDecimal("-0.1"),
                j.warnings());
        assertThat(refused(FirstJudgementChecks.check(outOfRange, facts()))).containsExactly(
                new Violation("score3", "中間評価項目得点 第3群", "0〜100の範囲で指定してください"),
                new Violation("dementiaProbability", "認知症自立度Ⅱ以上の蓋然性(%)", "0〜100の範囲で指定してください"));
    }

    @Test
    void firstJudgedOnIsFromTheSurveyToToday() {
        accepted(check(with(careLevel1(), "firstJudgedOn=2026-11-20"), facts()));
        accepted(check(with(careLevel1(), "firstJudgedOn=2026-12-06"), facts()));
        assertThat(refused(check(with(careLevel1(), "firstJudgedOn=2026-11-19"), facts())))
                .containsExactly(new Violation("firstJudgedOn", "一次判定日", "認定調査実施日より前の日付です"));
        assertThat(refused(check(with(careLevel1(), "firstJudgedOn=20261207"), facts())))
                .containsExactly(new Violation("firstJudgedOn", "一次判定日", "今日より後の日付です"));
    }

    @Test
    void theLayoutRefusesWhatItsFieldsAloneContradict() {
        assertThat(layoutViolations("firstJudgement=06")).extracting(Violation::field).containsExactly("firstJudgement");
        assertThat(layoutViolations("softwareInterface=99A")).extracting(Violation::field)
                .containsExactly("softwareInterface");
        assertThat(layoutViolations("softwareInterface=")).containsExactly(
                new Violation("softwareInterface", "厚労省IF識別コード", "必須です"));
        assertThat(layoutViolations("dementiaAddition=2")).containsExactly(
                new Violation("firstJudgementWithAddition", "認知症加算後の一次判定結果", "認知症加算が「有」のときは必須です"),
                new Violation("minutesDementiaAddition", "認知症加算(分)", "認知症加算が「有」のときは必須です"));
        assertThat(FirstJudgementLayout.parse(with(careLevel1(), "firstJudgementWithAddition=21;minutesDementiaAddition=0.0")))
                .as("無 with the same level and 0.0 minutes").isInstanceOf(FirstJudgementLayout.Row.class);
        assertThat(layoutViolations("firstJudgementWithAddition=22;minutesDementiaAddition=5.0"))
                .extracting(Violation::field).containsExactly("firstJudgementWithAddition", "minutesDementiaAddition");
        assertThat(layoutViolations("bloodType=A")).containsExactly(new Violation("bloodType", "bloodType", "この様式にない項目です"));
    }

    @Test
    void theCaseIsNamedByItsIdOrByInsuredNumberAndApplicationDate() {
        var byApplication = (FirstJudgementLayout.Row) FirstJudgementLayout.parse(
                with(careLevel1(), "caseId=;insuredNo=0000012345;appliedOn=2026-10-01"));
        assertThat(byApplication.caseReference()).isEqualTo(new CaseReference.ByApplication(
                new InsuredNumber("0000012345"), java.time.LocalDate.of(2026, 10, 1)));
        assertThat(layoutViolations("caseId=")).extracting(Violation::field).containsExactly("caseId");
        assertThat(layoutViolations("caseId=;insuredNo=0000012345")).containsExactly(
                new Violation("appliedOn", "申請日", "被保険者番号で指定するときは必須です"));
        assertThat(layoutViolations("insuredNo=0000012345")).containsExactly(
                new Violation("insuredNo", "被保険者番号", "認定案件を指定したときは記入しません"));
        assertThat(layoutViolations("caseId=3f2b8c1e-5d4a-4e7b-9c2d")).extracting(Violation::field).containsExactly("caseId");
        assertThat(layoutViolations("caseId=;insuredNo=123;appliedOn=2026-10-01")).containsExactly(
                new Violation("insuredNo", "被保険者番号", "半角英大文字・数字10桁で指定してください"));
    }

    private static List<Violation> layoutViolations(String changes) {
        FirstJudgementLayout.Parsed parsed = FirstJudgementLayout.parse(with(careLevel1(), changes));
        assertThat(parsed).as(changes).isInstanceOf(FirstJudgementLayout.Invalid.class);
        return ((FirstJudgementLayout.Invalid) parsed).violations();
    }

    @Nested
    class Csv {
        private static final String HEADER = "caseId,softwareInterface,一次判定日,firstJudgement,dementiaAddition,"
                + "standardMinutes,食事,排泄,移動,清潔保持,間接生活介助,BPSD関連行為,機能訓練関連行為,医療関連行為,"
                + "score1,score2,score3,score4,score5,stability,warnings";
        private static final String ROW = FirstJudgements.CASE_ID
                + ",09B,2026-12-01,21,1,40.0,10.0,5.0,4.0,6.0,3.0,6.0,2.0,4.0,80.5,90.0,70.2,95.0,60.0,2,";

        private FirstJudgementCsv.Result read(String text) {
            return FirstJudgementCsv.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                    StandardCharsets.UTF_8);
        }

        private List<FirstJudgementCsv.Line> lines(String text) {
            FirstJudgementCsv.Result result = read(text);
            assertThat(result).isInstanceOf(FirstJudgementCsv.Read.class);
            return ((FirstJudgementCsv.Read) result).lines();
        }

        private Rejection refusal(String text) {
            FirstJudgementCsv.Result result = read(text);
            assertThat(result).isInstanceOf(FirstJudgementCsv.Refused.class);
            return ((FirstJudgementCsv.Refused) result).problem();
        }

        @Test
        void violationsCarryTheirLineNumberCountingTheHeaderAsLineOne() {
            String bad = ROW.replace(",80.5,", ",100.5,");
            String quoted = ROW + "\"W01,\nW02\""; // the warnings cell, quoted over lines 5 and 6
            List<FirstJudgementCsv.Line> lines = lines("\uFEFF" + HEADER + "\n" + ROW + "\"W01,W02\"\n" + bad + "\n\n"
                    + quoted + "\n" + ROW.replace(",40.0,", ",41.0,").replace(",2,", ",2,x,") + "\n" + bad);
            assertThat(lines).extracting(FirstJudgementCsv.Line::number).containsExactly(2L, 3L, 5L, 7L, 8L);
            assertThat(((FirstJudgementCsv.Parsed) lines.get(0)).row().judgement().warnings()).containsExactly("W01", "W02");
            assertThat(((FirstJudgementCsv.Rejected) lines.get(1)).rejections()).containsExactly(
                    new Rejection(3, "score1", "中間評価項目得点 第1群", "形式が正しくありません(得点(0〜100、小数1桁まで))"));
            assertThat(((FirstJudgementCsv.Rejected) lines.get(2)).rejections()).as("a record over two lines: its first")
                    .containsExactly(new Rejection(5, "warnings", "一次判定警告コード", "制御文字は使用できません"));
            assertThat(((FirstJudgementCsv.Rejected) lines.get(3)).rejections()).containsExactly(
                    new Rejection(7, "row", "行", "列の数(22)が見出し行(21)と一致しません"));
            assertThat(((FirstJudgementCsv.Rejected) lines.get(4)).rejections()).extracting(Rejection::line)
                    .containsExactly(8L);
        }

        @Test
        void aFileWithoutAUsableHeaderIsRefusedAsAWhole() {
            assertThat(refusal("")).isEqualTo(new Rejection(1, "header", "見出し行", "見出し行がありません"));
            assertThat(refusal(ROW + "\n" + ROW).reason()).startsWith("1列目の見出しは一次判定の項目ではありません");
            assertThat(refusal(HEADER + ",血液型\n" + ROW + ",A")).isEqualTo(new Rejection(1, "header", "見出し行",
                    "22列目の見出しは一次判定の項目ではありません(1行目は項目名か項目キーの見出し行です)"));
            assertThat(refusal(HEADER + ",食事\n" + ROW + ",10.0")).isEqualTo(new Rejection(1, "minutesMeal", "食事",
                    "見出しが重複しています"));
            assertThat(refusal(HEADER.replace(",score3", "") + "\n")).isEqualTo(new Rejection(1, "score3",
                    "中間評価項目得点 第3群", "必須項目の列がありません"));
            assertThat(refusal(HEADER + "\n\"" + ROW).field()).isEqualTo("file");
        }

        @Test
        void aFileThatIsNotOfItsCharsetIsRefusedAsAWhole() {
            byte[] sjis = (HEADER + "\n" + ROW).getBytes(Charset.forName("windows-31j"));
            FirstJudgementCsv.Result result = FirstJudgementCsv.read(new ByteArrayInputStream(sjis), StandardCharsets.UTF_8);
            assertThat(result).isInstanceOf(FirstJudgementCsv.Refused.class);
            assertThat(((FirstJudgementCsv.Refused) result).problem().reason()).startsWith("文字コードが正しくありません");
            assertThat(FirstJudgementCsv.read(new ByteArrayInputStream(sjis), Charset.forName("windows-31j")))
                    .isInstanceOf(FirstJudgementCsv.Read.class);
        }
    }

    // garbage

    private static final String[] SAMPLES = {"", " ", "0", "1", "2", "3", "9", "09B", "01", "06", "13", "21", "25",
        "24.9", "25.0", "32.0", "49.9", "999.9", "1000", "-1", "100.0", "100.1", "1e3", "NaN", "0.05", "2026-12-01",
        "20261301", "2026-11-19", "0000012345", FirstJudgements.CASE_ID, "あ", "\u0000", "\uD800", "1,2,3", "\"",
        "null"};

    @Test
    void randomMapsAreParsedAndCheckedOrRefusedNeverAnException() {
        Random random = new Random(16);
        List<String> keys = new ArrayList<>(careLevel1().keySet());
        keys.addAll(List.of("insuredNo", "appliedOn", "firstJudgementWithAddition", "minutesDementiaAddition",
                "dementiaProbability", "unknown", ""));
        int rows = 0;
        int checked = 0;
        for (int round = 0; round < 500; round++) {
            Map<String, String> values = new HashMap<>(random.nextInt(4) == 0 ? Map.of() : careLevel1());
            int changes = random.nextInt(5);
            for (int i = 0; i < changes; i++) {
                String key = keys.get(random.nextInt(keys.size()));
                String value = random.nextInt(10) == 0 ? null : SAMPLES[random.nextInt(SAMPLES.length)];
                values.put(random.nextInt(50) == 0 ? null : key, value);
            }
            try {
                FirstJudgementLayout.Parsed parsed = FirstJudgementLayout.parse(values);
                if (parsed instanceof FirstJudgementLayout.Row row) {
                    rows++;
                    String[] dementia = {null, "1", "2", "3", "8", "9", "x"};
                    Outcome outcome = FirstJudgementChecks.check(row.judgement(), facts(
                            dementia[random.nextInt(dementia.length)], dementia[random.nextInt(dementia.length)],
                            Set.of(63 + random.nextInt(12))));
                    assertThat(outcome).isNotNull();
                    checked++;
                } else {
                    assertThat(((FirstJudgementLayout.Invalid) parsed).violations()).isNotEmpty();
                }
            } catch (RuntimeException e) {
                fail("round " + round + ": " + e.getClass().getName(), e);
            }
        }
        System.out.printf("random first judgements: %d parsed, %d checked%n", rows, checked);
        assertThat(rows).as("some random maps are valid rows, so the checks ran on them too").isPositive();
    }

    @Test
    void randomCsvFilesAreReadOrRefusedNeverAnException() {
        Random random = new Random(61);
        String file = Csv.HEADER + "\n" + Csv.ROW + "\n" + Csv.ROW.replace(",21,", ",13,") + "\n";
        for (int round = 0; round < 300; round++) {
            byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
            int flips = 1 + random.nextInt(8);
            for (int i = 0; i < flips; i++) {
                bytes[random.nextInt(bytes.length)] = (byte) (random.nextInt(3) == 0 ? random.nextInt(256)
                        : ",\"\n0.-9a".charAt(random.nextInt(8)));
            }
            try {
                FirstJudgementCsv.Result result = FirstJudgementCsv.read(new ByteArrayInputStream(bytes),
                        StandardCharsets.UTF_8);
                if (result instanceof FirstJudgementCsv.Read read) {
                    assertThat(read.lines()).allMatch(l -> l.number() >= 2);
                }
            } catch (RuntimeException e) {
                fail("round " + round + ": " + e.getClass().getName(), e);
            }
        }
    }
}
