package jp.kaigo.api;

import static jp.kaigo.api.MunicipalityFiles.INSURED_HEADER;
import static jp.kaigo.api.MunicipalityFiles.insuredRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A file without a column of its layout would blank that field for every person it holds: it is refused naming
 * the missing columns, and changes nothing, unless the upload says which columns it omits on purpose; an omitted
 * column then keeps what is stored.
 */
class OmittedColumnsIntegrationTests extends MunicipalityApiTests {
    private static final String PROBLEM = "application/problem+json";

    @BeforeEach
    void twoPersons() {
        ApiClient.Response loaded = api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n"
                + withPostalCode(insuredRow(insurer, "0000000001", 1, "2020-04-01", null, "1940-05-06", null)) + "\n"
                + withPostalCode(insuredRow(insurer, "0000000002", 1, "2020-04-01", null, "1941-06-07", null)) + "\n");
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
    }

    @Test
    void aCsvWithoutAnOptionalColumnIsRefusedNamingItAndChangesNothing() {
        ApiClient.Response refused = api.uploadCsv(insurer, "insured", "full", withoutPostalCode(INSURED_HEADER + "\n"
                + insuredRow(insurer, "0000000001", 1, "2020-04-01", null, "1940-05-06", null).replace("介護 花子", "介護 春子")
                + "\n" + insuredRow(insurer, "0000000002", 1, "2020-04-01", null, "1941-06-07", null) + "\n"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith(PROBLEM);
        assertThat(refused.json().get("detail").asString()).contains("1行目", "この種別の列がありません: 郵便番号", "省略")
                .doesNotContain("住所", "介護 春子");
        assertThat(postalCode("0000000001")).isEqualTo("900-0001");
        assertThat(name("0000000001")).isEqualTo("介護 花子");
    }

    @Test
    void anOmittedColumnKeepsTheStoredValueWhileTheOthersChange() {
        String file = withoutPostalCode(INSURED_HEADER + "\n"
                + insuredRow(insurer, "0000000001", 1, "2020-04-01", null, "1940-05-06", null).replace("介護 花子", "介護 春子")
                + "\n" + insuredRow(insurer, "0000000002", 1, "2020-04-01", null, "1941-06-07", null) + "\n");
        ApiClient.Response taken = api.upload(insurer, "insured", "full&omit=" + java.net.URLEncoder.encode("郵便番号",
                StandardCharsets.UTF_8), "text/csv", file.getBytes(StandardCharsets.UTF_8));
        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        assertThat(taken.json().get("updated").asLong()).isEqualTo(1);
        assertThat(taken.json().get("unchanged").asLong()).isEqualTo(1);
        assertThat(taken.json().get("notes").asString()).contains("省略した列(郵便番号)は登録済みの値のままです");
        assertThat(name("0000000001")).isEqualTo("介護 春子");
        assertThat(postalCode("0000000001")).isEqualTo("900-0001");
        assertThat(postalCode("0000000002")).isEqualTo("900-0001");
    }

    @Test
    void anOmissionTheLayoutCannotTakeIsRefusedBeforeTheFileIsRead() {
        ApiClient.Response required = api.upload(insurer, "insured", "full&omit=insuredNo,postalCode", "text/csv",
                (INSURED_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(required.status()).isEqualTo(400);
        assertThat(required.json().get("errors").get(0).get("field").asString()).isEqualTo("omit");
        assertThat(required.json().get("errors").get(0).get("reason").asString()).contains("被保険者番号は省略できません");

        ApiClient.Response unknown = api.upload(insurer, "insured", "full&omit=postalCode,favouriteColour", "text/csv",
                (INSURED_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("reason").asString()).contains("2番目の列名")
                .doesNotContain("favouriteColour");

        ApiClient.Response present = api.upload(insurer, "insured", "full&omit=postalCode", "text/csv",
                (INSURED_HEADER + "\n" + insuredRow(insurer, "0000000001", 1, "2020-04-01", null, "1940-05-06", null)
                        + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(present.status()).isEqualTo(400);
        assertThat(present.json().get("detail").asString()).contains("郵便番号", "省略すると指定した列がファイルにあります");
        assertThat(postalCode("0000000001")).isEqualTo("900-0001");
    }

    @Test
    void aJsonMemberThatNoRecordNamesIsRefusedUnlessOmitted() {
        List<Map<String, String>> records = new ArrayList<>();
        records.add(jsonRecord("0000000001", "1940-05-06", "介護 春子"));
        records.add(jsonRecord("0000000002", "1941-06-07", "介護 花子"));
        records.forEach(r -> r.remove("postalCode"));
        ApiClient.Response refused = api.upload(insurer, "insured", "full", "application/json",
                MunicipalityFiles.json(records).getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("郵便番号").contains("どの記録にもありません")
                .doesNotContain("介護 春子");
        assertThat(name("0000000001")).isEqualTo("介護 花子");

        ApiClient.Response taken = api.upload(insurer, "insured", "full&omit=postalCode", "application/json",
                MunicipalityFiles.json(records).getBytes(StandardCharsets.UTF_8));
        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        assertThat(name("0000000001")).isEqualTo("介護 春子");
        assertThat(postalCode("0000000001")).isEqualTo("900-0001");
    }

    @Test
    void aHeldFullFileKeepsItsOmissionUntilConfirmed() {
        String file = withoutPostalCode(INSURED_HEADER + "\n"
                + insuredRow(insurer, "0000000001", 1, "2020-04-01", null, "1940-05-06", null).replace("介護 花子", "介護 春子")
                + "\n");
        ApiClient.Response held = api.upload(insurer, "insured", "full&omit=postalCode", "text/csv",
                file.getBytes(StandardCharsets.UTF_8));
        assertThat(held.status()).as(held.body()).isEqualTo(409);
        ApiClient.Response confirmed = api.post(held.json().get("confirmUrl").asString(), "");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("deleted").asLong()).isEqualTo(1);
        assertThat(name("0000000001")).isEqualTo("介護 春子");
        assertThat(postalCode("0000000001")).isEqualTo("900-0001");
    }

    private Map<String, String> jsonRecord(String insuredNo, String birth, String name) {
        String[] keys = {"insurerNo", "insuredNo", "historyNo", "validFrom", "name", "nameKana", "birthDate", "sex",
            "address", "category", "acquiredOn", "acquisitionReason", "postalCode"};
        String[] values = {insurer, insuredNo, "1", "2020-04-01", name, "カイゴ ハナコ", birth, "2", "沖縄県テスト村1番地", "1",
            "2005-04-01", "01", "900-0001"};
        Map<String, String> record = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            record.put(keys[i], values[i]);
        }
        for (String blank : List.of("validTo", "lostOn", "lossReason", "specialAddressRule", "facilityInsurerNo", "exemptFrom", "exemptTo", "issuedOn")) {
            record.put(blank, null);
        }
        return record;
    }

    private static final int POSTAL_CODE = Arrays.asList(INSURED_HEADER.split(",")).indexOf("郵便番号");

    private static String withPostalCode(String row) {
        List<String> cells = new ArrayList<>(Arrays.asList(row.split(",", -1)));
        cells.set(POSTAL_CODE, "900-0001");
        return String.join(",", cells);
    }

    /** The file without its 郵便番号 column. */
    private static String withoutPostalCode(String csv) {
        int column = POSTAL_CODE;
        StringBuilder out = new StringBuilder();
        for (String line : csv.split("\n")) {
            List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
            cells.remove(column);
            out.append(String.join(",", cells)).append('\n');
        }
        return out.toString();
    }

    private JsonNode insured(String insuredNo) {
        ApiClient.Response response = clerk().post("/api/insured/records",
                "{\"insurerNo\":\"" + insurer + "\",\"insuredNo\":\"" + insuredNo + "\",\"asOf\":\"2026-05-01\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private String postalCode(String insuredNo) {
        return field(insuredNo, "postalCode");
    }

    private String name(String insuredNo) {
        return field(insuredNo, "name");
    }

    private String field(String insuredNo, String key) {
        JsonNode fields = insured(insuredNo).get("records").get("insured").get(0).get("fields");
        return fields.has(key) ? fields.get(key).asString() : null;
    }
}
