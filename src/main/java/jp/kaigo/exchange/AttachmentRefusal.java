package jp.kaigo.exchange;

/**
 * Why an attachment was refused (design certification-online §2.7): a code for the API's problem+json, a message
 * for people. The messages say what to send instead; none names the file or quotes its content.
 */
enum AttachmentRefusal {
    EMPTY("attachment-empty", "添付ファイルが空です"),
    TOO_LARGE("attachment-too-large", "添付ファイルは10MB(10,485,760バイト)以下にしてください"),
    NOT_PDF("attachment-not-pdf", "添付できるのはPDFだけです(ファイルの内容がPDFではありません。ファイル名は関係しません)"),
    UNREADABLE("attachment-unreadable", "PDFとして読み取れません(壊れているか、PDFの形式に従っていません)"),
    ENCRYPTED("attachment-encrypted", "暗号化またはパスワードで保護されたPDFは添付できません。保護を外して添付してください"),
    ACTIVE_CONTENT("attachment-active-content",
            "JavaScript、プログラムの起動、フォームの送信など、開くと動作する内容を含むPDFは添付できません"),
    EMBEDDED_FILE("attachment-embedded-file", "ファイルを埋め込んだPDFは添付できません。それぞれを別に添付してください"),
    NO_PAGES("attachment-no-pages", "ページのないPDFは添付できません"),
    TOO_MANY_PAGES("attachment-too-many-pages", "PDFは200ページ以下にしてください"),
    TIMED_OUT("attachment-timed-out", "PDFの確認が時間内に終わりませんでした。ページを分けるなどして添付し直してください"),
    BUSY("attachment-busy", "ただいま添付ファイルの確認が混み合っています。しばらくしてから送り直してください");

    private final String code;
    private final String message;

    AttachmentRefusal(String code, String message) {
        this.code = code;
        this.message = message;
    }

    String code() {
        return code;
    }

    String message() {
        return message;
    }
}
