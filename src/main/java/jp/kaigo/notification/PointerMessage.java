package jp.kaigo.notification;

/**
 * The email and SMS text: only that there is a notice and where to read it, after signing in with the card. No name,
 * number, care level or date of the person (要配慮個人情報 never leaves by email or SMS; national-design.md D1).
 */
record PointerMessage(String subject, String body) {
    static final String SUBJECT = "介護保険のお知らせ";
    static final String TEXT = "介護保険のお知らせがあります。マイページでご確認ください。";

    static PointerMessage to(String portalUrl) {
        return new PointerMessage(SUBJECT, TEXT + "\n" + portalUrl + "\n");
    }
}
