package jp.kaigo.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kaigo.ingest.FieldSpec;
import jp.kaigo.registry.RecordType;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.OfficeNumber;

/** Test fixtures in the municipality's terms: fresh insurers and CSV rows built from the layouts. */
final class MunicipalityFiles {
    private static final AtomicInteger NEXT_INSURER = new AtomicInteger(100);
    static final String INSURED_HEADER =
            "保険者番号,被保険者番号,履歴番号,有効開始日,有効終了日,氏名,氏名カナ,生年月日,性別,住所,被保険者区分,資格取得日,資格取得事由,資格喪失日,資格喪失事由"
            + ",郵便番号,住所地特例区分,施設所在保険者番号,適用除外開始日,適用除外終了日,交付年月日";

    private MunicipalityFiles() {
    }

    /** A 保険者番号 no other test uses, so that each test has its own municipality. */
    static String newInsurerNumber() {
        return InsurerNumber.withCheckDigit("47" + NEXT_INSURER.getAndIncrement()).value();
    }

    /** Registers the insurer through its own client (the municipality's certificate). */
    static void register(ApiClient municipality, String insurer) {
        ApiClient.Response response = municipality.put("/api/insurers/" + insurer, "{\"name\":\"テスト村" + insurer + "\"}");
        if (response.status() != 200) {
            throw new IllegalStateException(response.body());
        }
    }

    static String insuredRow(String insurer, String insuredNo, int history, String from, String to, String birth,
            String lostOn) {
        return String.join(",", insurer, insuredNo, String.valueOf(history), from, to == null ? "" : to,
                "介護 花子", "カイゴ ハナコ", birth, "2", "沖縄県テスト村1番地", "1", "2005-04-01", "01",
                lostOn == null ? "" : lostOn, lostOn == null ? "" : "01", "", "", "", "", "", "");
    }

    /**
     * A value for every field of a layout that satisfies all its rules; dates rise in field order,
     * free texts carry a character outside the BMP and a backslash.
     */
    static Map<String, String> everyField(RecordType type, String insurer, String insuredNo) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("insurerNo", insurer);
        values.put("insuredNo", insuredNo);
        values.put("historyNo", "1");
        values.put("validFrom", "2026-04-01");
        values.put("validTo", "2027-03-31");
        LocalDate date = LocalDate.of(1950, 1, 1);
        int number = 100;
        for (FieldSpec f : type.layout().fields()) {
            String key = f.key();
            String value;
            if (key.equals("careLevel")) {
                value = "23";
            } else if (key.equals("nameKana")) {
                value = "テスト　タロウ";
            } else if (key.equals("postalCode")) {
                value = "900-0001";
            } else if (key.endsWith("InsurerNo")) {
                value = insurer;
            } else if (key.matches("planOffice\\dNo")) {
                value = OfficeNumber.withCheckDigit("4770100" + String.format("%02d", number++ % 100)).value();
            } else if (key.matches("planOffice\\dKind")) {
                value = "1";
            } else if (!f.codes().isEmpty()) {
                value = f.codes().keySet().stream().sorted().reduce((a, b) -> b).orElseThrow();
            } else if (f.rule().startsWith("日付")) {
                date = date.plusDays(400);
                value = date.toString();
            } else if (f.rule().startsWith("整数")) {
                value = String.valueOf(number++);
            } else {
                // a character outside the BMP (a surrogate pair in Java) and a backslash must survive too
                value = f.label() + "のテキスト𠮷\\";
            }
            values.put(key, value);
        }
        return values;
    }

    static String csv(RecordType type, List<Map<String, String>> rows) {
        List<FieldSpec> fields = type.layout().allFields().stream().filter(f -> !f.key().equals("operation")).toList();
        StringBuilder out = new StringBuilder(String.join(",", fields.stream().map(FieldSpec::label).toList()));
        out.append('\n');
        for (Map<String, String> row : rows) {
            List<String> cells = new ArrayList<>();
            fields.forEach(f -> cells.add(row.getOrDefault(f.key(), "")));
            out.append(String.join(",", cells)).append('\n');
        }
        return out.toString();
    }

    static String json(List<Map<String, String>> rows) {
        return ApiClient.JSON.writeValueAsString(Map.of("records", rows));
    }
}
