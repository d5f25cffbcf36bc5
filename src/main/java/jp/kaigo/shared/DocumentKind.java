package jp.kaigo.shared;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of document that travel between the parties through the platform instead of on paper
 * (docs/design/certification-online.md §2.3, docs/design/care-documents.md; BP 別紙02 申請届出等情報). The key is used in URLs and the database;
 * the retention is a decision (no statutory period is in the domain files) counted from the document's terminal status.
 */
public enum DocumentKind {
    /** 要介護・要支援認定申請書 (新規・更新・区分変更): the person or an office in charge (代行) → the municipality. */
    CERTIFICATION_APPLICATION("certification-application", "要介護・要支援認定申請書", 5 * 365),
    /** 認定調査依頼: the municipality → the office it entrusts with the survey. */
    SURVEY_ASSIGNMENT("survey-assignment", "認定調査依頼", 5 * 365),
    /** 認定調査票 (概況・基本・特記): the surveyor's office (or the municipality's own surveyor) → the municipality. */
    CARE_SURVEY("care-survey", "認定調査票", 5 * 365),
    /** 主治医意見書作成依頼: the municipality → the medical institution. */
    OPINION_REQUEST("opinion-request", "主治医意見書作成依頼", 5 * 365),
    /** 主治医意見書: the medical institution → the municipality. */
    DOCTOR_OPINION("doctor-opinion", "主治医意見書", 5 * 365),
    /** 介護認定審査会資料 (masked): the municipality → a board (合議体); purged 7 days after the meeting. */
    COMMITTEE_PACKET("committee-packet", "介護認定審査会資料", 7),
    /** 認定審査会の進捗状況区分: the municipality → the offices in charge. */
    PROGRESS_NOTICE("progress-notice", "認定の進捗状況", 365),
    /**
     * 居宅(介護予防)サービス計画作成依頼(変更)届出書: the office in charge with care management (or the person, for a
     * 自己作成 plan) → the person's municipality; accepted, it enters the 被保険者証's 居宅介護支援事業者 and 届出年月日.
     */
    CARE_PLAN_NOTIFICATION("care-plan-notification", "居宅サービス計画作成依頼(変更)届出書", 5 * 365),
    /**
     * 住宅改修が必要な理由書: a qualified staff member of an office in charge (office-master.md §3) → the person's
     * municipality, with the 住宅改修費 application.
     */
    HOME_MODIFICATION_REASON("home-modification-reason", "住宅改修が必要な理由書", 5 * 365),
    /**
     * 訪問介護(生活援助中心型)の回数が多いケアプランの届出: the care manager of the office in charge → the person's municipality,
     * when a month's 第6表 holds more 生活援助 visits than the ministerial count ({@link LivingSupportVisits}).
     */
    LIVING_SUPPORT_NOTIFICATION("living-support-notification", "生活援助中心型の訪問介護が多いケアプランの届出", 5 * 365),
    /** 入院時情報提供書 (MHLW 参考様式): the office in charge with care management → the hospital admitting the person. */
    ADMISSION_INFO("admission-info", "入院時情報提供書", 5 * 365),
    /** 退院・退所情報記録書 (MHLW 参考様式): the hospital or facility → the office in charge with care management. */
    DISCHARGE_RECORD("discharge-record", "退院・退所情報記録書", 5 * 365);

    private final String key;
    private final String label;
    private final int retentionDays;

    DocumentKind(String key, String label, int retentionDays) {
        this.key = key;
        this.label = label;
        this.retentionDays = retentionDays;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** Days a document of this kind is kept after its terminal status (a decision; see the design §2.3). */
    public int retentionDays() {
        return retentionDays;
    }

    public static Optional<DocumentKind> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
