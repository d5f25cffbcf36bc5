package jp.kaigo.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;

/** The columns every municipality record carries, in the order they are staged. */
public final class KeyFields {
    public static final String OPERATION = "operation";
    public static final Map<String, String> OPERATIONS = operations();

    static final FieldSpec INSURER = Fields.checked(InsurerNumber.FIELD, InsurerNumber.LABEL,
            "数字6桁(検証番号付き)", InsurerNumber::new).mandatory();
    static final FieldSpec INSURED = Fields.checked(InsuredNumber.FIELD, InsuredNumber.LABEL,
            "半角英大文字・数字10桁", InsuredNumber::new).mandatory();
    static final FieldSpec HISTORY = Fields.integer("historyNo", "履歴番号", 1, 99_999_999).mandatory();
    static final FieldSpec VALID_FROM = Fields.date("validFrom", "有効開始日").mandatory();
    static final FieldSpec VALID_TO = Fields.date("validTo", "有効終了日");
    static final FieldSpec OP = Fields.code(OPERATION, "処理区分", OPERATIONS);

    public static final List<FieldSpec> ALL = List.of(INSURER, INSURED, HISTORY, VALID_FROM, VALID_TO, OP);

    /** Why a second row with the same 被保険者番号 and 履歴番号 in one file is refused. */
    public static final String DUPLICATE_REASON =
            "同じ被保険者番号・履歴番号の行がファイル内で重複しています(最初の行のみ取り込みました)";

    private KeyFields() {
    }

    private static Map<String, String> operations() {
        Map<String, String> ops = new LinkedHashMap<>();
        ops.put("1", "新規");
        ops.put("2", "更新");
        ops.put("3", "削除");
        return Map.copyOf(ops);
    }
}
