package jp.kaigo.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

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

    /** The field columns, in layout order, each prefixed with {@code alias.} when an alias is given. */
    public String columns(String alias) {
        return fields.stream().map(f -> (alias.isEmpty() ? "" : alias + ".") + f.column())
                .collect(Collectors.joining(", "));
    }

    Optional<FieldSpec> field(String keyOrLabel) {
        return allFields().stream()
                .filter(f -> f.key().equals(keyOrLabel) || f.label().equals(keyOrLabel))
                .findFirst();
    }
}
