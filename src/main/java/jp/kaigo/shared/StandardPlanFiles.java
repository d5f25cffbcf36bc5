package jp.kaigo.shared;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A delivered plan or 実績 as the ケアプランデータ連携 standard's files in one ZIP (records-formats.md §1.3): its name, its
 * bytes, the files in it; and the standard's file kinds as a code table.
 */
public record StandardPlanFiles(String name, byte[] zip, List<String> files) {
    /** The file kinds the platform takes, in the order a bundle is taken (第1表 before the tables that refer to it; deletes last). */
    public static final List<String> KINDS = List.of("UP1KYO", "UP2KYO", "UP3KYO", "UPPLAN", "UPSIKYU", "UPJSK", "DLTJSK",
            "DLTPLAN", "DLT1KYO");

    /** The kind a file's standard name gives (UP1KYO_…, UPPLAN_202611_…), if it is one the platform takes. */
    public static Optional<String> kindOf(String fileName) {
        String name = fileName == null ? "" : fileName.replaceFirst(".*[/\\\\]", "").toUpperCase(Locale.ROOT);
        return KINDS.stream().filter(kind -> name.startsWith(kind + "_")).findFirst();
    }
}
