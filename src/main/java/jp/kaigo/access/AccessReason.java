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
    CLERK(false, "事務職員はこの情報を見られません(被保険者証・負担割合証・負担限度額認定証・給付実績・福祉用具購入・住宅改修の利用額のみ)"),
    CARE_PLAN_AUTHOR_ONLY(false, "ケアプランは、ケアマネジメントを行う担当事業所の介護支援専門員だけが作成・交付できます"),
    NOT_FOR_MEDICAL(false, "負担割合証・負担限度額認定証は、介護サービスの指定(みなし指定)を受けていない医療機関には共有されません"),
    REIMBURSEMENT_OFFICES_ONLY(false, "福祉用具購入・住宅改修の利用額は、ケアマネジメントを行う担当事業所(居宅介護支援・介護予防支援・"
            + "地域包括支援センター・小規模多機能型居宅介護・看護小規模多機能型居宅介護)と特定福祉用具販売の担当事業所だけが見られます"),

    // 介護認定審査会 (docs/design/certification-online.md §6.4, CommitteeRules)
    COMMITTEE_PACKET_ONLY(false, "認定審査会委員は、所属する合議体の審査会資料だけを見られます"),
    BOARD_CASE(true, "所属する合議体の審査対象の資料です(閲覧は記録され、本人の画面に表示されます)"),
    OTHER_BOARD(false, "所属する合議体の資料ではありません"),
    NOT_PUBLISHED(false, "審査会資料はまだ公開されていません"),
    WINDOW_CLOSED(false, "審査会資料を見られる期間(開催日の7日後まで)は終了しました"),
    NOT_ON_AGENDA(false, "資料が見つかりません"),
    NOT_MEMBER(false, "開催日にこの合議体の委員ではありません"),

    // documents exchanged between the parties (§2.10, ExchangeRules)
    REPRESENTATIVE(true, "登録された法定代理人・成年後見人としての手続きです"),
    DAIKOU(true, "担当事業所による申請の代行です"),
    ASSIGNED_SURVEYOR(true, "認定調査を依頼された調査員としての手続きです"),
    OFFICE_IN_CHARGE(true, "担当事業所として受け取った書類です"),
    SENDER(true, "送信した書類です"),
    OFFICER_ONLY(false, "認定の事務は保険者の市町村職員(職種: 市町村職員)が行います"),
    OWN_BOX(true, "自組織の受信箱・送信箱です(一覧に載った書類はそれぞれ記録されます)"),
    NOT_IN_CHARGE(false,
            "申請の代行は、この方を担当する居宅介護支援事業所・介護保険施設・地域包括支援センターの介護支援専門員等だけができます"),
    WRONG_DIRECTION(false, "この種類の書類は、この送信者からこの宛先へは送れません"),
    NOT_REQUESTED(false, "主治医意見書の作成依頼がありません(依頼がないか、取り下げ・返戻・回答済みです)"),
    DOCTOR_ONLY(false, "主治医意見書は医師だけが提出・返戻できます"),
    PURGED(false, "保存期間を過ぎたため、書類の内容は削除されています"),

    // 入退院時の情報連携 (docs/design/care-documents.md, ExchangeRules S20, S21, R8, R9)
    MEDICAL_INVOLVED(true, "この方の入院先・主治医として関わる医療機関との書類です"),
    INSTITUTION_NOT_INVOLVED(false,
            "この医療機関はこの方に関わっていません(本人の同意、入院時情報提供書の受領、または主治医意見書の作成依頼がありません)"),
    CARE_MANAGER_DOCUMENT(false,
            "入院時情報提供書・退院・退所情報記録書は、ケアマネジメントを行う担当事業所の介護支援専門員が扱います"),
    REASON_WRITER_ONLY(false, "住宅改修の理由書は、介護支援専門員・主任介護支援専門員・保健師・社会福祉士・作業療法士・理学療法士・"
            + "福祉住環境コーディネーター2級以上の資格が登録された職員だけが作成できます"),
    CLINICAL_STAFF_ONLY(false, "入院時情報提供書・退院・退所情報記録書は、医療機関では医師・看護師・医療ソーシャルワーカー(社会福祉士)が扱います"),

    // what may be applied for online (§3.1, ApplicantRules)
    APPLICABLE(true, "申請できます"),
    ALREADY_OPEN(false, "この方の申請は既に受け付け中です"),
    USE_UPDATE_OR_CHANGE(false, "認定の有効期間中です。更新申請または区分変更申請をしてください"),
    RENEWAL_NOT_YET(false, "更新申請は、有効期間の終了日の60日前からできます"),
    USE_NEW(false, "有効な認定がありません。新規申請をしてください"),
    SPECIFIC_DISEASE_REQUIRED(false, "第2号被保険者(40〜64歳)の申請には特定疾病の記入が必要です"),
    NOT_ONLINE(false, "転入による申請は、受給資格証明書を添えて窓口で行ってください"),

    // 2次利用 (docs/design/analytics.md §2, StatisticsRules)
    OWN_STATISTICS(true, "保険者として自らの被保険者の統計です(10人未満の数は秘匿されます)"),
    OWN_EXTRACT(true, "保険者として、登録した目的・提供先のために仮名化した個票データを作成します"),
    EXTRACT_OFFICER_ONLY(false, "個票データの作成・提供は保険者の市町村職員(職種: 市町村職員)だけができます");

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
