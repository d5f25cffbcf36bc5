package jp.kaigo.api;

import java.net.URI;

/**
 * Every kind of problem the API answers with, each with its {@code type} URN, the statuses it comes with and when
 * it happens. The OpenAPI description lists them all (ApiDescription), so a client can tell each apart by type.
 */
enum ProblemType {
    INVALID_INPUT("invalid-input", "400", "入力の誤り。errors に項目(field, label)と反した規則(reason)をすべて挙げる"),
    UNREADABLE_REQUEST("unreadable-request", "400", "本文がないか JSON として読めない(行と文字の位置を示す)"),
    BAD_REQUEST("bad-request", "400", "リクエストそのものを読み取れない"),
    JSON_LIMIT("json-limit", "400", "JSON の入れ子が深すぎる、または値・項目名・数値が長すぎる(上限を示す)"),
    BAD_HEADER("bad-header", "400", "ヘッダーに使えない文字(英数字と記号以外)が含まれる"),
    FILE_REJECTED("file-rejected", "400", "ファイル全体を取り込めない(何も変更していない)。errors に行・項目・規則"),
    REGISTRATION_REFUSED("registration-refused", "400", "担当事業所として登録できない(満たさない規則をすべて挙げる)"),
    CERTIFICATE_REQUIRED("certificate-required", "401", "プラットフォームが発行した有効なクライアント証明書で接続していない"),
    UNAUTHORIZED("unauthorized", "401", "クライアント証明書または職員のアクセストークンがない・無効"),
    SIGN_IN_REFUSED("sign-in-refused", "401", "職員のログインまたはトークンの更新ができない"),
    FORBIDDEN("forbidden", "403", "この組織・職員にはこの操作が許可されていない"),
    ACCESS_DENIED("access-denied", "403", "この情報は表示できない(理由を access の判断として示す)"),
    CARD_REFUSED("card-refused", "403", "マイナンバーカードで本人確認できない(証明書・署名・チャレンジ)"),
    NOT_FOUND("not-found", "404", "対象(またはパス)が存在しないか、見る権限がない"),
    METHOD_NOT_ALLOWED("method-not-allowed", "405", "このパスでは使えないメソッド(使えるものを示す)"),
    NOT_ACCEPTABLE("not-acceptable", "406", "求められた形式では答えられない"),
    DOCUMENT_REFUSED("document-refused", "404, 409", "書類の状態・当事者・冪等キーのためこの操作ができない(refusal にコード、existing に既存の書類)"),
    IMPORT_NOT_HELD("import-not-held", "409", "確認待ちではない取込を確定・取消しようとした(状態を示す)"),
    CONFIRM_DELETIONS("confirm-deletions", "409", "削除を伴う全量ファイルを保留した(wouldDelete 件、確定・取消の URL を示す)"),
    TOO_LARGE("too-large", "413", "本文が上限を超える(上限を示す)"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "415", "この形式の本文は受け付けない(受け付ける形式を示す)"),
    TOO_MANY_ATTEMPTS("too-many-attempts", "429", "試行回数・要求数の上限(Retry-After の秒数の後に再試行)"),
    TOO_MANY_REQUESTS("too-many-requests", "429", "一時的に受け付けていない"),
    CLIENT_ERROR("client-error", "4xx", "上記以外のリクエストの誤り(状態コードを示す)"),
    INTERNAL_ERROR("internal-error", "500", "システムエラー(errorId を問い合わせに使う。内容は記録にのみ残る)");

    private final String slug;
    private final String statuses;
    private final String when;

    ProblemType(String slug, String statuses, String when) {
        this.slug = slug;
        this.statuses = statuses;
        this.when = when;
    }

    URI uri() {
        return URI.create("urn:kaigo-platform:problem:" + slug);
    }

    String statuses() {
        return statuses;
    }

    String when() {
        return when;
    }
}
