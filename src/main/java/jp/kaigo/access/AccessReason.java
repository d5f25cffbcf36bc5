package jp.kaigo.access;

/**
 * Why access was permitted or denied; the message is shown to the user as it is. A denial to a caller not
 * involved with the person says only that ({@link #NOT_INVOLVED}): never whether the person lost their
 * qualification, what they consented to or who was asked for a 意見書.
 */
public enum AccessReason {
    SELF(true, "本人の情報です"),
    OWN_INSURED(true, "保険者として自らの被保険者の情報です"),
    CONSENTED(true, "本人の同意に基づく閲覧です"),
    OPINION_REQUESTED(true, "主治医意見書の作成を依頼された医療機関として、依頼に必要な範囲で閲覧できます"),
    CARE_PLAN_AUTHOR(true, "担当事業所の介護支援専門員としてケアプランを作成・交付できます"),
    RECORDING_OFFICE(true, "担当事業所として記録を登録できます"),
    BREAK_GLASS(true, "緊急時の閲覧です(記録され、本人の画面と保険者の確認一覧に表示されます)"),
    OTHER_INSURER(false, "他の保険者の被保険者の情報は見られません"),
    NOT_INVOLVED(false, "この方の担当としての登録がありません(介護事業所は本人確認のうえ担当事業所の登録を、医療機関は本人の同意を得てください)"),
    QUALIFICATION_LOST(false, "資格を喪失した被保険者の情報は、保険者と本人のほかは見られません"),
    NO_CONSENT(false, "本人の同意がありません"),
    REFUSED(false, "本人が同意していません(拒否または撤回されています)"),
    BURDEN_LIMIT_CONSENT(false, "負担限度額認定証は、本人の同意(口頭または書面、またはマイナンバーカード)を記録してから表示できます"),
    CARE_MANAGER_ONLY(false,
            "認定調査票・主治医意見書は、ケアマネジメントを行う担当事業所の介護支援専門員(主治医意見書は作成を依頼された医療機関も)だけが見られます"),
    CLERK(false, "事務職員はこの情報を見られません(被保険者証・負担割合証・負担限度額認定証・給付実績のみ)"),
    CARE_PLAN_AUTHOR_ONLY(false, "ケアプランは、ケアマネジメントを行う担当事業所の介護支援専門員だけが作成・交付できます"),
    NOT_FOR_MEDICAL(false, "負担割合証・負担限度額認定証は、介護サービスの指定(みなし指定)を受けていない医療機関には共有されません");

    private final boolean permits;
    private final String message;

    AccessReason(boolean permits, String message) {
        this.permits = permits;
        this.message = message;
    }

    public boolean permits() {
        return permits;
    }

    public String message() {
        return message;
    }
}
