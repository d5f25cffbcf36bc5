package jp.kaigo.exchange;

/** Why a step on a document was refused (an expected outcome, not an error): a code for the API, a message for people. */
public enum Refusal {
    NOT_FOUND("not-found", "文書が見つかりません"),
    NOT_A_PARTY("not-a-party", "この文書の当事者ではありません"),
    WRONG_SIDE("wrong-side", "この操作は文書の相手方が行います"),
    TERMINAL_STATUS("terminal-status", "受理または取下げ済みの文書は変更できません"),
    RETURNED("returned", "返戻された文書は新しい版を送るまで扱えません"),
    WRONG_STATUS("wrong-status", "この状態の文書にはこの操作はできません"),
    REASON_REQUIRED("reason-required", "理由を指定してください"),
    REPLY_EXISTS("reply-exists", "回答が届いているため新しい版は送れません"),
    REQUEST_CLOSED("request-closed", "依頼が取り下げられたか返戻されたため回答できません"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "同じ冪等キーで異なる内容が送られました"),
    ALREADY_OPEN("already-open", "この依頼への回答はすでに送られています"),
    STATUS_CHANGED("status-changed", "他の操作で文書の状態が変わりました。開き直してください");

    private final String code;
    private final String message;

    Refusal(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }
}
