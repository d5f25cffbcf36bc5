package jp.kaigo.exchange;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a recipient returns a document (design §2.5, a decision), and the sender's withdrawal. {@link #OTHER}
 * needs a note.
 */
public enum ReturnReason {
    INCOMPLETE("incomplete", "記載不備"),
    WRONG_PERSON("wrong-person", "対象者誤り"),
    NOT_IN_CHARGE("not-in-charge", "担当ではない"),
    CANNOT_WRITE("cannot-write", "作成できない(受診なし等)"),
    DUPLICATE("duplicate", "重複"),
    OTHER("other", "その他");

    /** The reason code of every withdrawal (§2.5 row 8). */
    public static final String WITHDRAWN_BY_SENDER = "withdrawn-by-sender";

    private final String code;
    private final String label;

    ReturnReason(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<ReturnReason> ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
