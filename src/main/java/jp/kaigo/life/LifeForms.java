package jp.kaigo.life;

import static jp.kaigo.ingest.Fields.codes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The LIFE forms the platform takes, item by item (ID, label, kind, codes, required ◎), after the 2021
 * interface (records-formats.md §2.3, §2.4). Every form starts with the common head.
 */
final class LifeForms {
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    enum Kind { CODE, DATE, INTEGER, DECIMAL, TEXT }

    /** One item: ID (the CSV's second line), label, kind, codes (for CODE), size (TEXT length, INTEGER max). */
    record Item(String id, String label, Kind kind, Map<String, String> codes, int size, boolean required) {

        /** The value as stored, or an exception with the reason in Japanese. */
        Object parse(String text) {
            return switch (kind) {
                case CODE -> {
                    if (!codes.containsKey(text)) {
                        throw new IllegalArgumentException("コードが正しくありません(" + String.join("・", codes.keySet()) + ")");
                    }
                    yield text;
                }
                case DATE -> {
                    try {
                        yield LocalDate.parse(text, BASIC).toString();
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("日付(YYYYMMDD)の形式ではないか、存在しない日付です");
                    }
                }
                case INTEGER -> {
                    try {
                        int value = Integer.parseInt(text);
                        if (value < 0 || value > size) {
                            throw new NumberFormatException();
                        }
                        yield value;
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("0〜" + size + "の整数で指定してください");
                    }
                }
                case DECIMAL -> {
                    try {
                        BigDecimal value = new BigDecimal(text);
                        if (value.signum() < 0 || value.scale() > 1 || value.compareTo(BigDecimal.valueOf(1000)) >= 0) {
                            throw new NumberFormatException();
                        }
                        yield value;
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("整数3桁・小数1桁以内の数値で指定してください");
                    }
                }
                case TEXT -> {
                    if (text.codePointCount(0, text.length()) > size) {
                        throw new IllegalArgumentException(size + "文字以内で指定してください");
                    }
                    yield text;
                }
            };
        }
    }

    /** One form: its physical name, its Japanese name and its items after the common head. */
    record Form(String id, String name, List<Item> items) {
    }

    static final List<Item> HEAD = List.of(
            text("care_facility_id", "事業所番号", 10, true), text("service_code", "サービス種類コード", 2, true),
            text("insurer_no", "保険者番号", 6, true), text("insured_no", "被保険者番号", 10, true),
            text("external_system_management_number", "外部システム管理番号", 150, true));

    private static final Map<String, String> BARTHEL_3 = codes("0", "全介助", "1", "一部介助", "2", "自立");
    private static final Map<String, String> BARTHEL_4_TRANSFER = codes("0", "全介助", "1", "座れるが移れない", "2",
            "監視下", "3", "自立");
    private static final Map<String, String> BARTHEL_4_WALK = codes("0", "全介助", "1", "車椅子操作が可能", "2", "歩行器等",
            "3", "自立");
    private static final Map<String, String> YES_NO = codes("0", "無し", "1", "有り");
    private static final Map<String, String> DBD = codes("0", "全くない", "1", "ほとんどない", "2", "ときどきある", "3",
            "よくある", "4", "常にある");

    static final Map<String, Form> FORMS = forms();

    private LifeForms() {
    }

    /** The ten Barthel Index items (both forms use them). */
    private static List<Item> barthel() {
        return List.of(code("barthel_index_meal", "食事", BARTHEL_3, false),
                code("barthel_transfer", "椅子とベッド間の移乗", BARTHEL_4_TRANSFER, false),
                code("barthel_index_personal_hygiene_and_adjustment", "整容", codes("0", "全介助", "1", "一部介助", "2", "自立"), false),
                code("barthel_index_toilet_activity", "トイレ動作", BARTHEL_3, false),
                code("barthel_index_bathing", "入浴", codes("0", "全介助", "1", "一部介助", "2", "自立"), false),
                code("barthel_index_flat_ground_walking", "平地歩行", BARTHEL_4_WALK, false),
                code("barthel_index_stair_movement", "階段昇降", BARTHEL_3, false),
                code("barthel_index_changing_clothes", "更衣", BARTHEL_3, false),
                code("barthel_index_defecation_manage", "排便コントロール", BARTHEL_3, false),
                code("barthel_index_urination_manage", "排尿コントロール", BARTHEL_3, false));
    }

    private static Map<String, Form> forms() {
        List<Item> promotion = new ArrayList<>(List.of(
                code("facility_outpatient_category", "施設／通所・居宅区分", codes("1", "施設", "2", "通所・居宅"), true),
                date("evaluate_date", "評価日", true), date("last_evaluate_date", "前回評価日", false),
                text("record_staff_job_category", "記入者職種", 3, false),
                code("impaired_elderly_independence_degree", "障害高齢者の日常生活自立度", codes("1", "自立", "2", "J1",
                        "3", "J2", "4", "A1", "5", "A2", "6", "B1", "7", "B2", "8", "C1", "9", "C2"), false),
                code("dementia_elderly_independence_degree", "認知症高齢者の日常生活自立度", codes("1", "自立", "2", "Ⅰ",
                        "3", "Ⅱa", "4", "Ⅱb", "5", "Ⅲa", "6", "Ⅲb", "7", "Ⅳ", "8", "M"), false),
                code("family_01", "同居家族等の有無", YES_NO, false),
                code("family_nursing_time", "家族等が介護できる時間", codes("1", "ほとんど終日", "2", "半日程度", "3",
                        "2～3時間程度", "4", "必要な時に手をかす程度", "5", "その他"), false),
                date("adl_evaluate", "ADL評価日", false)));
        promotion.addAll(barthel());
        promotion.addAll(List.of(date("nutrition_evalaute_date", "栄養評価日", false),
                decimal("height", "身長(cm)"), decimal("weight", "体重(kg)"),
                code("bedsore", "褥瘡", YES_NO, false),
                code("diagnosis_of_dementia_flag", "認知症の診断", YES_NO, false),
                date("diagnosis_of_dementia_date", "認知症の診断日", false)));
        String[] dbd = {"同じことを何度も何度も聞く", "よく物をなくしたり、置場所を間違えたり、隠したりしている",
            "日常的な物事に関心を示さない", "特別な理由がないのに夜中起き出す", "特別な根拠もないのに人に言いがかりをつける",
            "昼間、寝てばかりいる", "やたらに歩き回る", "同じ動作をいつまでも繰り返す", "口汚くののしる",
            "場違いあるいは季節に合わない不適切な服装をする", "世話をされるのを拒否する",
            "明らかな理由なしに物を貯め込む", "引き出しや箪笥の中身をみんな出してしまう"};
        for (int i = 0; i < dbd.length; i++) {
            promotion.add(code("dbd13_%02d".formatted(i + 1), "DBD13 " + dbd[i], DBD, false));
        }
        List<Item> adl = new ArrayList<>(List.of(date("adl_evaluate", "ADL評価日", true)));
        adl.addAll(barthel());
        adl.addAll(List.of(code("first_month", "初月対象", YES_NO, false),
                code("seventh_month", "7ヶ月目対象", YES_NO, false)));
        Map<String, Form> forms = new LinkedHashMap<>();
        forms.put("FORM_0000_2021", new Form("FORM_0000_2021", "科学的介護推進情報", promotion));
        forms.put("FORM_0900_2021", new Form("FORM_0900_2021", "ADL維持等", adl));
        return forms;
    }

    /** The date a form's row is about (its key besides the sender's number). */
    static String evaluationItem(Form form) {
        return form.id().equals("FORM_0900_2021") ? "adl_evaluate" : "evaluate_date";
    }

    private static Item code(String id, String label, Map<String, String> codes, boolean required) {
        return new Item(id, label, Kind.CODE, codes, 0, required);
    }

    private static Item date(String id, String label, boolean required) {
        return new Item(id, label, Kind.DATE, Map.of(), 0, required);
    }

    private static Item decimal(String id, String label) {
        return new Item(id, label, Kind.DECIMAL, Map.of(), 0, false);
    }

    private static Item text(String id, String label, int length, boolean required) {
        return new Item(id, label, Kind.TEXT, Map.of(), length, required);
    }
}
