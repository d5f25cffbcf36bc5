package jp.kaigo.ingest;

import java.util.Locale;
import jp.kaigo.shared.InvalidValue;

/**
 * 全量 (the file is the complete current state: what it does not hold is deleted) or 差分 (each row says insert,
 * update or delete). 差分 is the default everywhere (API, console, command line): a 全量 file deletes, so it is
 * only ever asked for by name.
 */
public enum ImportMode {
    FULL, DIFFERENTIAL;

    /** The mode named ({@code full}/全量, {@code differential}/{@code diff}/差分); none named: 差分. */
    public static ImportMode parse(String text) {
        if (text == null || text.isBlank()) {
            return DIFFERENTIAL;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "full", "全量" -> FULL;
            case "differential", "diff", "差分" -> DIFFERENTIAL;
            default -> throw new InvalidValue("mode", "取込区分", "full(全量) または differential(差分) を指定してください");
        };
    }
}
