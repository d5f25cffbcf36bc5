package jp.kaigo.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.Violation;

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

    /**
     * The keys of the columns a file says it leaves out (named by key or label): the record's own optional fields and
     * 有効終了日; a key, 有効開始日, 処理区分 or required column cannot be left out. Refuses every name it cannot take.
     */
    Set<String> omittedKeys(List<String> names) {
        Set<String> keys = new LinkedHashSet<>();
        List<Violation> problems = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Optional<FieldSpec> field = field(names.get(i));
            if (field.isEmpty()) {
                problems.add(new Violation(OMIT, OMIT_LABEL, (i + 1) + "番目の列名は、この種別(" + label + ")の項目ではありません"));
            } else if (field.get() != KeyFields.VALID_TO && KeyFields.ALL.contains(field.get()) || field.get().required()) {
                problems.add(new Violation(OMIT, OMIT_LABEL, field.get().label() + "は省略できません(キー・有効開始日・処理区分と必須の列)"));
            } else {
                keys.add(field.get().key());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidValue(problems);
        }
        return keys;
    }

    /** The columns a file must have: every column but 処理区分 (全量 files have none) and those it says it omits. */
    List<FieldSpec> expectedColumns(Set<String> omitted) {
        return allFields().stream().filter(f -> f != KeyFields.OP && !omitted.contains(f.key())).toList();
    }

    /** Why a file lacking columns is refused: their labels, and how to send it on purpose. */
    static String missingColumns(List<FieldSpec> missing) {
        return "この種別の列がありません: " + missing.stream().map(FieldSpec::label).collect(Collectors.joining("、"))
                + "(列がないと全員のその項目が空欄になるため、何も変更していません。意図して省略する場合は、省略する列を"
                + "指定して送ってください。省略した列は登録済みの値を保ちます)";
    }

    static final String OMIT = "omit";
    static final String OMIT_LABEL = "省略する列";

    Optional<FieldSpec> field(String keyOrLabel) {
        return allFields().stream()
                .filter(f -> f.key().equals(keyOrLabel) || f.label().equals(keyOrLabel))
                .findFirst();
    }
}
