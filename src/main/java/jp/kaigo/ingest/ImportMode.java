package jp.kaigo.ingest;

import java.util.Locale;
import jp.kaigo.shared.InvalidValue;

/** 全量 (the file is the complete current state) or 差分 (each row says insert, update or delete). */
public enum ImportMode {
    FULL, DIFFERENTIAL;

    public static ImportMode parse(String text) {
        return switch (text == null ? "" : text.toLowerCase(Locale.ROOT)) {
            case "full", "全量" -> FULL;
            case "differential", "diff", "差分" -> DIFFERENTIAL;
            default -> throw new InvalidValue("mode", "取込区分", "full(全量) または differential(差分) を指定してください");
        };
    }
}
