package jp.kaigo.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import jp.kaigo.ingest.DocumentLayout;
import jp.kaigo.ingest.FieldSpec;
import jp.kaigo.ingest.Validated;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.Fuzz;
import jp.kaigo.shared.Violation;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 主治医意見書 layout (docs/design/certification-online.md §5.2, version 09B-2026), checked against tables written
 * from the design and records-formats.md §3: the published sample is valid; each change of a row gives exactly the
 * violations of that row; every item has its answer set and its mandatory flag; no map makes it throw.
 */
class OpinionLayoutTests {
    /** The sample a chart vendor can start from (src/test/resources/samples/). */
    static final String SAMPLE = "/samples/doctor-opinion-09B-2026.json";
    private static final DocumentLayout OPINION = new OpinionLayout().doctorOpinion();

    /** The sample opinion as a flat map, in its file's order; a fresh copy each time. */
    static Map<String, String> sample() {
        try (InputStream in = OpinionLayoutTests.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("no " + SAMPLE);
            }
            return JsonMapper.builder().build().readValue(in, new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void sampleIsValid() {
        Validated result = OPINION.validate(sample());
        assertThat(result).isInstanceOf(Validated.Valid.class);
        assertThat(((Validated.Valid) result).values()).containsEntry("writtenOn", LocalDate.of(2026, 12, 4))
                .containsEntry("opinion036", "2").containsEntry("note04", "151.5");
        assertThat(OPINION.kind()).isEqualTo(DocumentKind.DOCTOR_OPINION);
        assertThat(OPINION.version()).isEqualTo("09B-2026");
        assertThat(OPINION.label()).isEqualTo("主治医意見書");
    }

    /**
     * changes to the sample ("key=" removes the key; ";" separates) | the violated fields, in order ("-" for valid) |
     * text every reason contains | source (design §5.2 unless said).
     */
    private static final String RULES = """
            -                                         | -                   | -                                        | the sample (82歳, 脳梗塞後遺症, 右片麻痺)
            lastExaminedOn=2026-12-05                 | writtenOn           | 最終診察日より前の日付です                 | writtenOn ≥ lastExaminedOn
            lastExaminedOn=2026-12-04                 | -                   | -                                        | the same day
            lastExaminedOn=                           | -                   | -                                        | 最終診察日 is not mandatory
            dept04=1;dept12=1                         | otherDepartments    | 受診している診療科を1つ以上チェックしてください | otherDepartments = 2 ⇒ at least one dept
            otherDepartments=1;dept04=1;dept12=1      | -                   | -                                        | 他科受診 無
            dept13=2                                  | deptOtherName       | 「他科 その他」が「チェック有」のときは必須です | deptOtherName mandatory when dept13 = 2
            dept13=2;deptOtherName=形成外科            | -                   | -                                        |
            stability=2                               | instabilityNote     | 「1.(2) 症状としての安定性」が「不安定」のときは必須です | instabilityNote mandatory when stability = 2
            stability=2;instabilityNote=血糖値の変動が大きい | -             | -                                        |
            opinion021=1                              | opinion018          | 幻視・幻聴〜その他の症状のいずれかを「有」にしてください | 18 = 2 ⇒ one of 19–30 = 2
            opinion018=1                              | opinion021          | 「認知症の周辺症状の有無」が「有」でないときは「有」にできません | one of 19–30 = 2 ⇒ 18 = 2
            opinion018=9                              | opinion021          | 「有」でないときは「有」にできません        | 記載なし is not 有
            opinion018=1;opinion021=1                 | -                   | -                                        |
            opinion030=2                              | note01              | 「周辺症状 その他」が「有」のときは必須です  | 30 = 2 ⇒ note01
            opinion030=2;note01=独語                    | -                   | -                                        |
            opinion031=2                              | note02              | 「その他の精神・神経症状の有無」が「有」のときは必須です | 31 = 2 ⇒ note02
            opinion032=2                              | note03              | 「専門医受診の有無」が「有」のときは必須です | 32 = 2 ⇒ note03
            opinion035=2                              | note06              | 「四肢欠損」が「有」のときは必須です        | 35 = 2 ⇒ note06
            opinion035=2;note06=左第2趾                | -                   | -                                        |
            opinion037=1;opinion038=;opinion041=1;opinion042= | opinion036  | 麻痺の部位(右上肢・左上肢・右下肢・左下肢・その他)のいずれかを「有」にしてください | 36 = 2 ⇒ a limb
            opinion036=1                              | opinion037,opinion041 | 「麻痺」が「有」でないときは「有」にできません | a limb ⇒ 36 = 2
            opinion036=1;opinion037=1;opinion038=;opinion041=1;opinion042= | - | -                                  | no 麻痺
            opinion038=                               | opinion038          | 「麻痺 右上肢」が「有」のときは必須です    | 37 = 2 ⇒ 38 set
            opinion039=2                              | opinion040          | 「麻痺 左上肢」が「有」のときは必須です    | 39 = 2 ⇒ 40 set
            opinion042=                               | opinion042          | 「麻痺 右下肢」が「有」のときは必須です    | 41 = 2 ⇒ 42 set
            opinion043=2                              | opinion044          | 「麻痺 左下肢」が「有」のときは必須です    | 43 = 2 ⇒ 44 set
            opinion045=2                              | opinion046,note07   | 「麻痺 その他」が「有」のときは必須です    | 45 = 2 ⇒ 46 set and note07
            opinion045=2;opinion046=9;note07=顔面      | -                   | -                                        | 程度 9 記載なし is set
            opinion048=                               | opinion048          | 「筋力の低下」が「有」のときは必須です      | 47 = 2 ⇒ 48 set
            note08=                                   | note08              | 「筋力の低下」が「有」のときは必須です      | 47 = 2 ⇒ note08
            opinion050=;note09=                       | opinion050,note09   | 「関節の拘縮」が「有」のときは必須です      | 49 = 2 ⇒ 50, note09
            opinion049=1;opinion050=;note09=          | -                   | -                                        | no 拘縮
            opinion051=2                              | opinion052,note10   | 「関節の痛み」が「有」のときは必須です      | 51 = 2 ⇒ 52, note10
            opinion051=2;opinion052=1;note10=右肩      | -                   | -                                        |
            opinion060=2                              | opinion061,note11   | 「じょくそう」が「有」のときは必須です      | 60 = 2 ⇒ 61, note11
            opinion062=2                              | opinion063,note12   | 「その他の皮膚疾患」が「有」のときは必須です | 62 = 2 ⇒ 63, note12
            opinion062=2;opinion063=1;note12=両下腿     | -                   | -                                        |
            opinion053=2                              | opinion053          | 失調・不随意運動の部位(上肢・下肢・体幹の右・左)のいずれかを「有」にしてください | 53 = 2 ⇒ one of 54–59
            opinion054=2                              | opinion054          | 「失調・不随意運動」が「有」でないときは「有」にできません | one of 54–59 ⇒ 53 = 2
            opinion059=2                              | opinion059          | 「失調・不随意運動」が「有」でないときは「有」にできません | one of 54–59 ⇒ 53 = 2
            opinion053=2;opinion059=2                 | -                   | -                                        |
            opinion084=2                              | note14              | 状態 その他」が「有」のときは必須です        | 84 = 2 ⇒ note14
            opinion084=2;note14=幻肢痛                  | -                   | -                                        |
            note15=                                   | note15              | 「現在あるかまたは今後発生の可能性の高い状態」のいずれかが「有」のときは必須です | any of 71–84 = 2 ⇒ note15
            opinion071=1;opinion072=1;opinion073=1;note15= | -              | -                                        | no state, no 対処方針
            opinion071=1;opinion072=1;opinion073=1;opinion082=2;note15= | note15 | いずれかが「有」のときは必須です      | 82 易感染性 alone
            opinion071=1;opinion072=1;opinion073=1;opinion084=2;note14=幻肢痛;note15= | note15 | いずれかが「有」のときは必須です | 84 alone
            opinion106=2                              | note16              | 「医学的管理の必要性 その他の医療系のサービス」が「有」のときは必須です | 106 = 2 ⇒ note16
            opinion106=2;note16=訪問による摂食嚥下訓練  | -                   | -                                        |
            opinion107=2                              | -                   | -                                        | 必要性 alone: no rule in §5.2
            note17=                                   | note17              | 「医学的観点からの留意事項 血圧」が「あり」のときは必須です | 108 = 2 ⇒ note17
            note18=                                   | note18              | 「医学的観点からの留意事項 移動」が「あり」のときは必須です | 109 = 2 ⇒ note18
            opinion110=2                              | note19              | 「医学的観点からの留意事項 摂食」が「あり」のときは必須です | 110 = 2 ⇒ note19
            note20=                                   | note20              | 「医学的観点からの留意事項 運動」が「あり」のときは必須です | 111 = 2 ⇒ note20
            opinion112=2                              | note21              | 「医学的観点からの留意事項 嚥下」が「あり」のときは必須です | 112 = 2 ⇒ note21
            opinion108=9;note17=                      | -                   | -                                        | 記載なし needs no note
            opinion113=2                              | note23              | 「感染症の有無」が「有」のときは必須です    | 113 = 2 ⇒ note23
            opinion113=2;note23=MRSA保菌               | -                   | -                                        |
            opinion113=3                              | -                   | -                                        | 不明 needs no name
            note04=151.55                             | note04              | 小数点以下1桁までの数値を指定してください    | note04 numeric, 1 decimal
            note04=250.1                              | note04              | 0.0〜250.0の範囲で指定してください          | note04 0.0–250.0
            note04=250.0                              | -                   | -                                        |
            note04=0                                  | -                   | -                                        |
            note05=300.1                              | note05              | 0.0〜300.0の範囲で指定してください          | note05 0.0–300.0
            note05=４８.２                             | note05              | 半角数字で                               | note05 numeric
            note05=-1                                 | note05              | 半角数字で                               | note05 numeric
            note05=48kg                               | note05              | 半角数字で                               | note05 numeric
            opinion036=3                              | opinion036          | コードが正しくありません(1・2)             | K01
            opinion038=4                              | opinion038          | コードが正しくありません(1・2・3・9)       | K10
            disabilityIndependence=10                 | disabilityIndependence | コードが正しくありません                | RF §3.5: 10 記載無し is the 調査票's, the 意見書 has 0 未記入
            disabilityIndependence=0                  | -                   | -                                        | K02 0 未記入
            shortTermMemory=9                         | -                   | -                                        | K04 gains 9 記載なし
            communication=9                           | -                   | -                                        | K06 gains 9 記載なし
            opinion113=4                              | opinion113          | コードが正しくありません(1・2・3・9)       | K18
            consentToUse=3                            | consentToUse        | コードが正しくありません(1・2)             | 1 同意する, 2 同意しない
            consentToUse=2                            | -                   | -                                        | 同意しない is an answer
            institutionCode=1310123450                | institutionCode     | 検証番号(10桁目)が正しくありません         | FC §1.4
            institutionPhone=03(3264)0000             | institutionPhone    | 形式が正しくありません                     | (decision) phone as in the application
            doctorName=%s                             | doctorName          | 60文字以内で指定してください               | text ≤ 60
            deptOtherName=%s                          | deptOtherName       | 30文字以内で指定してください               | text ≤ 30
            onset1=%s                                 | onset1              | 20文字以内で指定してください               | text ≤ 20
            note13=%s                                 | note13              | 100文字以内で指定してください              | text ≤ 100
            opinion085=                               | opinion085          | 必須です                                 | 85 mandatory
            consentToUse=                             | consentToUse        | 必須です                                 | consentToUse mandatory
            institutionCode=                          | institutionCode     | 必須です                                 | institutionCode mandatory
            diagnosis1=                               | diagnosis1          | 必須です                                 | diagnosis1 mandatory
            disabilityIndependence=;opinion106=       | disabilityIndependence,opinion106 | 必須です                    | 13 and the selected flags of 86–107 mandatory
            opinion019=;opinion087=;opinion066=       | -                   | -                                        | sub-items, 必要性, 歩行補助具 not mandatory
            requestKind=1                             | requestKind         | この様式にない項目です                     | set from the request
            doctorKind=1                              | doctorKind          | この様式にない項目です                     | set from the request
            opinion013=5                              | opinion013          | この様式にない項目です                     | item 13 keeps the file key
            opinion114=1                              | opinion114          | この様式にない項目です                     | 09B has 113 items
            note24=x                                  | note24              | この様式にない項目です                     | 09B has 23 記入項目
            applicationType=1                         | applicationType     | この様式にない項目です                     | §2.4 a key of another kind
            """.formatted("あ".repeat(61), "あ".repeat(31), "あ".repeat(21), "あ".repeat(101));

    @Test
    void rowRulesAndFieldsFollowTheTable() {
        List<String> failures = new ArrayList<>();
        for (String line : RULES.strip().split("\n")) {
            String[] cells = line.split("\\|");
            String field = cells[1].strip();
            String reason = cells[2].strip();
            Map<String, String> values = changed(sample(), cells[0].strip());
            List<Violation> violations = OPINION.violations(values);
            boolean ok = field.equals("-") ? violations.isEmpty()
                    : violations.stream().map(Violation::field).toList().equals(List.of(field.split(",")))
                            && violations.stream().allMatch(v -> v.reason().contains(reason));
            if (!ok) {
                failures.add(line.strip() + "\n    got " + violations);
            }
        }
        assertThat(failures).isEmpty();
    }

    /** A violation names the item by its Japanese label, so the doctor sees which box is meant. */
    @Test
    void violationsCarryTheLabel() {
        assertThat(OPINION.violations(changed(sample(), "opinion036=1")))
                .containsExactly(new Violation("opinion037", "麻痺 右上肢", "「麻痺」が「有」でないときは「有」にできません"),
                        new Violation("opinion041", "麻痺 右下肢", "「麻痺」が「有」でないときは「有」にできません"));
        assertThat(OPINION.violations(changed(sample(), "opinion113=2")))
                .containsExactly(new Violation("note23", "感染症名", "「感染症の有無」が「有」のときは必須です"));
    }

    /** The answer sets of records-formats.md §3.3, as written there. */
    private static final String SETS = """
            K01 | 1 無, 2 有
            K02 | 1 自立, 2 J1, 3 J2, 4 A1, 5 A2, 6 B1, 7 B2, 8 C1, 9 C2, 0 未記入
            K03 | 1 自立, 2 Ⅰ, 3 Ⅱa, 4 Ⅱb, 5 Ⅲa, 6 Ⅲb, 7 Ⅳ, 8 M, 9 記載なし
            K04 | 1 問題なし, 2 問題あり, 9 記載なし
            K05 | 1 自立, 2 いくらか困難, 3 見守りが必要, 4 判断できない, 9 記載なし
            K06 | 1 伝えられる, 2 いくらか困難, 3 具体的要求に限られる, 4 伝えられない, 9 記載なし
            K07 | 1 無, 2 有, 9 記載なし
            K08 | 1 右, 2 左, 9 記載なし
            K09 | 1 増加, 2 維持, 3 減少, 9 記載なし
            K10 | 1 軽, 2 中, 3 重, 9 記載なし
            K11 | 1 自立, 2 介助があればしている, 3 していない, 9 記載なし
            K12 | 1 用いていない, 2 主に自分で操作している, 3 主に他人が操作している, 9 記載なし
            K13 | 1 チェック無, 2 チェック有
            K14 | 1 自立ないし何とか自分で食べられる, 2 全面介助, 9 記載なし
            K15 | 1 良好, 2 不良, 9 記載なし
            K16 | 1 期待できる, 2 期待できない, 3 不明, 9 記載なし
            K17 | 1 特になし, 2 あり, 9 記載なし
            K18 | 1 無, 2 有, 3 不明, 9 記載なし
            """;

    /**
     * 連番 (ranges "a-b", lists "a,b", "a-b/2" every second) | set | mandatory — the item table and the mandatory list
     * of design §5.2.
     */
    private static final String ITEMS = """
            1-12        | K01 | yes
            13          | K02 | yes
            14          | K03 | yes
            15          | K04 | yes
            16          | K05 | yes
            17          | K06 | yes
            18          | K07 | yes
            19-30       | K01 | no
            31-32       | K07 | yes
            33          | K08 | yes
            34          | K09 | yes
            35-36       | K01 | yes
            37-45/2     | K01 | no
            38-46/2     | K10 | no
            47-51/2     | K01 | yes
            48-52/2     | K10 | no
            53          | K01 | yes
            54-59       | K01 | no
            60,62       | K01 | yes
            61,63       | K10 | no
            64          | K11 | yes
            65          | K12 | yes
            66-68       | K13 | no
            69          | K14 | yes
            70          | K15 | yes
            71-84       | K01 | yes
            85          | K16 | yes
            86-106/2    | K01 | yes
            87-107/2    | K01 | no
            108-112     | K17 | yes
            113         | K18 | yes
            """;

    /** Items 13–17 keep the keys of the file layout (design §5.2). */
    private static final Map<Integer, String> FILE_KEYS = Map.of(13, "disabilityIndependence", 14,
            "dementiaIndependence", 15, "shortTermMemory", 16, "decisionMaking", 17, "communication");

    @Test
    void everyCodedItemHasItsSetAndMandatoryFlag() {
        Map<String, Map<String, String>> sets = new HashMap<>();
        for (String line : SETS.strip().split("\n")) {
            String[] cells = line.split("\\|");
            Map<String, String> codes = new LinkedHashMap<>();
            for (String pair : cells[1].split(",")) {
                String[] codeAndMeaning = pair.strip().split(" ", 2);
                codes.put(codeAndMeaning[0], codeAndMeaning[1]);
            }
            sets.put(cells[0].strip(), codes);
        }
        Set<Integer> seen = new java.util.TreeSet<>();
        List<String> failures = new ArrayList<>();
        for (String line : ITEMS.strip().split("\n")) {
            String[] cells = line.split("\\|");
            for (int no : numbers(cells[0].strip())) {
                seen.add(no);
                String key = FILE_KEYS.getOrDefault(no, "opinion%03d".formatted(no));
                FieldSpec field = OPINION.field(key).orElse(null);
                if (field == null) {
                    failures.add(no + ": no field " + key);
                } else if (!field.codes().equals(sets.get(cells[1].strip()))
                        || field.required() != cells[2].strip().equals("yes")) {
                    failures.add(no + ": " + field.codes() + " required=" + field.required() + ", expected " + line);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(seen).hasSize(113).first().isEqualTo(1);
    }

    @Test
    void keysAreTheHeaderThe113ItemsAndThe23Notes() {
        List<String> expected = new ArrayList<>(List.of("institutionCode", "institutionName", "institutionAddress",
                "institutionPhone", "doctorName", "writtenOn", "consentToUse", "lastExaminedOn", "count", "setting",
                "otherDepartments"));
        for (int i = 1; i <= 13; i++) {
            expected.add("dept%02d".formatted(i));
        }
        expected.addAll(List.of("deptOtherName", "diagnosis1", "onset1", "diagnosis2", "onset2", "diagnosis3",
                "onset3", "stability", "instabilityNote", "treatment"));
        for (int no = 1; no <= 113; no++) {
            expected.add(FILE_KEYS.getOrDefault(no, "opinion%03d".formatted(no)));
        }
        for (int no = 1; no <= 23; no++) {
            expected.add("note%02d".formatted(no));
        }
        expected.add("notes");
        assertThat(OPINION.fields()).extracting(FieldSpec::key).containsExactlyElementsOf(expected);
        assertThat(OPINION.fields()).allSatisfy(f -> assertThat(f.label()).isNotBlank());
        assertThat(OPINION.field("dept10").orElseThrow().label()).isEqualTo("他科 リハビリテーション科");
        assertThat(OPINION.field("opinion080").orElseThrow().label()).endsWith("摂食・嚥下機能低下");
        assertThat(OPINION.field("opinion105").orElseThrow().label()).isEqualTo("医学的管理の必要性 通所リハビリテーション 必要性");
        assertThat(OPINION.field("note04").orElseThrow().unit()).isEqualTo("cm");
        assertThat(OPINION.field("note05").orElseThrow().unit()).isEqualTo("kg");
    }

    /**
     * Property: any map gives Valid or Invalid, never an exception, and no row rule ever fails on valid fields (that
     * would be reported as "項目の組み合わせを確認できませんでした"). Half the rounds change a few items of the sample to
     * other codes of their own sets (so every field stays valid and the row rules run); half throw garbage at it.
     */
    @Test
    void anyMapIsValidOrInvalidNeverAnException() {
        Fuzz fuzz = Fuzz.seeded(165);
        Random random = fuzz.random();
        List<FieldSpec> fields = OPINION.fields();
        List<String> keys = fields.stream().map(FieldSpec::key).toList();
        String[] tokens = {"1", "2", "3", "9", "0", "10", "2026-12-01", "2026-02-30", "151.5", "１", "\u0000", "\uD800",
            "𠮷", "\u3000", "null", "-1", "1e400", "NaN", "", "opinion036", "requestKind"};
        Map<String, String> sample = sample();
        int valid = 0;
        int ruleViolations = 0;
        for (int round = 0; round < Fuzz.rounds(5_000); round++) {
            boolean codesOnly = random.nextBoolean();
            Map<String, String> values = codesOnly || random.nextBoolean() ? new HashMap<>(sample) : new HashMap<>();
            int changes = 1 + random.nextInt(6);
            for (int i = 0; i < changes; i++) {
                FieldSpec field = fields.get(random.nextInt(fields.size()));
                if (codesOnly) {
                    if (field.codes().isEmpty() || random.nextInt(8) == 0) {
                        values.remove(field.key());
                    } else {
                        List<String> codes = List.copyOf(field.codes().keySet());
                        values.put(field.key(), codes.get(random.nextInt(codes.size())));
                    }
                } else {
                    String key = random.nextInt(6) == 0 ? tokens[random.nextInt(tokens.length)] : field.key();
                    String value = random.nextInt(10) == 0 ? null : tokens[random.nextInt(tokens.length)];
                    values.put(random.nextInt(200) == 0 ? null : key, value);
                }
            }
            Validated result;
            try {
                result = OPINION.validate(values);
            } catch (RuntimeException e) {
                fail("seed " + fuzz.seed() + ", round " + round + ": " + values, e);
                return;
            }
            if (result instanceof Validated.Valid) {
                valid++;
                continue;
            }
            List<Violation> problems = ((Validated.Invalid) result).violations();
            for (Violation v : problems) {
                // plain checks: an AssertJ assertion per violation makes the loop ten times slower
                boolean named = keys.contains(v.field()) || v.field().isEmpty() || values.keySet().stream()
                        .anyMatch(k -> k != null && k.replaceAll("\\p{Cntrl}", "?").equals(v.field()));
                if (v.reason().equals("項目の組み合わせを確認できませんでした") || !named) {
                    fail("seed " + fuzz.seed() + ", round " + round + ": " + v);
                }
            }
            if (codesOnly && problems.stream().noneMatch(v -> v.reason().equals("必須です"))) {
                ruleViolations++;
            }
        }
        assertThat(valid).as("rounds that gave Valid").isPositive();
        assertThat(ruleViolations).as("rounds stopped by a row rule").isGreaterThan(Fuzz.rounds(5_000) / 10);
    }

    private static Map<String, String> changed(Map<String, String> values, String changes) {
        if (!changes.equals("-")) {
            for (String change : changes.split(";")) {
                int eq = change.indexOf('=');
                String key = change.substring(0, eq);
                String value = change.substring(eq + 1);
                if (value.isEmpty()) {
                    values.remove(key);
                } else {
                    values.put(key, value);
                }
            }
        }
        return values;
    }

    private static List<Integer> numbers(String cell) {
        List<Integer> numbers = new ArrayList<>();
        for (String part : cell.split(",")) {
            String[] stepped = part.strip().split("/");
            int step = stepped.length > 1 ? Integer.parseInt(stepped[1]) : 1;
            String[] bounds = stepped[0].split("-");
            int from = Integer.parseInt(bounds[0]);
            int to = bounds.length > 1 ? Integer.parseInt(bounds[1]) : from;
            for (int n = from; n <= to; n += step) {
                numbers.add(n);
            }
        }
        return numbers;
    }
}
