package jp.kaigo.ingest;

import java.util.Locale;
import jp.kaigo.shared.InvalidValue;

/** The two file formats of the municipality interface. */
public enum FileFormat {
    CSV, JSON;

    public static FileFormat parse(String text) {
        return switch (text == null ? "" : text.toLowerCase(Locale.ROOT)) {
            case "csv", "text/csv" -> CSV;
            case "json", "application/json" -> JSON;
            default -> throw new InvalidValue("format", "ファイル形式", "csv または json を指定してください");
        };
    }
}
