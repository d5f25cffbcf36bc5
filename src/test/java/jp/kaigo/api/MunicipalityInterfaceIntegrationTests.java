package jp.kaigo.api;

import static jp.kaigo.api.MunicipalityFiles.INSURED_HEADER;
import static jp.kaigo.api.MunicipalityFiles.insuredRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kaigo.registry.RecordType;
import jp.kaigo.shared.InsurerNumber;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The municipality file interface end to end: HTTP upload → ingest → registry → report and reads. */
class MunicipalityInterfaceIntegrationTests extends MunicipalityApiTests {

    @Test
    void everyFieldOfEveryRecordTypeSurvivesCsvImport() {
        assertEveryFieldSurvives("csv");
    }

    @Test
    void everyFieldOfEveryRecordTypeSurvivesJsonImport() {
        assertEveryFieldSurvives("json");
    }

    private void assertEveryFieldSurvives(String format) {
        String insuredNo = "0000000077";
        for (RecordType type : RecordType.values()) {
            Map<String, String> row = MunicipalityFiles.everyField(type, insurer, insuredNo);
            ApiClient.Response response = format.equals("csv")
                    ? api.uploadCsv(insurer, type.key(), "full", MunicipalityFiles.csv(type, List.of(row)))
                    : api.upload(insurer, type.key(), "full", "application/json",
                            MunicipalityFiles.json(List.of(row)).getBytes(StandardCharsets.UTF_8));
            assertThat(response.status()).as(type.key() + ": " + response.body()).isEqualTo(200);
            assertThat(response.json().get("inserted").asLong()).as(type.key() + ": " + response.body()).isEqualTo(1);
        }
        JsonNode records = records(insuredNo, "2026-04-01").get("records");
        for (RecordType type : RecordType.values()) {
            Map<String, String> sent = MunicipalityFiles.everyField(type, insurer, insuredNo);
            JsonNode stored = records.get(type.key()).get(0);
            assertThat(stored.get("historyNo").asInt()).isEqualTo(1);
            assertThat(stored.get("validFrom").asString()).isEqualTo("2026-04-01");
            assertThat(stored.get("validTo").asString()).isEqualTo("2027-03-31");
            type.layout().fields().forEach(f -> {
                JsonNode value = stored.get("fields").get(f.key());
                assertThat(value).as(type.key() + "." + f.key()).isNotNull();
                assertThat(value.asString()).as(type.key() + "." + f.key()).isEqualTo(sent.get(f.key()));
            });
        }
    }

    @Test
    void answersAsOfAnyDateAcrossHistory() {
        upload("insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, "0000000001", 1, "2020-04-01", "2022-03-31", "1940-05-06", null) + "\n"
                + insuredRow(insurer, "0000000001", 2, "2022-04-01", "2025-12-31", "1940-05-06", null).replace("テスト村1番地", "テスト村2番地") + "\n"
                + insuredRow(insurer, "0000000001", 3, "2026-01-10", null, "1940-05-06", "2026-01-10") + "\n");
        upload("care-certificate", "full", """
                保険者番号,被保険者番号,履歴番号,有効開始日,有効終了日,要介護状態区分,認定年月日,認定有効期間開始日,認定有効期間終了日,区分支給限度基準額
                %1$s,0000000001,1,2024-04-01,2025-03-31,21,2024-03-20,2024-04-01,2025-03-31,16765
                %1$s,0000000001,2,2025-04-01,2027-03-31,23,2025-03-18,2025-04-01,2027-03-31,27048
                """.formatted(insurer));

        JsonNode early = verify("0000000001", "1940-05-06", "2021-01-01");
        assertThat(early.get("status").asString()).isEqualTo("INSURED");
        assertThat(early.get("insured").get("fields").get("address").asString()).endsWith("1番地");
        assertThat(early.has("careCertificate")).isFalse();

        JsonNode mid = verify("0000000001", "1940-05-06", "2024-06-01");
        assertThat(mid.get("insured").get("historyNo").asInt()).isEqualTo(2);
        assertThat(mid.get("careCertificate").get("fields").get("careLevelName").asString()).isEqualTo("要介護1");

        JsonNode later = verify("0000000001", "1940-05-06", "2025-06-01");
        assertThat(later.get("careCertificate").get("fields").get("careLevel").asString()).isEqualTo("23");
        assertThat(later.get("careCertificate").get("fields").get("limitUnits").asInt()).isEqualTo(27048);

        JsonNode lost = verify("0000000001", "1940-05-06", "2026-02-01");
        assertThat(lost.get("status").asString()).isEqualTo("LOST");
        assertThat(lost.get("since").asString()).isEqualTo("2026-01-10");
        assertThat(lost.has("careCertificate")).isFalse();

        JsonNode before = verify("0000000001", "1940-05-06", "2004-01-01");
        assertThat(before.get("status").asString()).isEqualTo("NOT_YET_INSURED");
        assertThat(before.get("since").asString()).isEqualTo("2005-04-01");
    }

    /** Without a mode an upload is 差分: a file holding one person deletes nobody else (a 全量 file would). */
    @Test
    void anUploadWithoutAModeIsDifferentialAndDeletesNothing() {
        upload("insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, "0000000001", 1, "2020-04-01", null, "1940-05-06", null) + "\n"
                + insuredRow(insurer, "0000000002", 1, "2020-04-01", null, "1941-06-07", null) + "\n");
        ApiClient.Response response = api.postBytes("/api/municipalities/" + insurer + "/files/insured", "text/csv",
                ("処理区分," + INSURED_HEADER + "\n2," + insuredRow(insurer, "0000000001", 1, "2020-04-01", null,
                        "1940-05-06", null).replace("テスト村1番地", "テスト村9番地") + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("mode").asString()).isEqualTo("DIFFERENTIAL");
        assertThat(report.get("updated").asLong()).isEqualTo(1);
        assertThat(report.get("deleted").asLong()).isZero();
        assertThat(verify("0000000002", "1941-06-07", "2026-06-01").get("status").asString()).isEqualTo("INSURED");
    }

    @Test
    void differentialFilesInsertUpdateAndDeleteByKeyAndHistoryNumber() {
        upload("insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, "0000000001", 1, "2020-04-01", null, "1940-05-06", null) + "\n"
                + insuredRow(insurer, "0000000002", 1, "2020-04-01", null, "1941-06-07", null) + "\n"
                + insuredRow(insurer, "0000000003", 1, "2020-04-01", null, "1942-07-08", null) + "\n");
        String diffHeader = "処理区分," + INSURED_HEADER;
        JsonNode report = upload("insured", "differential", diffHeader + "\n"
                + "2," + insuredRow(insurer, "0000000001", 1, "2020-04-01", null, "1940-05-06", null).replace("テスト村1番地", "テスト村9番地") + "\n"
                + "1," + insuredRow(insurer, "0000000002", 2, "2026-04-01", null, "1941-06-07", null) + "\n"
                + "3," + insurer + ",0000000003,1,,,,,,,,,,,,,,,,,,\n"
                + "1," + insuredRow(insurer, "0000000004", 1, "2026-04-01", null, "1943-08-09", null) + "\n");
        assertThat(report.get("updated").asLong()).isEqualTo(1);
        assertThat(report.get("inserted").asLong()).isEqualTo(2);
        assertThat(report.get("deleted").asLong()).isEqualTo(1);
        assertThat(report.get("rejectedRows").asLong()).isZero();

        assertThat(verify("0000000001", "1940-05-06", "2026-05-01").get("insured").get("fields").get("address")
                .asString()).endsWith("9番地");
        assertThat(verify("0000000002", "1941-06-07", "2026-05-01").get("insured").get("historyNo").asInt()).isEqualTo(2);
        assertThat(verify("0000000003", "1942-07-08", "2026-05-01").get("status").asString()).isEqualTo("UNKNOWN");
        assertThat(verify("0000000004", "1943-08-09", "2026-05-01").get("status").asString()).isEqualTo("INSURED");

        JsonNode history = clerk().post("/api/insured/history",
                "{\"insurerNo\":\"" + insurer + "\",\"insuredNo\":\"0000000001\"}").json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("current").asBoolean()).isFalse();
        assertThat(history.get(0).get("record").get("fields").get("address").asString()).endsWith("1番地");
        assertThat(history.get(1).get("revision").asInt()).isEqualTo(2);
        JsonNode deleted = clerk().post("/api/insured/history",
                "{\"insurerNo\":\"" + insurer + "\",\"insuredNo\":\"0000000003\"}").json();
        assertThat(deleted).hasSize(2);
        assertThat(deleted.get(1).get("deleted").asBoolean()).isTrue();
    }

    @Test
    void theSameFileTwiceChangesNothing() {
        String file = INSURED_HEADER + "\n"
                + insuredRow(insurer, "0000000001", 1, "2020-04-01", "2022-03-31", "1940-05-06", null) + "\n"
                + insuredRow(insurer, "0000000001", 2, "2022-04-01", null, "1940-05-06", null) + "\n";
        JsonNode first = upload("insured", "full", file);
        JsonNode second = upload("insured", "full", file);
        assertThat(first.get("inserted").asLong()).isEqualTo(2);
        assertThat(second.get("inserted").asLong()).isZero();
        assertThat(second.get("updated").asLong()).isZero();
        assertThat(second.get("deleted").asLong()).isZero();
        assertThat(second.get("unchanged").asLong()).isEqualTo(2);
        assertThat(second.get("sha256").asString()).isEqualTo(first.get("sha256").asString());
        JsonNode history = clerk().post("/api/insured/history",
                "{\"insurerNo\":\"" + insurer + "\",\"insuredNo\":\"0000000001\"}").json();
        assertThat(history).hasSize(2);
    }

    @Test
    void refusesAHistoryNumberOlderThanTheNewest() {
        upload("insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, "0000000001", 1, "2020-04-01", "2022-03-31", "1940-05-06", null) + "\n"
                + insuredRow(insurer, "0000000001", 3, "2022-04-01", null, "1940-05-06", null) + "\n");
        JsonNode report = upload("insured", "differential", "処理区分," + INSURED_HEADER + "\n"
                + "1," + insuredRow(insurer, "0000000001", 2, "2021-04-01", null, "1940-05-06", null) + "\n");
        assertThat(report.get("inserted").asLong()).isZero();
        assertThat(report.get("rejectedRows").asLong()).isEqualTo(1);
        JsonNode rejection = report.get("rejections").get(0);
        assertThat(rejection.get("line").asLong()).isEqualTo(2);
        assertThat(rejection.get("field").asString()).isEqualTo("historyNo");
        assertThat(rejection.get("reason").asString()).contains("最新の履歴番号より小さい");
        assertThat(verify("0000000001", "1940-05-06", "2023-01-01").get("insured").get("historyNo").asInt())
                .isEqualTo(3);
    }

    @Test
    void reportsBadRowsWithLineAndFieldWhileGoodRowsImport() {
        JsonNode report = upload("insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, "0000000001", 1, "2020-04-01", null, "1940-05-06", null) + "\n"
                + insuredRow(insurer, "0000000002", 1, "2020-04-01", null, "1940-02-30", null) + "\n"
                + insuredRow(insurer, "0000000003", 1, "2020-04-01", null, "1940-05-06", null) + "\n"
                + insuredRow(insurer, "00000X4", 1, "2020-04-01", null, "1940-05-06", null) + "\n"
                + insuredRow(insurer, "0000000005", 1, "2020-04-01", null, "1940-05-06", null).replace(",2,沖縄", ",7,沖縄") + "\n");
        assertThat(report.get("inserted").asLong()).isEqualTo(2);
        assertThat(report.get("rejectedRows").asLong()).isEqualTo(3);
        List<String> rejections = new ArrayList<>();
        report.get("rejections").forEach(r -> rejections.add(r.get("line").asLong() + ":" + r.get("field").asString()));
        assertThat(rejections).containsExactly("3:birthDate", "5:insuredNo", "6:sex");
        assertThat(report.toString()).doesNotContain("00000X4").doesNotContain("1940-02-30");
        assertThat(verify("0000000003", "1940-05-06", "2026-05-01").get("status").asString()).isEqualTo("INSURED");

        ApiClient.Response csv = api.get("/api/imports/" + report.get("importId").asString() + "/rejections");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains("3,\"birthDate\",\"生年月日\"").contains("5,\"insuredNo\"").contains("6,\"sex\"");
        assertThat(api.get("/api/imports/" + report.get("importId").asString()).json().get("rejectedRows").asLong())
                .isEqualTo(3);
    }

    @Test
    void refusesTextThatIsNotValidUnicode() {
        Map<String, String> row = MunicipalityFiles.everyField(RecordType.INSURED, insurer, "0000000088");
        row.put("address", "ADDRESS");
        String json = MunicipalityFiles.json(List.of(row)).replace("ADDRESS", "\\ud800沖縄");
        ApiClient.Response response = api.upload(insurer, "insured", "full", "application/json",
                json.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("rejectedRows").asLong()).isEqualTo(1);
        JsonNode rejection = response.json().get("rejections").get(0);
        assertThat(rejection.get("field").asString()).isEqualTo("address");
        assertThat(rejection.get("reason").asString()).contains("サロゲート");
    }

    @Test
    void aRecordNamingAFieldTwiceIsRejectedWhetherByKeyOrByLabel() {
        Map<String, String> byKey = MunicipalityFiles.everyField(RecordType.INSURED, insurer, "0000000091");
        Map<String, String> byLabel = MunicipalityFiles.everyField(RecordType.INSURED, insurer, "0000000092");
        Map<String, String> once = MunicipalityFiles.everyField(RecordType.INSURED, insurer, "0000000093");
        byKey.put("address", "ADDRESS");
        byLabel.put("address", "LABELLED");
        String json = MunicipalityFiles.json(List.of(byKey, byLabel, once))
                .replace("\"address\":\"ADDRESS\"", "\"address\":\"沖縄県テスト村1番地\",\"address\":\"沖縄県テスト村2番地\"")
                .replace("\"address\":\"LABELLED\"", "\"address\":\"沖縄県テスト村1番地\",\"住所\":\"沖縄県テスト村2番地\"");
        ApiClient.Response response = api.upload(insurer, "insured", "full", "application/json",
                json.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("inserted").asLong()).isEqualTo(1);
        assertThat(response.json().get("rejectedRows").asLong()).isEqualTo(2);
        for (JsonNode rejection : response.json().get("rejections")) {
            assertThat(rejection.get("field").asString()).isEqualTo("address");
            assertThat(rejection.get("reason").asString()).contains("2回");
        }
    }

    @Test
    void refusesTheSecondRowWithTheSameKeyWhetherTheFileIsSortedOrNot() {
        String first = insuredRow(insurer, "0000000001", 1, "2020-04-01", null, "1940-05-06", null);
        String twin = first.replace("テスト村1番地", "テスト村2番地");
        String other = insuredRow(insurer, "0000000002", 1, "2020-04-01", null, "1941-05-06", null);
        JsonNode sorted = upload("insured", "full", INSURED_HEADER + "\n" + first + "\n" + twin + "\n" + other + "\n");
        JsonNode unsorted = upload("insured", "full", INSURED_HEADER + "\n" + first + "\n" + other + "\n" + twin + "\n");
        assertThat(sorted.get("rejections").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(unsorted.get("rejections").get(0).get("line").asLong()).isEqualTo(4);
        for (JsonNode report : List.of(sorted, unsorted)) {
            assertThat(report.get("rejectedRows").asLong()).isEqualTo(1);
            assertThat(report.get("rejections").get(0).get("field").asString()).isEqualTo("historyNo");
            assertThat(report.get("rejections").get(0).get("reason").asString()).contains("重複");
        }
        assertThat(verify("0000000001", "1940-05-06", "2026-05-01").get("insured").get("fields").get("address")
                .asString()).endsWith("1番地");
    }

    @Test
    void readsWindows31JFilesWithoutBeingTold() {
        String file = INSURED_HEADER + "\n"
                + insuredRow(insurer, "0000000001", 1, "2020-04-01", null, "1940-05-06", null)
                        .replace("介護 花子", "髙橋 ①子").replace("テスト村1番地", "テスト村１－２") + "\n";
        ApiClient.Response response = api.uploadCsv(insurer, "insured", "full", file, Charset.forName("windows-31j"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("charset").asString()).isEqualTo("windows-31j");
        JsonNode insured = verify("0000000001", "1940-05-06", "2026-05-01").get("insured").get("fields");
        assertThat(insured.get("name").asString()).isEqualTo("髙橋 ①子");
        assertThat(insured.get("address").asString()).endsWith("テスト村１－２");
    }

    @Test
    void aFileThatCannotBeReadChangesNothing() {
        ApiClient.Response unknownColumn = api.uploadCsv(insurer, "insured", "full",
                INSURED_HEADER + ",好きな色\n" + insuredRow(insurer, "0000000001", 1, "2020-04-01", null, "1940-05-06", null) + ",赤\n");
        assertThat(unknownColumn.status()).isEqualTo(400);
        assertThat(unknownColumn.contentType()).startsWith("application/problem+json");
        assertThat(unknownColumn.json().get("errors").get(0).get("line").asLong()).isEqualTo(1);
        assertThat(unknownColumn.json().get("detail").asString()).contains("22列目");

        ApiClient.Response missingColumn = api.uploadCsv(insurer, "insured", "full",
                "保険者番号,被保険者番号,履歴番号,有効開始日\n" + insurer + ",0000000001,1,2020-04-01\n");
        assertThat(missingColumn.status()).isEqualTo(400);
        assertThat(missingColumn.json().get("errors").get(0).get("field").asString()).isEqualTo("name");

        ApiClient.Response brokenQuote = api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, "0000000001", 1, "2020-04-01", null, "1940-05-06", null) + "\n"
                + insuredRow(insurer, "0000000002", 1, "2020-04-01", null, "1940-05-06", null).replace("介護 花子", "\"介護 花子") + "\n");
        assertThat(brokenQuote.status()).isEqualTo(400);
        assertThat(brokenQuote.json().get("errors").get(0).get("line").asLong()).isGreaterThanOrEqualTo(3);

        ApiClient.Response badJson = api.upload(insurer, "insured", "full", "application/json",
                "{\"records\":[{\"insurerNo\":\"1\"},\n{oops}]}".getBytes(StandardCharsets.UTF_8));
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.json().get("errors").get(0).get("line").asLong()).isEqualTo(2);

        ApiClient.Response emptyFull = api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n");
        assertThat(emptyFull.status()).isEqualTo(400);

        assertThat(verify("0000000001", "1940-05-06", "2026-05-01").get("status").asString()).isEqualTo("UNKNOWN");
    }

    @Test
    void aFullSnapshotDeletesWhatItNoLongerHoldsButNotForPersonsWithRefusedRows() {
        upload("insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, "0000000001", 1, "2020-04-01", null, "1940-05-06", null) + "\n"
                + insuredRow(insurer, "0000000002", 1, "2020-04-01", null, "1941-05-06", null) + "\n"
                + insuredRow(insurer, "0000000003", 1, "2020-04-01", null, "1942-05-06", null) + "\n");
        ApiClient.Response holding = api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, "0000000001", 1, "2020-04-01", null, "1940-05-06", null) + "\n"
                + insuredRow(insurer, "0000000003", 1, "2020-04-01", null, "1942-13-06", null) + "\n");
        assertThat(holding.status()).as(holding.body()).isEqualTo(409);
        JsonNode held = holding.json();
        // a 全量 file that deletes waits for the confirmation; the refused row's person is not counted
        assertThat(held.get("wouldDelete").asLong()).as(held.toString()).isEqualTo(1);
        JsonNode report = api.post("/api/imports/" + held.get("importId").asString() + "/confirm?confirmDeletions=1", "")
                .json();
        assertThat(report.get("deleted").asLong()).isEqualTo(1);
        assertThat(report.get("rejectedRows").asLong()).isEqualTo(1);
        assertThat(verify("0000000001", "1940-05-06", "2026-05-01").get("status").asString()).isEqualTo("INSURED");
        assertThat(verify("0000000002", "1941-05-06", "2026-05-01").get("status").asString()).isEqualTo("UNKNOWN");
        assertThat(verify("0000000003", "1942-05-06", "2026-05-01").get("status").asString()).isEqualTo("INSURED");
    }

    @Test
    void refusesRowsOfAnotherInsurerAndFilesFromUnregisteredInsurers() {
        String other = MunicipalityFiles.newInsurerNumber();
        MunicipalityFiles.register(municipality(other), other);
        JsonNode report = upload("insured", "full", INSURED_HEADER + "\n"
                + insuredRow(other, "0000000001", 1, "2020-04-01", null, "1940-05-06", null) + "\n");
        assertThat(report.get("rejections").get(0).get("field").asString()).isEqualTo("insurerNo");
        assertThat(verify(other, "0000000001", "1940-05-06", "2026-05-01").get("status").asString()).isEqualTo("UNKNOWN");

        String unregisteredNo = InsurerNumber.withCheckDigit("46999").value();
        ApiClient.Response unregistered = municipality(unregisteredNo).uploadCsv(unregisteredNo,
                "insured", "full", INSURED_HEADER + "\n");
        assertThat(unregistered.status()).isEqualTo(400);
        assertThat(unregistered.json().get("errors").get(0).get("reason").asString()).contains("登録されていない");
    }

    @Test
    void cardsForUnknownPersonsAreRefused() {
        JsonNode report = upload("burden-ratio", "full", """
                保険者番号,被保険者番号,履歴番号,有効開始日,有効終了日,利用者負担の割合
                %s,0000000009,1,2026-08-01,2027-07-31,20
                """.formatted(insurer));
        assertThat(report.get("rejections").get(0).get("field").asString()).isEqualTo("insuredNo");
        assertThat(report.get("rejections").get(0).get("reason").asString()).contains("被保険者が登録されていません");
    }

    private JsonNode upload(String type, String mode, String csv) {
        ApiClient.Response response = api.uploadPartialCsv(insurer, type, mode, csv);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode verify(String insuredNo, String birth, String asOf) {
        return verify(insurer, insuredNo, birth, asOf);
    }

    private JsonNode verify(String insurerNo, String insuredNo, String birth, String asOf) {
        ApiClient.Response response = office.post("/api/eligibility", "{\"insurerNo\":\"" + insurerNo
                + "\",\"insuredNo\":\"" + insuredNo + "\",\"birthDate\":\"" + birth + "\",\"asOf\":\"" + asOf + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode records(String insuredNo, String asOf) {
        ApiClient.Response response = clerk().post("/api/insured/records",
                "{\"insurerNo\":\"" + insurer + "\",\"insuredNo\":\"" + insuredNo + "\",\"asOf\":\"" + asOf + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
