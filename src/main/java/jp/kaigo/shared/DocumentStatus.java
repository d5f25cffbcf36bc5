package jp.kaigo.shared;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where an exchanged document stands (docs/design/certification-online.md §2.5). The code is what the database
 * and the receipts carry; accepted and withdrawn are terminal, returned waits for a new version.
 */
public enum DocumentStatus {
    /** 送信済み: stored and routed to the recipient's inbox. */
    SENT("sent", "送信済み"),
    /** 配信済み: the recipient's inbox was listed (or the document fetched) by the recipient. */
    DELIVERED("delivered", "配信済み"),
    /** 既読: the recipient's staff opened the body. */
    READ("read", "既読"),
    /** 受理: the recipient took the document in; its owner wrote the record in the same transaction. */
    ACCEPTED("accepted", "受理"),
    /** 返戻: the recipient returned it with a reason; only a new version reopens it. */
    RETURNED("returned", "返戻"),
    /** 取下げ: the sender withdrew it. */
    WITHDRAWN("withdrawn", "取下げ");

    private final String code;
    private final String label;

    DocumentStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Accepted and withdrawn documents change no more (§2.5 row 10). */
    public boolean terminal() {
        return this == ACCEPTED || this == WITHDRAWN;
    }

    public static Optional<DocumentStatus> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
