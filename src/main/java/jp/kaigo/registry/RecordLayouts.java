package jp.kaigo.registry;

import static jp.kaigo.ingest.Fields.checked;
import static jp.kaigo.ingest.Fields.code;
import static jp.kaigo.ingest.Fields.codes;
import static jp.kaigo.ingest.Fields.date;
import static jp.kaigo.ingest.Fields.integer;
import static jp.kaigo.ingest.Fields.kana;
import static jp.kaigo.ingest.Fields.notBefore;
import static jp.kaigo.ingest.Fields.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kaigo.ingest.FieldSpec;
import jp.kaigo.ingest.RecordLayout;
import jp.kaigo.ingest.RowRule;
import jp.kaigo.shared.CareLevel;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.ServiceType;
import jp.kaigo.shared.Violation;

/**
 * Field layouts of the municipality files, after the faces of the paper cards
 * (formats-and-codes.md §4). Codes without a published national table (資格取得・喪失事由,
 * 給付制限, 施設種類, 住宅改修 リセット事由) are this platform's and are listed in the README.
 */
final class RecordLayouts {
    static final int RESTRICTIONS = 3;
    static final int PLAN_OFFICES = 3;
    static final int FACILITIES = 2;
    static final int SERVICE_LIMITS = 3;

    private RecordLayouts() {
    }

    static RecordLayout insured() {
        List<FieldSpec> f = List.of(
                text("name", "氏名", 60).mandatory(),
                kana("nameKana", "氏名カナ", 60).mandatory(),
                date("birthDate", "生年月日").mandatory(),
                code("sex", "性別", codes("1", "男", "2", "女")).mandatory(),
                checked("postalCode", "郵便番号", "NNN-NNNN", RecordLayouts::postalCode),
                text("address", "住所", 200).mandatory(),
                code("category", "被保険者区分", codes("1", "第1号被保険者", "2", "第2号被保険者")).mandatory(),
                date("acquiredOn", "資格取得日").mandatory(),
                code("acquisitionReason", "資格取得事由", codes("01", "年齢到達", "02", "転入", "03", "第2号被保険者該当",
                        "04", "適用除外非該当", "05", "外国人の資格取得", "99", "その他")).mandatory(),
                date("lostOn", "資格喪失日"),
                code("lossReason", "資格喪失事由", codes("01", "死亡", "02", "転出", "03", "適用除外該当",
                        "04", "第2号被保険者非該当", "05", "国籍等喪失", "99", "その他")),
                code("specialAddressRule", "住所地特例区分", codes("1", "非該当", "2", "該当")),
                checked("facilityInsurerNo", "施設所在保険者番号", "数字6桁(検証番号付き)", InsurerNumber::new),
                date("exemptFrom", "適用除外開始日"),
                date("exemptTo", "適用除外終了日"),
                date("issuedOn", "交付年月日"));
        return new RecordLayout("insured", "被保険者(資格)", f, List.of(
                notBefore("lostOn", "資格喪失日", "acquiredOn", "資格取得日"),
                together("lostOn", "lossReason", "資格喪失事由", "資格喪失日がある場合は必須です"),
                together("lossReason", "lostOn", "資格喪失日", "資格喪失事由がある場合は必須です"),
                v -> "2".equals(v.get("specialAddressRule")) && v.get("facilityInsurerNo") == null
                        ? Optional.of(new Violation("facilityInsurerNo", "施設所在保険者番号", "住所地特例該当の場合は必須です"))
                        : Optional.empty(),
                notBefore("exemptTo", "適用除外終了日", "exemptFrom", "適用除外開始日"),
                together("exemptTo", "exemptFrom", "適用除外開始日", "適用除外終了日がある場合は必須です"),
                v -> v.get("birthDate") instanceof LocalDate b && b.isAfter(LocalDate.now())
                        ? Optional.of(new Violation("birthDate", "生年月日", "未来の日付です"))
                        : Optional.empty()));
    }

    static RecordLayout careCertificate() {
        Map<String, String> levels = new LinkedHashMap<>();
        CareLevel.all().stream().filter(l -> !l.code().equals("01")).forEach(l -> levels.put(l.code(), l.name()));
        Map<String, String> services = new LinkedHashMap<>();
        ServiceType.all().forEach(s -> services.put(s.code(), s.name()));
        List<FieldSpec> f = new ArrayList<>(List.of(
                code("careLevel", "要介護状態区分", levels).mandatory(),
                date("certifiedOn", "認定年月日").mandatory(),
                date("certValidFrom", "認定有効期間開始日").mandatory(),
                date("certValidTo", "認定有効期間終了日"),
                integer("limitUnits", "区分支給限度基準額", 0, 999_999).in("単位/月"),
                date("limitFrom", "区分支給限度基準額適用開始日"),
                date("limitTo", "区分支給限度基準額適用終了日")));
        for (int n = 1; n <= SERVICE_LIMITS; n++) {
            f.add(code("serviceLimit" + n + "Type", "種類支給限度基準額" + n + "サービス種類", services));
            f.add(integer("serviceLimit" + n + "Units", "種類支給限度基準額" + n, 0, 999_999).in("単位/月"));
        }
        f.add(text("opinion", "認定審査会の意見及びサービスの種類の指定", 400));
        for (int n = 1; n <= RESTRICTIONS; n++) {
            f.add(code("restriction" + n + "Kind", "給付制限" + n + "内容", codes("1", "支払方法変更(償還払い)",
                    "2", "保険給付の支払の一時差止", "3", "給付額減額")));
            f.add(date("restriction" + n + "From", "給付制限" + n + "開始日"));
            f.add(date("restriction" + n + "To", "給付制限" + n + "終了日"));
        }
        for (int n = 1; n <= PLAN_OFFICES; n++) {
            f.add(code("planOffice" + n + "Kind", "居宅介護支援事業者等" + n + "区分", codes("1", "居宅介護支援事業者",
                    "2", "介護予防支援事業者", "3", "地域包括支援センター", "4", "自己作成")));
            f.add(checked("planOffice" + n + "No", "居宅介護支援事業者等" + n + "事業所番号", "事業所番号(検証番号付き)",
                    s -> OfficeNumber.validate(s, "officeNo", OfficeNumber.LABEL)));
            f.add(text("planOffice" + n + "Name", "居宅介護支援事業者等" + n + "名称", 100));
            f.add(date("planOffice" + n + "NotifiedOn", "居宅介護支援事業者等" + n + "届出年月日"));
        }
        for (int n = 1; n <= FACILITIES; n++) {
            f.add(code("facility" + n + "Kind", "介護保険施設等" + n + "種類", codes("1", "介護老人福祉施設",
                    "2", "介護老人保健施設", "3", "介護医療院", "4", "介護療養型医療施設", "5", "地域密着型介護老人福祉施設",
                    "6", "特定施設", "7", "認知症対応型共同生活介護")));
            f.add(text("facility" + n + "Name", "介護保険施設等" + n + "名称", 100));
            f.add(date("facility" + n + "AdmittedOn", "介護保険施設等" + n + "入所年月日"));
            f.add(date("facility" + n + "DischargedOn", "介護保険施設等" + n + "退所年月日"));
        }
        f.add(date("issuedOn", "交付年月日"));
        List<RowRule> rules = new ArrayList<>(List.of(
                notBefore("certValidTo", "認定有効期間終了日", "certValidFrom", "認定有効期間開始日"),
                notBefore("limitTo", "区分支給限度基準額適用終了日", "limitFrom", "区分支給限度基準額適用開始日"),
                v -> !"06".equals(v.get("careLevel")) && v.get("certValidTo") == null
                        ? Optional.of(new Violation("certValidTo", "認定有効期間終了日", "要支援・要介護の場合は必須です"))
                        : Optional.empty(),
                v -> !"06".equals(v.get("careLevel")) && v.get("limitUnits") == null
                        ? Optional.of(new Violation("limitUnits", "区分支給限度基準額", "要支援・要介護の場合は必須です"))
                        : Optional.empty()));
        for (int n = 1; n <= SERVICE_LIMITS; n++) {
            rules.add(together("serviceLimit" + n + "Type", "serviceLimit" + n + "Units", "種類支給限度基準額" + n,
                    "サービス種類を指定した場合は必須です"));
        }
        for (int n = 1; n <= RESTRICTIONS; n++) {
            rules.add(together("restriction" + n + "Kind", "restriction" + n + "From", "給付制限" + n + "開始日",
                    "給付制限の内容を指定した場合は必須です"));
            rules.add(notBefore("restriction" + n + "To", "給付制限" + n + "終了日", "restriction" + n + "From",
                    "給付制限" + n + "開始日"));
        }
        for (int n = 1; n <= PLAN_OFFICES; n++) {
            rules.add(together("planOffice" + n + "Kind", "planOffice" + n + "NotifiedOn",
                    "居宅介護支援事業者等" + n + "届出年月日", "区分を指定した場合は必須です"));
            int m = n;
            rules.add(v -> v.get("planOffice" + m + "Kind") != null && !"4".equals(v.get("planOffice" + m + "Kind"))
                    && v.get("planOffice" + m + "No") == null
                    ? Optional.of(new Violation("planOffice" + m + "No", "居宅介護支援事業者等" + m + "事業所番号",
                            "自己作成以外は必須です"))
                    : Optional.empty());
        }
        for (int n = 1; n <= FACILITIES; n++) {
            rules.add(together("facility" + n + "Kind", "facility" + n + "AdmittedOn", "介護保険施設等" + n + "入所年月日",
                    "施設の種類を指定した場合は必須です"));
            rules.add(notBefore("facility" + n + "DischargedOn", "介護保険施設等" + n + "退所年月日",
                    "facility" + n + "AdmittedOn", "介護保険施設等" + n + "入所年月日"));
        }
        return new RecordLayout("care-certificate", "被保険者証(要介護認定等)", f, rules);
    }

    static RecordLayout burdenRatio() {
        return new RecordLayout("burden-ratio", "負担割合証", List.of(
                code("ratio", "利用者負担の割合", codes("10", "1割", "20", "2割", "30", "3割")).mandatory(),
                date("issuedOn", "交付年月日")),
                List.of(v -> v.get("validTo") == null
                        ? Optional.of(new Violation("validTo", "有効終了日", "負担割合証は適用期間の終了日が必須です"))
                        : Optional.empty()));
    }

    static RecordLayout burdenLimit() {
        return new RecordLayout("burden-limit", "負担限度額認定証", List.of(
                code("stage", "利用者負担段階", codes("1", "第1段階", "2", "第2段階", "3", "第3段階①", "4", "第3段階②"))
                        .mandatory(),
                integer("foodLimit", "食費の負担限度額", 0, 99_999).in("円/日").mandatory(),
                integer("unitPrivateRoom", "居住費 ユニット型個室", 0, 99_999).in("円/日").mandatory(),
                integer("unitSemiPrivateRoom", "居住費 ユニット型個室的多床室", 0, 99_999).in("円/日").mandatory(),
                integer("conventionalRoomWelfare", "居住費 従来型個室(特養等)", 0, 99_999).in("円/日").mandatory(),
                integer("conventionalRoomHealth", "居住費 従来型個室(老健・医療院等)", 0, 99_999).in("円/日").mandatory(),
                integer("multiBedRoom", "居住費 多床室", 0, 99_999).in("円/日").mandatory(),
                date("issuedOn", "交付年月日")),
                List.of(v -> v.get("validTo") == null
                        ? Optional.of(new Violation("validTo", "有効終了日", "負担限度額認定証は有効期限が必須です"))
                        : Optional.empty()));
    }

    static RecordLayout homeModification() {
        return new RecordLayout("home-modification", "住宅改修費利用情報", List.of(
                date("startedOn", "着工日").mandatory(),
                integer("cost", "費用額", 0, 99_999_999).in("円").mandatory(),
                integer("paid", "支給額", 0, 99_999_999).in("円").mandatory(),
                integer("countedTotal", "支給限度基準額対象累計額", 0, 200_000).in("円").mandatory(),
                code("resetReason", "限度額リセット事由", codes("0", "なし", "1", "転居", "2", "要介護状態区分の3段階上昇")),
                text("address", "住宅改修を行った住宅の所在地", 200)), List.of());
    }

    static RecordLayout welfareEquipment() {
        return new RecordLayout("welfare-equipment", "福祉用具購入費利用情報", List.of(
                date("purchasedOn", "購入日").mandatory(),
                code("item", "種目", codes("01", "腰掛便座", "02", "自動排泄処理装置の交換可能部品", "03", "排泄予測支援機器",
                        "04", "入浴補助用具", "05", "簡易浴槽", "06", "移動用リフトのつり具の部分", "07", "固定用スロープ",
                        "08", "歩行器(歩行車を除く)", "09", "単点杖・多点杖")).mandatory(),
                integer("cost", "費用額", 0, 9_999_999).in("円").mandatory(),
                integer("paid", "支給額", 0, 9_999_999).in("円").mandatory(),
                integer("yearTotal", "年度内支給限度基準額対象累計額", 0, 100_000).in("円").mandatory()), List.of());
    }

    private static void postalCode(String s) {
        if (!s.matches("[0-9]{3}-?[0-9]{4}")) {
            throw new IllegalArgumentException("postal code");
        }
    }

    private static RowRule together(String present, String needed, String neededLabel, String reason) {
        return v -> v.get(present) != null && v.get(needed) == null
                ? Optional.of(new Violation(needed, neededLabel, reason))
                : Optional.empty();
    }
}
