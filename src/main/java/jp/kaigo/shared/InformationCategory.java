package jp.kaigo.shared;

import java.util.Arrays;
import java.util.Optional;

/**
 * The categories of a person's information that access and consent are decided per (別紙02,
 * national-design.md A2). The key is used in URLs and the database.
 */
public enum InformationCategory {
    INSURANCE_CARD("insurance-card", "被保険者証"),
    BURDEN_RATIO("burden-ratio", "負担割合証"),
    BURDEN_LIMIT("burden-limit", "負担限度額認定証"),
    CERTIFICATION("certification", "要介護認定(申請・進捗・結果)"),
    CARE_SURVEY("care-survey", "認定調査票"),
    DOCTOR_OPINION("doctor-opinion", "主治医意見書"),
    CARE_PLAN("care-plan", "ケアプラン"),
    CLAIMS("claims", "給付実績"),
    LIFE("life", "LIFE情報"),
    /**
     * 住宅改修費・福祉用具購入費 利用情報 with what is used and left of their limits (別紙02 「福祉用具購入、住宅改修の償還払いでの
     * 積算額」 ●(保→介); docs/design/care-documents.md §6): for the person, the municipality and the offices in charge of
     * care management at home or 特定福祉用具販売.
     */
    REIMBURSEMENT("reimbursement", "福祉用具購入・住宅改修の利用額"),
    /**
     * 介護認定審査会資料: the masked packet of one case, read by the members of the 合議体 it is on the agenda of
     * (docs/design/certification-online.md §6.3, §6.4). No record module holds it as a person's record.
     */
    COMMITTEE_PACKET("committee-packet", "介護認定審査会資料"),
    /**
     * 入院時情報提供書 and 退院・退所情報記録書 between the office in charge and the hospital (docs/design/care-documents.md):
     * a person may give or refuse it per institution like any category; no record module holds it.
     */
    CARE_TRANSITION("care-transition", "入退院時の情報連携");

    private final String key;
    private final String label;

    InformationCategory(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<InformationCategory> byKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
    }
}
