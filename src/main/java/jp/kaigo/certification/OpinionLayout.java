package jp.kaigo.certification;

import static jp.kaigo.ingest.Fields.checked;
import static jp.kaigo.ingest.Fields.code;
import static jp.kaigo.ingest.Fields.codes;
import static jp.kaigo.ingest.Fields.date;
import static jp.kaigo.ingest.Fields.notBefore;
import static jp.kaigo.ingest.Fields.phone;
import static jp.kaigo.ingest.Fields.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import jp.kaigo.ingest.DocumentLayout;
import jp.kaigo.ingest.FieldSpec;
import jp.kaigo.ingest.RowRule;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.Violation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The layout of the 主治医意見書 a medical institution sends (docs/design/certification-online.md §5.2, layout version
 * {@code 09B-2026}): the header of records-formats.md §3.2, the 113 coded items of the 09B interface (§3.4, answer
 * sets §3.3) and its 23 free-text items, flat, with the form's own logic as row rules.
 *
 * <p>Keys carry the 09B 連番: {@code opinion001}…{@code opinion113} and {@code note01}…{@code note23}, except items
 * 13–17, which keep the keys of the file layout ({@link CertificationLayouts#doctorOpinion()}) so the record has
 * one column per item (§5.2). As in {@link DocumentLayouts}, what the platform sets is not a field: 依頼区分
 * ({@code requestKind}) and 医師区分 ({@code doctorKind}) come from the request the opinion answers.
 *
 * <p>Rules that need facts outside the payload are not layout rules: 医療機関コード = the sender's certificate,
 * 記入日 ≥ the request's sent day and ≤ today, and the cross-check of 特別な医療 1–12 against the accepted 調査票
 * (listed to the clerk, never a refusal) belong where the request, the sender and the clock are known.
 */
@Configuration(proxyBeanMethods = false)
class OpinionLayout {
    static final String VERSION = "09B-2026";

    // answer sets of the 09B interface (records-formats.md §3.3); K19 is not used by 09B
    static final Map<String, String> K01 = codes("1", "無", "2", "有");
    static final Map<String, String> K02 = codes("1", "自立", "2", "J1", "3", "J2", "4", "A1", "5", "A2", "6", "B1",
            "7", "B2", "8", "C1", "9", "C2", "0", "未記入");
    static final Map<String, String> K03 = codes("1", "自立", "2", "Ⅰ", "3", "Ⅱa", "4", "Ⅱb", "5", "Ⅲa", "6", "Ⅲb",
            "7", "Ⅳ", "8", "M", "9", "記載なし");
    static final Map<String, String> K04 = codes("1", "問題なし", "2", "問題あり", "9", "記載なし");
    static final Map<String, String> K05 = codes("1", "自立", "2", "いくらか困難", "3", "見守りが必要", "4", "判断できない",
            "9", "記載なし");
    static final Map<String, String> K06 = codes("1", "伝えられる", "2", "いくらか困難", "3", "具体的要求に限られる",
            "4", "伝えられない", "9", "記載なし");
    static final Map<String, String> K07 = codes("1", "無", "2", "有", "9", "記載なし");
    static final Map<String, String> K08 = codes("1", "右", "2", "左", "9", "記載なし");
    static final Map<String, String> K09 = codes("1", "増加", "2", "維持", "3", "減少", "9", "記載なし");
    static final Map<String, String> K10 = codes("1", "軽", "2", "中", "3", "重", "9", "記載なし");
    static final Map<String, String> K11 = codes("1", "自立", "2", "介助があればしている", "3", "していない", "9", "記載なし");
    static final Map<String, String> K12 = codes("1", "用いていない", "2", "主に自分で操作している", "3", "主に他人が操作している",
            "9", "記載なし");
    static final Map<String, String> K13 = codes("1", "チェック無", "2", "チェック有");
    static final Map<String, String> K14 = codes("1", "自立ないし何とか自分で食べられる", "2", "全面介助", "9", "記載なし");
    static final Map<String, String> K15 = codes("1", "良好", "2", "不良", "9", "記載なし");
    static final Map<String, String> K16 = codes("1", "期待できる", "2", "期待できない", "3", "不明", "9", "記載なし");
    static final Map<String, String> K17 = codes("1", "特になし", "2", "あり", "9", "記載なし");
    static final Map<String, String> K18 = codes("1", "無", "2", "有", "3", "不明", "9", "記載なし");

    /** Items 13–17 keep the keys of the file layout (design §5.2). */
    private static final Map<Integer, String> FILE_KEYS = Map.of(13, "disabilityIndependence", 14,
            "dementiaIndependence", 15, "shortTermMemory", 16, "decisionMaking", 17, "communication");

    /** 他科 (RF §3.2 header; the form's order), dept01…dept13. */
    private static final List<String> DEPARTMENTS = List.of("内科", "精神科", "外科", "整形外科", "脳神経外科", "皮膚科",
            "泌尿器科", "婦人科", "耳鼻咽喉科", "リハビリテーション科", "歯科", "眼科", "その他");

    /** 4(5) 医学的管理の必要性: each service is a pair (selected, 必要性), 連番 86/87 … 106/107. */
    private static final List<String> MEDICAL_SERVICES = List.of("訪問診療", "訪問看護", "看護職員の訪問による相談・支援",
            "訪問歯科診療", "訪問薬剤管理指導", "訪問リハビリテーション", "短期入所療養介護", "訪問歯科衛生指導", "訪問栄養食事指導",
            "通所リハビリテーション", "その他の医療系のサービス");

    private static final String STATES = "現在あるかまたは今後発生の可能性の高い状態";
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,3}(\\.[0-9])?");

    /** The key of a coded item by its 09B 連番. */
    static String key(int no) {
        return FILE_KEYS.getOrDefault(no, "opinion%03d".formatted(no));
    }

    /** The key of a free-text item by its 09B 記入項目 連番. */
    static String note(int no) {
        return "note%02d".formatted(no);
    }

    /** 主治医意見書 (医 → 保), design §5.2. */
    @Bean
    DocumentLayout doctorOpinion() {
        List<FieldSpec> fields = new ArrayList<>(header());
        fields.addAll(codedItems());
        fields.addAll(notes());
        fields.add(text("notes", "5. 特記すべき事項", 4000));
        Map<String, FieldSpec> byKey = new LinkedHashMap<>();
        fields.forEach(f -> byKey.put(f.key(), f));
        return new DocumentLayout(DocumentKind.DOCTOR_OPINION, DocumentKind.DOCTOR_OPINION.label(), VERSION, fields,
                rules(byKey));
    }

    private static List<FieldSpec> header() {
        List<FieldSpec> f = new ArrayList<>(List.of(
                checked("institutionCode", "医療機関コード", "数字10桁(検証番号付き)", MedicalInstitutionCode::new)
                        .mandatory(),
                text("institutionName", "医療機関名", 100).mandatory(),
                text("institutionAddress", "医療機関の所在地", 200),
                phone("institutionPhone", "医療機関の電話番号"),
                text("doctorName", "医師氏名", 60).mandatory(),
                date("writtenOn", "記入日").mandatory(),
                code("consentToUse", "同意の有無(本意見書が介護サービス計画作成等に利用されることに同意する)",
                        codes("1", "同意する", "2", "同意しない")).mandatory(),
                date("lastExaminedOn", "最終診察日"),
                code("count", "意見書作成回数", codes("1", "初回", "2", "2回目以上")).mandatory(),
                code("setting", "在宅・施設", codes("1", "在宅", "2", "施設")),
                code("otherDepartments", "他科受診の有無", codes("1", "無", "2", "有")).mandatory()));
        for (int i = 0; i < DEPARTMENTS.size(); i++) {
            f.add(code(dept(i + 1), "他科 " + DEPARTMENTS.get(i), K13));
        }
        f.add(text("deptOtherName", "他科 その他の名称", 30));
        for (int i = 1; i <= 3; i++) {
            FieldSpec diagnosis = text("diagnosis" + i, "1.(1) 診断名" + i, 100);
            f.add(i == 1 ? diagnosis.mandatory() : diagnosis);
            f.add(text("onset" + i, "発症年月日" + i, 20));
        }
        f.add(code("stability", "1.(2) 症状としての安定性", codes("1", "安定", "2", "不安定", "3", "不明")).mandatory());
        f.add(text("instabilityNote", "不安定とした場合の具体的な状況", 200));
        f.add(text("treatment", "1.(3) 生活機能低下の直接の原因となっている傷病の経過及び投薬内容を含む治療内容", 1000));
        return f;
    }

    private static String dept(int no) {
        return "dept%02d".formatted(no);
    }

    /** The 113 coded items in 連番 order (design §5.2 table). */
    private static List<FieldSpec> codedItems() {
        List<FieldSpec> f = new ArrayList<>(113);
        String[] medical = {"点滴の管理", "中心静脈栄養", "透析", "ストーマの処置", "酸素療法", "レスピレーター", "気管切開の処置",
            "疼痛の看護", "経管栄養"};
        for (String item : medical) {
            item(f, "特別な医療(処置内容) " + item, K01);
        }
        item(f, "特別な医療(特別な対応) モニター測定", K01);
        item(f, "特別な医療(特別な対応) じょくそうの処置", K01);
        item(f, "特別な医療(失禁への対応) カテーテル", K01);
        item(f, "障害高齢者の日常生活自立度(寝たきり度)", K02);
        item(f, "認知症高齢者の日常生活自立度", K03);
        item(f, "短期記憶", K04);
        item(f, "日常の意思決定を行うための認知能力", K05);
        item(f, "自分の意思の伝達能力", K06);
        item(f, "認知症の周辺症状の有無", K07);
        for (String symptom : List.of("幻視・幻聴", "妄想", "昼夜逆転", "暴言", "暴行", "介護への抵抗", "徘徊", "火の不始末",
                "不潔行為", "異食行動", "性的問題行動", "その他")) {
            item(f, "周辺症状 " + symptom, K01);
        }
        item(f, "その他の精神・神経症状の有無", K07);
        item(f, "専門医受診の有無", K07);
        item(f, "利き腕", K08);
        item(f, "過去6か月の体重の変化", K09);
        item(f, "四肢欠損", K01);
        item(f, "麻痺", K01);
        for (String limb : List.of("右上肢", "左上肢", "右下肢", "左下肢", "その他")) {
            item(f, "麻痺 " + limb, K01);
            item(f, "麻痺 " + limb + " 程度", K10);
        }
        for (String state : List.of("筋力の低下", "関節の拘縮", "関節の痛み")) {
            item(f, state, K01);
            item(f, state + " 程度", K10);
        }
        item(f, "失調・不随意運動", K01);
        for (String part : List.of("上肢", "下肢", "体幹")) {
            item(f, "失調・不随意運動 " + part + " 右", K01);
            item(f, "失調・不随意運動 " + part + " 左", K01);
        }
        for (String skin : List.of("じょくそう", "その他の皮膚疾患")) {
            item(f, skin, K01);
            item(f, skin + " 程度", K10);
        }
        item(f, "屋外歩行", K11);
        item(f, "車いすの使用", K12);
        for (String use : List.of("用いていない", "屋外で使用", "屋内で使用")) {
            item(f, "歩行補助具・装具 " + use, K13);
        }
        item(f, "食事行為", K14);
        item(f, "現在の栄養状態", K15);
        for (String state : List.of("尿失禁", "転倒・骨折", "移動能力の低下", "褥瘡", "心肺機能の低下", "閉じこもり", "意欲低下",
                "徘徊", "低栄養", "摂食・嚥下機能低下", "脱水", "易感染性", "がん等による疼痛", "その他")) {
            item(f, STATES + " " + state, K01);
        }
        item(f, "サービス利用による生活機能の維持・改善の見通し", K16);
        for (String service : MEDICAL_SERVICES) {
            item(f, "医学的管理の必要性 " + service, K01);
            item(f, "医学的管理の必要性 " + service + " 必要性", K01);
        }
        for (String point : List.of("血圧", "移動", "摂食", "運動", "嚥下")) {
            item(f, "医学的観点からの留意事項 " + point, K17);
        }
        item(f, "感染症の有無", K18);
        if (f.size() != 113) {
            throw new IllegalStateException("the 09B interface has 113 coded items, the layout " + f.size());
        }
        return f;
    }

    /**
     * Items the form asks every doctor to answer (design §5.2): 1–17, 18, 31–36, 47, 49, 51, 53, 60, 62, 64, 65, 69,
     * 70, 71–84, 85, the selected flags of 86–107 (the even 連番), 108–112, 113.
     */
    static boolean mandatory(int no) {
        return no <= 18 || no >= 31 && no <= 36 || no == 47 || no == 49 || no == 51 || no == 53 || no == 60
                || no == 62 || no == 64 || no == 65 || no >= 69 && no <= 85 || no >= 86 && no <= 107 && no % 2 == 0
                || no >= 108;
    }

    private static void item(List<FieldSpec> f, String label, Map<String, String> set) {
        int no = f.size() + 1;
        FieldSpec field = code(key(no), label, set);
        f.add(mandatory(no) ? field.mandatory() : field);
    }

    /** The 23 記入項目 of 09B (RF §3.4 IkenshoKinyuMapping09B). */
    private static List<FieldSpec> notes() {
        List<FieldSpec> f = new ArrayList<>(23);
        String[] labels = {"周辺症状その他", "精神・神経症状名", "専門医受診 詳細", null, null, "四肢欠損 部位",
            "麻痺その他 部位", "筋力低下 部位", "拘縮 部位", "関節痛 部位", "じょくそう 部位", "皮膚疾患 部位",
            "栄養・食生活上の留意点", "状態その他", "対処方針", "その他の医療系サービス", "留意事項 血圧", "留意事項 移動",
            "留意事項 摂食", "留意事項 運動", "留意事項 嚥下", "留意事項その他", "感染症名"};
        for (int i = 0; i < labels.length; i++) {
            int no = i + 1;
            if (no == 4) {
                f.add(decimal(note(no), "身長", "250.0").in("cm"));
            } else if (no == 5) {
                f.add(decimal(note(no), "体重", "300.0").in("kg"));
            } else {
                f.add(text(note(no), labels[i], 100));
            }
        }
        return f;
    }

    /**
     * The row rules of design §5.2, each reported under the dependent item's key (the note or 程度 that is missing;
     * the sub-item marked 有 under a parent that is not; the parent when none of its sub-items is marked).
     */
    private static List<RowRule> rules(Map<String, FieldSpec> fields) {
        List<RowRule> rules = new ArrayList<>();
        rules.add(notBefore("writtenOn", fields.get("writtenOn").label(), "lastExaminedOn",
                fields.get("lastExaminedOn").label()));
        // 他科受診: 有 names at least one department; その他 names it
        List<String> depts = new ArrayList<>();
        for (int i = 1; i <= DEPARTMENTS.size(); i++) {
            depts.add(dept(i));
        }
        rules.add(when("otherDepartments", fields, v -> "2".equals(v.get("otherDepartments"))
                && depts.stream().noneMatch(d -> "2".equals(v.get(d))),
                "「有」のときは、受診している診療科を1つ以上チェックしてください"));
        rules.add(requiredWhenTwo("deptOtherName", dept(13), fields));
        rules.add(requiredWhenTwo("instabilityNote", "stability", fields));
        // 3(3) 周辺症状 18 ⇔ 19–30; 30 その他 ⇒ note01; 3(4) 31 ⇒ note02, 32 ⇒ note03
        group(rules, 18, range(19, 30), "幻視・幻聴〜その他の症状", fields);
        rules.add(requiredWhenTwo(note(1), key(30), fields));
        rules.add(requiredWhenTwo(note(2), key(31), fields));
        rules.add(requiredWhenTwo(note(3), key(32), fields));
        // 3(5) 身体の状態
        rules.add(requiredWhenTwo(note(6), key(35), fields));
        group(rules, 36, List.of(37, 39, 41, 43, 45), "麻痺の部位(右上肢・左上肢・右下肢・左下肢・その他)", fields);
        for (int limb = 37; limb <= 45; limb += 2) {
            rules.add(requiredWhenTwo(key(limb + 1), key(limb), fields));
        }
        rules.add(requiredWhenTwo(note(7), key(45), fields));
        int[][] withDegree = {{47, 8}, {49, 9}, {51, 10}, {60, 11}, {62, 12}};
        for (int[] item : withDegree) {
            rules.add(requiredWhenTwo(key(item[0] + 1), key(item[0]), fields));
            rules.add(requiredWhenTwo(note(item[1]), key(item[0]), fields));
        }
        group(rules, 53, range(54, 59), "失調・不随意運動の部位(上肢・下肢・体幹の右・左)", fields);
        // 4(3) 状態: その他 ⇒ its name; any state ⇒ 対処方針
        rules.add(requiredWhenTwo(note(14), key(84), fields));
        List<Integer> states = range(71, 84);
        rules.add(when(note(15), fields, v -> states.stream().anyMatch(no -> "2".equals(v.get(key(no))))
                && !v.containsKey(note(15)), "「" + STATES + "」のいずれかが「有」のときは必須です"));
        // 4(5) その他の医療系のサービス ⇒ its name; 4(6) 留意事項 あり ⇒ its note; 4(7) 感染症 有 ⇒ its name
        rules.add(requiredWhenTwo(note(16), key(106), fields));
        for (int i = 0; i < 5; i++) {
            rules.add(requiredWhenTwo(note(17 + i), key(108 + i), fields));
        }
        rules.add(requiredWhenTwo(note(23), key(113), fields));
        return rules;
    }

    /** A parent 有 ⇔ at least one sub-item 有: the parent's key when none is; a sub-item's key when the parent is not. */
    private static void group(List<RowRule> rules, int parent, List<Integer> children, String what,
            Map<String, FieldSpec> fields) {
        String parentKey = key(parent);
        rules.add(when(parentKey, fields, v -> "2".equals(v.get(parentKey))
                && children.stream().noneMatch(c -> "2".equals(v.get(key(c)))),
                "「有」のときは、" + what + "のいずれかを「有」にしてください"));
        String parentLabel = fields.get(parentKey).label();
        for (int child : children) {
            String childKey = key(child);
            rules.add(when(childKey, fields, v -> "2".equals(v.get(childKey)) && !"2".equals(v.get(parentKey)),
                    "「" + parentLabel + "」が「有」でないときは「有」にできません"));
        }
    }

    /** The field must be given when {@code on} is answered 2 (有, あり, チェック有, 不安定: the answer named in the message). */
    private static RowRule requiredWhenTwo(String key, String on, Map<String, FieldSpec> fields) {
        FieldSpec condition = fields.get(on);
        String reason = "「" + condition.label() + "」が「" + condition.codes().get("2") + "」のときは必須です";
        return when(key, fields, v -> "2".equals(v.get(on)) && !v.containsKey(key), reason);
    }

    /** A violation under {@code key} when the condition holds. */
    private static RowRule when(String key, Map<String, FieldSpec> fields, Predicate<Map<String, Object>> broken,
            String reason) {
        FieldSpec field = fields.get(key);
        if (field == null) {
            throw new IllegalArgumentException("no field " + key + " in the layout");
        }
        String label = field.label();
        return v -> broken.test(v) ? Optional.of(new Violation(key, label, reason)) : Optional.empty();
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            numbers.add(i);
        }
        return numbers;
    }

    /** A measurement: 0.0 up to {@code max}, at most one decimal; kept as the text given (Valid holds strings). */
    private static FieldSpec decimal(String key, String label, String max) {
        BigDecimal most = new BigDecimal(max);
        String rule = "数値 0.0〜" + max + "(小数点以下1桁まで)";
        return new FieldSpec(key, label, false, rule, Map.of(), s -> {
            if (!DECIMAL.matcher(s).matches()) {
                throw new InvalidValue(key, label, "半角数字で、小数点以下1桁までの数値を指定してください(例 152.5)");
            }
            if (new BigDecimal(s).compareTo(most) > 0) {
                throw new InvalidValue(key, label, "0.0〜" + max + "の範囲で指定してください");
            }
            return s;
        });
    }

    /** As the application's phone numbers (DocumentLayouts): digits and hyphens, at most 15. */
}
