package jp.kaigo.access;

/** Why access was permitted or denied; the message is shown to the user as it is. */
public enum AccessReason {
    SELF(true, "本人の情報です"),
    OWN_INSURED(true, "保険者として自らの被保険者の情報です"),
    CONSENTED(true, "本人の同意に基づく閲覧です"),
    OPINION_REQUESTED(true, "主治医意見書の作成を依頼された医療機関です"),
    CARE_PLAN_AUTHOR(true, "担当の居宅介護支援事業所の介護支援専門員としてケアプランを作成・交付できます"),
    RECORDING_OFFICE(true, "担当事業所として記録を登録できます"),
    BREAK_GLASS(true, "緊急時の閲覧です(本人と保険者に通知され、事後に確認されます)"),
    OTHER_INSURER(false, "他の保険者の被保険者の情報は見られません"),
    QUALIFICATION_LOST(false, "資格を喪失した被保険者の情報は、保険者と本人のほかは見られません"),
    NOT_IN_CHARGE(false, "担当事業所として登録されていません(本人確認のうえ担当事業所の登録をしてください)"),
    NO_CONSENT(false, "本人の同意がありません"),
    REFUSED(false, "本人が同意していません(拒否または撤回されています)"),
    CARE_MANAGER_ONLY(false,
            "認定調査票・主治医意見書は、担当の居宅介護支援事業所の介護支援専門員(主治医意見書は作成を依頼された医療機関も)だけが見られます"),
    CLERK(false, "事務職員はこの情報を見られません(被保険者証・負担割合証・負担限度額認定証・給付実績のみ)"),
    CARE_PLAN_AUTHOR_ONLY(false, "ケアプランは、担当の居宅介護支援事業所(介護予防支援を含む)の介護支援専門員だけが作成・交付できます"),
    NOT_FOR_MEDICAL(false, "負担割合証・負担限度額認定証は医療機関には共有されません");

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
