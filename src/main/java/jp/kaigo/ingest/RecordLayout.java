package jp.kaigo.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The layout of one municipality record type. Every record carries the key fields (保険者番号,
 * 被保険者番号, 履歴番号), its validity period (有効開始日, 有効終了日) and, in 差分 files, the 処理区分;
 * {@code fields} are the record's own items.
 */
public record RecordLayout(String recordType, String label, List<FieldSpec> fields, List<RowRule> rules) {

    public RecordLayout {
        fields = List.copyOf(fields);
        rules = List.copyOf(rules);
    }

    /** Key, validity and operation columns followed by the record's own fields, in file order. */
    public List<FieldSpec> allFields() {
        List<FieldSpec> all = new ArrayList<>(KeyFields.ALL);
        all.addAll(fields);
        return all;
    }

    Optional<FieldSpec> field(String keyOrLabel) {
        return allFields().stream()
                .filter(f -> f.key().equals(keyOrLabel) || f.label().equals(keyOrLabel))
                .findFirst();
    }
}
