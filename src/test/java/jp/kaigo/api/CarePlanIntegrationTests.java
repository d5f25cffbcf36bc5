package jp.kaigo.api;

import static jp.kaigo.api.MunicipalityFiles.INSURED_HEADER;
import static jp.kaigo.api.MunicipalityFiles.insuredRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The 居宅介護支援事業所's care manager writes a care plan (JSON, or the ケアプランデータ連携 CSV in Shift_JIS),
 * issues it (交付), and only then is it shared: with the person, and through access with the offices in
 * charge that have consent.
 */
class CarePlanIntegrationTests extends MunicipalityApiTests {
    private static final String PERSON = "0000000001";
    private static final Charset MS932 = Charset.forName("windows-31j");
    ApiClient careManager;

    @BeforeEach
    void setUpPersonInCharge() {
        api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, PERSON, 1, "2020-04-01", null, "1940-05-06", null) + "\n"
                + insuredRow(insurer, "0000000002", 1, "2020-04-01", null, "1941-01-02", null) + "\n");
        careManager = staffOf(office, "care.manager", "CARE_MANAGER");
        registerInCharge(careManager, PERSON, "1940-05-06", "43", RECENT_START);
        assertThat(clerk().post("/api/municipalities/" + insurer + "/insured/" + PERSON + "/blanket-consent",
                "{\"occasion\":\"認定申請\"}").status()).isEqualTo(201);
    }

    private String plan(String planDate, String policy) {
        return "{\"insurerNo\":\"" + insurer + "\",\"insuredNo\":\"" + PERSON + "\",\"planDate\":\"" + planDate
                + "\",\"firstPlanDate\":\"2026-10-01\",\"planKind\":\"11\",\"certStatus\":\"2\",\"careLevel\":\"23\","
                + "\"authorName\":\"介護 支援子\",\"policy\":\"" + policy + "\",\"items\":["
                + "{\"needNo\":1,\"goalNo\":1,\"itemNo\":1,\"need\":\"自宅で入浴したい\",\"longGoal\":\"週2回入浴できる\","
                + "\"content\":\"入浴介助\",\"insuredService\":true,\"serviceKind\":\"訪問介護\",\"frequency\":\"週2回\"},"
                + "{\"needNo\":1,\"goalNo\":1,\"itemNo\":2,\"content\":\"福祉用具(手すり)\",\"insuredService\":true}],"
                + "\"week\":[{\"service\":\"訪問介護(入浴)\",\"weekday\":2,\"startsAt\":\"1000\",\"endsAt\":\"1100\"},"
                + "{\"activity\":\"起床\",\"activityStart\":\"0700\"},{\"other\":\"福祉用具貸与(手すり)\"}]}";
    }

    private String records() {
        return "/api/records/" + insurer + "/" + PERSON + "/care-plan";
    }

    @Test
    void aPlanIsSharedOnlyOnceIssued() {
        ApiClient.Response submitted = careManager.post("/api/care-plans", plan("2026-10-05", "在宅生活を継続する"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String planId = submitted.json().get("planId").asString();
        assertThat(careManager.get(records()).json().get("records")).as("a draft is not shared").isEmpty();

        assertThat(careManager.post("/api/care-plans/" + planId + "/issue", "").json().get("errors").get(0)
                .get("reason").asString()).as("not before the person agreed").contains("本人の同意がまだありません");
        agreeAndIssue(planId);
        JsonNode plan = careManager.get(records()).json().get("records").get(0);
        assertThat(plan.get("policy").asString()).isEqualTo("在宅生活を継続する");
        assertThat(plan.get("agreementName").asString()).isEqualTo("書面・口頭で同意(事業所が記録)");
        assertThat(plan.get("planKindName").asString()).isEqualTo("初回");
        assertThat(plan.get("items")).hasSize(2);
        assertThat(plan.get("items").get(0).get("need").asString()).isEqualTo("自宅で入浴したい");
        assertThat(plan.get("week")).hasSize(3);
        assertThat(plan.get("week").get(0).get("weekday").asInt()).isEqualTo(2);
        assertThat(careManager.post("/api/care-plans", plan("2026-10-05", "変更")).json().get("errors").get(0)
                .get("reason").asString()).as("an issued plan is not changed").contains("交付済み");

        // the next plan supersedes it once issued
        String next = careManager.post("/api/care-plans", plan("2026-11-01", "通所を増やす")).json().get("planId").asString();
        agreeAndIssue(next);
        JsonNode shared = clerk().get(records()).json().get("records");
        assertThat(shared).hasSize(2);
        assertThat(shared.get(0).get("status").asString()).isEqualTo("issued");
        assertThat(shared.get(1).get("status").asString()).isEqualTo("superseded");
    }

    @Test
    void onlyTheCareManagerOfTheOfficeInChargeWritesPlans() {
        assertThat(office.post("/api/care-plans", plan("2026-10-05", "x")).json().get("reason").asString())
                .as("the office's clerk").isEqualTo("CARE_PLAN_AUTHOR_ONLY");
        ApiClient otherOffice = newSignedInOffice();
        ApiClient.Response other = otherOffice.post("/api/care-plans", plan("2026-10-05", "x"));
        assertThat(other.status()).isEqualTo(403);
        ApiClient.Response bad = careManager.post("/api/care-plans", plan("2026-10-05", "x")
                .replace("\"firstPlanDate\":\"2026-10-01\"", "\"firstPlanDate\":\"2026-12-01\"")
                .replace("\"planKind\":\"11\"", "\"planKind\":\"99\""));
        List<String> fields = new ArrayList<>();
        bad.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("firstPlanDate", "planKind");
        ApiClient.Response badWeek = careManager.post("/api/care-plans", plan("2026-10-05", "x")
                .replace("\"endsAt\":\"1100\"", "\"endsAt\":\"0900\""));
        assertThat(badWeek.json().get("errors").get(0).get("field").asString()).isEqualTo("week[0].endsAt");
    }

    @Test
    void theStandardCsvImportsWithLineNumbersForRefusedRows() {
        String table1 = String.join("\r\n",
                row("202407", insurer, PERSON, "20261005", "", "", "", "介護 支援子", "デモ居宅", "", "", "", officeNo, "20261005",
                        "20261001", "11", "2", "20260901", "20261001", "20270930", "23", "\"本人は「自宅で暮らしたい」、\r\n家族は入浴が心配\"",
                        "", "在宅生活を継続する", "", "", "", ""),
                row("202407", insurer, "0000000002", "20261005", "", "", "", "介護 支援子", "デモ居宅", "", "", "", officeNo,
                        "20261005", "20261001", "11", "2", "", "", "", "22", "", "", "", "", "", "", ""),
                row("209901", insurer, PERSON, "20261005", "", "", "", "介護 支援子", "デモ居宅", "", "", "", officeNo, "20261005",
                        "20261001", "11", "2", "", "", "", "23", "", "", "", "", "", "", "")) + "\r\n";
        JsonNode report = careManager.postBytes("/api/care-plans/files/UP1KYO", "text/csv", table1.getBytes(MS932)).json();
        assertThat(report.get("rows").asLong()).isEqualTo(3);
        assertThat(report.get("planIds")).hasSize(1);
        String planId = report.get("planIds").get(0).asString();
        List<String> refused = new ArrayList<>();
        report.get("rejections").forEach(r -> refused.add(r.get("line").asLong() + ":" + r.get("field").asString()));
        assertThat(refused).as("line 3 is the person this office is not in charge of; the quoted text spans lines 1–2")
                .containsExactly("3:insuredNo", "4:csvVersion");

        String table2 = String.join("\r\n",
                row("202407", insurer, PERSON, "20261005", "20261005", "1", "入浴が一人では難しい", "1", "週2回入浴できる",
                        "見守りで入浴できる", "6か月", "3か月", "1", "入浴介助", "Y", "訪問介護", "", "", "週2回", "3か月", "", ""),
                row("202407", insurer, PERSON, "20261005", "20261005", "1", "", "1", "", "", "", "", "2", "手すりの貸与", "Y",
                        "福祉用具貸与", "", "", "毎日", "3か月", "", ""),
                row("202407", insurer, PERSON, "20261005", "20261005", "1", "", "1", "", "", "", "", "3", "x", "X", "", "", "",
                        "", "", "", "")) + "\r\n";
        report = careManager.postBytes("/api/care-plans/files/UP2KYO", "text/csv", table2.getBytes(MS932)).json();
        assertThat(report.get("rejections").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(report.get("rejections").get(0).get("field").asString()).isEqualTo("insuredService");
        assertThat(report.get("planIds").get(0).asString()).isEqualTo(planId);

        String table3 = String.join("\r\n",
                row("202407", insurer, PERSON, "20261005", "20261005", "訪問介護", "3", "1400", "1500", "", "", "", ""),
                row("202407", insurer, PERSON, "20261005", "20261005", "訪問介護", "8", "1400", "1500", "", "", "", "")) + "\r\n";
        report = careManager.postBytes("/api/care-plans/files/UP3KYO", "text/csv", table3.getBytes(MS932)).json();
        assertThat(report.get("rejections").get(0).get("line").asLong()).isEqualTo(2);
        assertThat(report.get("rejections").get(0).get("field").asString()).isEqualTo("weekday");
        agreeAndIssue(planId);
        JsonNode plan = careManager.get(records()).json().get("records").get(0);
        assertThat(plan.get("week")).hasSize(1);
        assertThat(plan.get("assessment").asString()).isEqualTo("本人は「自宅で暮らしたい」、\r\n家族は入浴が心配");
        assertThat(plan.get("items")).hasSize(2);
        assertThat(plan.get("items").get(1).get("need").asString()).as("carried from the row before")
                .isEqualTo("入浴が一人では難しい");
        assertThat(plan.get("items").get(1).get("longGoal").asString()).isEqualTo("週2回入浴できる");

        // 0xFD is no character in Shift_JIS (MS932)
        assertThat(careManager.postBytes("/api/care-plans/files/UP1KYO", "text/csv", new byte[] {'2', (byte) 0xFD, ','})
                .status()).as("not Shift_JIS").isEqualTo(400);
    }

    @Test
    void theMonthlySheetsReplaceTheMonthAndAreSharedWithThePlan() {
        String ok = table6Row("20261103", "1000", "1100", "111111");
        String table6 = String.join("\r\n", ok, table6Row("20261110", "1000", "1100", "111111"),
                table6Row("20261201", "1000", "1100", "111111")) + "\r\n";
        JsonNode report = careManager.postBytes("/api/care-plans/files/UPPLAN", "text/csv", table6.getBytes(MS932)).json();
        List<String> refused = new ArrayList<>();
        report.get("rejections").forEach(r -> refused.add(r.get("line").asLong() + ":" + r.get("field").asString()));
        assertThat(refused).as("a December day in the November sheet refuses the whole month")
                .containsExactly("1:targetMonth", "2:targetMonth", "3:serviceDate");
        assertThat(report.get("planIds")).isEmpty();

        report = careManager.postBytes("/api/care-plans/files/UPPLAN", "text/csv", (String.join("\r\n", ok,
                table6Row("20261110", "1400", "1500", "111111")) + "\r\n").getBytes(MS932)).json();
        assertThat(report.get("planIds")).hasSize(1);
        assertThat(report.get("rejections")).isEmpty();
        String table7 = row("202407", insurer, PERSON, "20261101", "202611", "デモ訪問介護", officeNo, "", "111111", "", "",
                "", "394", "", "", "8", "3152", "3152", "", "", "0", "3152", "11.40", "35932", "90", "32338", "", "3594", "0",
                "", "", "", "0", "", "", "", "") + "\r\n";
        assertThat(careManager.postBytes("/api/care-plans/files/UPSIKYU", "text/csv", table7.getBytes(MS932)).json()
                .get("rejections")).isEmpty();

        // the 訪問介護 office in charge sends its 実績; not for services of another office
        ApiClient helper = newSignedInOffice();
        String helperNo = helper.get("/api/staff/me").json().get("organisation").asString().substring("office:".length());
        String actuals = row("202407", insurer, PERSON, "20261101", "202611", officeNo, "介護 支援子", "394", "", "20261103",
                "", "1000", "1100", "1", "111111", "", "", "", "", helperNo, "デモ訪問介護", "", "0", "", "") + "\r\n";
        assertThat(helper.postBytes("/api/care-plans/files/UPJSK", "text/csv", actuals.getBytes(MS932)).json()
                .get("rejections").get(0).get("field").asString()).as("not yet in charge").isEqualTo("insuredNo");
        registerInCharge(helper, PERSON, "1940-05-06", "11", RECENT_START);
        assertThat(helper.postBytes("/api/care-plans/files/UPJSK", "text/csv", actuals.getBytes(MS932)).json()
                .get("rejections")).isEmpty();
        assertThat(careManager.postBytes("/api/care-plans/files/UPJSK", "text/csv", actuals.getBytes(MS932)).json()
                .get("rejections").get(0).get("field").asString()).as("another office's services").isEqualTo("providerNo");

        JsonNode records = careManager.get(records()).json().get("records");
        assertThat(records).hasSize(3);
        assertThat(records.get(0).get("recordType").asString()).isEqualTo("care-plan-table6");
        assertThat(records.get(1).get("recordType").asString()).isEqualTo("care-plan-table6-actual");
        assertThat(records.get(1).get("officeNo").asString()).isEqualTo(helperNo);
        assertThat(records.get(0).get("targetMonth").asString()).isEqualTo("2026-11");
        assertThat(records.get(0).get("rows")).hasSize(2);
        assertThat(records.get(0).get("rows").get(1).get("startsAt").asString()).isEqualTo("1400");
        assertThat(records.get(2).get("rows").get(0).get("unitPrice").asString()).isEqualTo("11.40");
    }

    /** The agreement obtained on paper, then 交付. */
    private void agreeAndIssue(String planId) {
        assertThat(careManager.post("/api/care-plans/" + planId + "/agreement", "").json().get("status").asString())
                .isEqualTo("agreed");
        assertThat(careManager.post("/api/care-plans/" + planId + "/issue", "").json().get("status").asString())
                .isEqualTo("issued");
    }

    /** One 第6表 line: this office plans 訪問介護 by itself for the person in November 2026. */
    private String table6Row(String day, String from, String to, String serviceCode) {
        return row("202407", insurer, PERSON, "20261101", "202611", officeNo, "介護 支援子", "394", "", day, "", from, to,
                "1", serviceCode, "", "", "", "", officeNo, "デモ訪問介護", "", "0", "", "");
    }

    private static String row(String... cells) {
        return String.join(",", cells);
    }
}
