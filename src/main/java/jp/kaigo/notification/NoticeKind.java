package jp.kaigo.notification;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of notice (design §7.1), with the title the person reads and whether it also goes on paper. */
public enum NoticeKind {
    CERTIFICATION_RESULT("certification-result", "要介護認定の結果のお知らせ", true),
    RENEWAL_REMINDER("renewal-reminder", "要介護認定の更新申請のご案内", true),
    POSTPONEMENT("postponement", "要介護認定の処分延期のお知らせ", true),
    BREAK_GLASS("break-glass", "緊急時の閲覧のお知らせ", false),
    FIRST_ACCESS("first-access", "はじめての事業所・医療機関による閲覧のお知らせ", false),
    PLAN_PROPOSED("plan-proposed", "ケアプランの原案が届きました", false),
    PLAN_ISSUED("plan-issued", "ケアプランが交付されました", true),
    BENEFIT_STATEMENT("benefit-statement", "介護給付費通知", true),
    BURDEN_RATIO_CHANGED("burden-ratio-changed", "負担割合証が新しくなりました", true),
    BURDEN_LIMIT_CHANGED("burden-limit-changed", "負担限度額認定証が新しくなりました", true),
    CONSENT_RECORDED("consent-recorded", "同意の記録のお知らせ", false);

    private final String code;
    private final String title;
    private final boolean onPaper;

    NoticeKind(String code, String title, boolean onPaper) {
        this.code = code;
        this.title = title;
        this.onPaper = onPaper;
    }

    /** The code stored in {@code notification.notices.kind}. */
    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** Sent on paper too to a person who asked for paper (design §7.4). */
    public boolean onPaper() {
        return onPaper;
    }

    /** Where in the person's own view the notice's subject is shown in full (null: the notice says it all). */
    public String page() {
        return switch (this) {
            case PLAN_PROPOSED, PLAN_ISSUED -> "care-plans";
            case BENEFIT_STATEMENT -> "benefits";
            default -> null;
        };
    }

    static Optional<NoticeKind> ofCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
