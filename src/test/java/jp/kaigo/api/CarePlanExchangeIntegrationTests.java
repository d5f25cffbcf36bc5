package jp.kaigo.api;

import static jp.kaigo.api.MunicipalityFiles.INSURED_HEADER;
import static jp.kaigo.api.MunicipalityFiles.insuredRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import jp.kaigo.identity.SimulatedCard;
import jp.kaigo.ingest.CsvLines;
import jp.kaigo.identity.SimulatedJlis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Care plans exchanged (issue 17 §3, docs/design/care-documents.md §7): the care manager shows the 原案 to the person,
 * who agrees (or not) in their own view; 交付 sends the plan to the person and to every office its 第2表 or 第6表
 * names, which downloads it as the ケアプランデータ連携 files its software reads; the 実績 flows back; delete files.
 */
class CarePlanExchangeIntegrationTests extends MunicipalityApiTests {
    private static final String PERSON = "0000000001";
    private static final String OTHER = "0000000002";
    private static final Charset MS932 = Charset.forName("windows-31j");
    @Autowired
    SimulatedJlis jlis;
    @Autowired
    JdbcClient sql;
    ApiClient careManager;
    ApiClient helper;
    String helperNo;

    @BeforeEach
    void setUp() {
        api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, PERSON, 1, "2020-04-01", null, "1940-05-06", null) + "\n"
                + insuredRow(insurer, OTHER, 1, "2020-04-01", null, "1941-01-02", null) + "\n");
        careManager = staffOf(office, "care.manager", "CARE_MANAGER");
        registerInCharge(careManager, PERSON, "1940-05-06", "43", RECENT_START);
        registerInCharge(careManager, OTHER, "1941-01-02", "43", RECENT_START);
        ApiClient helperAdmin = newSignedInOffice();
        helperNo = helperAdmin.get("/api/staff/me").json().get("organisation").asString().substring("office:".length());
        helper = staffOf(helperAdmin, "home.helper", "HOME_HELPER");
        registerInCharge(helper, PERSON, "1940-05-06", "11", RECENT_START);
        assertThat(clerk().post("/api/municipalities/" + insurer + "/insured/" + PERSON + "/blanket-consent",
                "{\"occasion\":\"認定申請\"}").status()).isEqualTo(201);
    }

    /** The care manager's software sends the plan: 第1表, 第2表 (the 訪問介護 office named), 第3表, 第6表 of November. */
    private String sendPlan() {
        JsonNode report = careManager.postBytes("/api/care-plans/files/UP1KYO", "text/csv", csv(table1())).json();
        assertThat(report.get("rejections")).isEmpty();
        assertThat(careManager.postBytes("/api/care-plans/files/UP2KYO", "text/csv", csv(table2())).json()
                .get("rejections")).isEmpty();
        assertThat(careManager.postBytes("/api/care-plans/files/UP3KYO", "text/csv", csv(table3())).json()
                .get("rejections")).isEmpty();
        assertThat(careManager.postBytes("/api/care-plans/files/UPPLAN", "text/csv", csv(table6())).json()
                .get("rejections")).isEmpty();
        return report.get("planIds").get(0).asString();
    }

    private List<String> table1() {
        return List.of(row("202407", insurer, PERSON, "20261004", "", "", "", "\"介護 支援子\"", "\"デモ居宅\"", "", "", "", officeNo,
                "20261005", "20261001", "11", "2", "20260901", "20261001", "20270930", "23",
                "\"本人は「自宅で暮らしたい」、\r\n家族は入浴が心配\"", "", "\"在宅生活を継続する\"", "1", "", officeNo, ""));
    }

    private List<String> table2() {
        return List.of(row("202407", insurer, PERSON, "20261004", "20261005", "1", "\"入浴が一人では難しい\"", "1",
                "\"週2回入浴できる\"", "\"見守りで入浴できる\"", "\"6か月\"", "\"3か月\"", "1", "\"入浴介助\"", "Y", "\"訪問介護\"",
                helperNo, "\"デモ訪問介護\"", "\"週2回\"", "\"3か月\"", officeNo, ""));
    }

    private List<String> table3() {
        return List.of(row("202407", insurer, PERSON, "20261004", "20261005", "\"訪問介護(入浴)\"", "2", "1000", "1100", "",
                "", "", ""));
    }

    private List<String> table6() {
        return List.of(row("202407", insurer, PERSON, "20261101", "202611", officeNo, "\"介護 支援子\"", "394", "",
                "20261103", "", "1000", "1100", "1", "111111", "", "", "", "", helperNo, "\"デモ訪問介護\"", "", "0",
                officeNo, ""));
    }

    @Test
    void theCareManagerIssuesAPlanThePersonAgreedToAndTheServiceOfficeDownloadsTheStandardFiles() throws Exception {
        String planId = sendPlan();
        ApiClient person = personSignedIn();
        assertThat(myPlans(person)).as("a draft is the office's own").isEmpty();
        assertThat(careManager.post("/api/care-plans/" + planId + "/propose", "").json().get("status").asString())
                .isEqualTo("proposed");

        JsonNode proposal = myPlans(person).get(0);
        assertThat(proposal.get("recordType").asString()).isEqualTo("care-plan-proposal");
        assertThat(proposal.get("policy").asString()).isEqualTo("在宅生活を継続する");
        assertThat(helper.get(records()).json().get("records")).as("another office in charge sees no 原案")
                .noneMatch(r -> r.get("recordType").asString().equals("care-plan-proposal"));
        assertThat(clerk().get(records()).json().get("records")).as("nor does the municipality")
                .noneMatch(r -> r.get("recordType").asString().equals("care-plan-proposal"));
        assertThat(notices(PERSON, "plan-proposed")).isEqualTo(1);

        assertThat(person.post("/api/person/care-plans/" + planId + "/answer", "{\"agree\":true}").json()
                .get("status").asString()).isEqualTo("agreed");
        assertThat(careManager.post("/api/care-plans/" + planId + "/issue", "").json().get("status").asString())
                .isEqualTo("issued");
        JsonNode issued = myPlans(person).get(0);
        assertThat(issued.get("recordType").asString()).isEqualTo("care-plan");
        assertThat(issued.get("agreementName").asString()).isEqualTo("本人の画面で同意");
        assertThat(notices(PERSON, "plan-issued")).isEqualTo(1);

        JsonNode received = helper.get("/api/care-plans/received").json();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).get("kind").asString()).isEqualTo("plan");
        assertThat(received.get(0).get("insuredNo").asString()).isEqualTo(PERSON);
        assertThat(received.get(0).get("planDate").asString()).isEqualTo("2026-10-05");
        ApiClient.Download zip = helper.download("/api/care-plans/received/"
                + received.get(0).get("deliveryId").asString() + "/files");
        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.contentType()).isEqualTo("application/zip");
        Map<String, String> files = unzip(zip.body());
        String tail = officeNo + "_43_" + helperNo + "_11_";
        assertThat(files.keySet()).allMatch(name -> name.matches("(UP1KYO|UP2KYO|UP3KYO|UPPLAN_202611)_" + tail
                + "[0-9]{14}\\.CSV"), "the standard's names").hasSize(4);
        // the files the care manager sent, written back: the same records (the columns the platform keeps; 介護支援事業者名
        // comes from the office master), free text in quotes as the standard writes it
        List<String> sentTable1 = new ArrayList<>(cells(table1()).get(0));
        List<String> backTable1 = cells(file(files, "UP1KYO")).get(0);
        sentTable1.set(8, backTable1.get(8));
        assertThat(backTable1).isEqualTo(sentTable1);
        assertThat(cells(file(files, "UP2KYO"))).isEqualTo(cells(table2()));
        assertThat(cells(file(files, "UP3KYO"))).isEqualTo(cells(table3()));
        assertThat(cells(file(files, "UPPLAN_202611"))).isEqualTo(cells(table6()));
        assertThat(file(files, "UP2KYO")).contains(",\"入浴が一人では難しい\",1,").endsWith("," + officeNo + ",\r\n");
        assertThat(helper.get("/api/care-plans/received").json().get(0).get("downloadedAt").isNull()).isFalse();
    }

    @Test
    void aPlanThePersonDeclinedIsNotIssuedAndTheOfficeCannotRecordAnAgreementOverIt() throws Exception {
        String planId = sendPlan();
        ApiClient person = personSignedIn();
        assertThat(person.post("/api/person/care-plans/" + planId + "/answer", "{\"agree\":true}").json()
                .get("errors").get(0).get("reason").asString()).as("not shown yet").contains("原案として示されていません");
        careManager.post("/api/care-plans/" + planId + "/propose", "");
        assertThat(person.post("/api/person/care-plans/" + planId + "/answer",
                "{\"agree\":false,\"note\":\"入浴は週3回にしてほしい\"}").json().get("status").asString()).isEqualTo("declined");
        assertThat(careManager.post("/api/care-plans/" + planId + "/issue", "").json().get("errors").get(0)
                .get("reason").asString()).contains("本人が同意しないと答えています");
        assertThat(careManager.post("/api/care-plans/" + planId + "/agreement", "").json().get("errors").get(0)
                .get("reason").asString()).contains("本人が同意しないと答えています");
        assertThat(helper.get("/api/care-plans/received").json()).as("nothing delivered").isEmpty();
        assertThat(myPlans(person).get(0).get("declinedNote").asString()).isEqualTo("入浴は週3回にしてほしい");

        // the care manager changes the plan: a draft again, shown again, agreed this time
        assertThat(careManager.postBytes("/api/care-plans/files/UP2KYO", "text/csv",
                csv(List.of(table2().get(0).replace("週2回\"", "週3回\"")))).json().get("rejections")).isEmpty();
        assertThat(myPlans(person)).as("changed words are the office's draft again").isEmpty();
        careManager.post("/api/care-plans/" + planId + "/propose", "");
        person.post("/api/person/care-plans/" + planId + "/answer", "{\"agree\":true}");
        assertThat(careManager.post("/api/care-plans/" + planId + "/issue", "").json().get("status").asString())
                .isEqualTo("issued");
    }

    @Test
    void onlyTheOfficesTheDeliveryIsForAndInChargeDownloadIt() throws Exception {
        String planId = sendPlan();
        careManager.post("/api/care-plans/" + planId + "/agreement", "");
        careManager.post("/api/care-plans/" + planId + "/issue", "");
        String deliveryId = helper.get("/api/care-plans/received").json().get(0).get("deliveryId").asString();

        ApiClient stranger = newSignedInOffice();
        assertThat(stranger.download("/api/care-plans/received/" + deliveryId + "/files").status())
                .as("another office's delivery").isEqualTo(404);
        assertThat(stranger.get("/api/care-plans/received").json()).isEmpty();

        // the person withdraws the consent: the office still named in the plan can no longer open it
        ApiClient person = personSignedIn();
        assertThat(person.post("/api/person/consents", "{\"decision\":\"refuse\"}").status()).isBetween(200, 201);
        ApiClient.Download refused = helper.download("/api/care-plans/received/" + deliveryId + "/files");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(PERSON);
        JsonNode listed = helper.get("/api/care-plans/received").json().get(0);
        assertThat(listed.has("insuredNo")).as("the list names no one access refuses").isFalse();
        assertThat(listed.get("refused").asString()).isEqualTo("REFUSED");
    }

    @Test
    void theActualServicesFlowBackToTheCareManager() throws IOException {
        String actual = row("202407", insurer, PERSON, "20261101", "202611", officeNo, "\"介護 支援子\"", "394", "",
                "20261103", "", "1005", "1100", "1", "111111", "", "", "", "", helperNo, "\"デモ訪問介護\"", "", "0", helperNo, "");
        assertThat(helper.postBytes("/api/care-plans/files/UPJSK", "text/csv", csv(List.of(actual))).json()
                .get("rejections")).isEmpty();
        JsonNode received = careManager.get("/api/care-plans/received").json();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).get("kind").asString()).isEqualTo("actual");
        assertThat(received.get(0).get("targetMonth").asString()).isEqualTo("2026-11");
        Map<String, String> files = unzip(careManager.download("/api/care-plans/received/"
                + received.get(0).get("deliveryId").asString() + "/files").body());
        assertThat(files.keySet()).singleElement().asString()
                .matches("UPJSK_202611_" + helperNo + "_11_" + officeNo + "_43_[0-9]{14}\\.CSV");
        assertThat(cells(files.values().iterator().next())).isEqualTo(cells(List.of(actual)));

        // a 実績 file of another サービス種類 of the same office and month keeps the first (one file per 種類)
        String nursing = actual.replace(",111111,", ",131111,").replace(",1005,1100,", ",1400,1430,");
        assertThat(helper.postBytes("/api/care-plans/files/UPJSK", "text/csv", csv(List.of(nursing))).json()
                .get("rejections")).isEmpty();
        Map<String, String> both = unzip(careManager.download("/api/care-plans/received/"
                + received.get(0).get("deliveryId").asString() + "/files").body());
        assertThat(cells(both.values().iterator().next())).hasSize(2);

        // DLTJSK: the 訪問介護 office takes its 実績 of November back
        String delete = row("202407", insurer, PERSON, "202611", helperNo, "11") + "\r\n";
        assertThat(careManager.postBytes("/api/care-plans/files/DLTJSK", "text/csv", delete.getBytes(MS932)).json()
                .get("rejections").get(0).get("field").asString()).as("not its services").isEqualTo("providerNo");
        assertThat(helper.postBytes("/api/care-plans/files/DLTJSK", "text/csv", delete.getBytes(MS932)).json()
                .get("rejections")).isEmpty();
        JsonNode left = careManager.get("/api/care-plans/received").json();
        assertThat(left.get(0).has("downloadedAt")).as("the care manager is told the 実績 changed").isFalse();
        assertThat(cells(unzip(careManager.download("/api/care-plans/received/" + left.get(0).get("deliveryId")
                .asString() + "/files").body()).values().iterator().next())).as("the 訪問看護 kept").hasSize(1);
        assertThat(helper.postBytes("/api/care-plans/files/DLTJSK", "text/csv", delete.getBytes(MS932)).json()
                .get("rejections").get(0).get("reason").asString()).contains("実績はありません");
        assertThat(helper.postBytes("/api/care-plans/files/DLTJSK", "text/csv", delete.replace(",11\r\n", ",13\r\n")
                .getBytes(MS932)).json().get("rejections")).isEmpty();
        assertThat(careManager.get("/api/care-plans/received").json()).as("nothing of the month left").isEmpty();
    }

    @Test
    void deleteFilesTakeBackWhatIsNotIssued() {
        String planId = sendPlan();
        String deletePlan = row("202407", insurer, PERSON, "20261005") + "\r\n";
        String deleteMonth = row("202407", insurer, PERSON, "202611") + "\r\n";
        careManager.post("/api/care-plans/" + planId + "/agreement", "");
        careManager.post("/api/care-plans/" + planId + "/issue", "");
        assertThat(careManager.postBytes("/api/care-plans/files/DLT1KYO", "text/csv", deletePlan.getBytes(MS932)).json()
                .get("rejections").get(0).get("reason").asString()).as("an issued plan stays").contains("交付済み");

        careManager.postBytes("/api/care-plans/files/UP1KYO", "text/csv", csv(List.of(table1().get(0)
                .replace(",20261005,20261001,", ",20261201,20261001,"))));
        JsonNode deleted = careManager.postBytes("/api/care-plans/files/DLT1KYO", "text/csv",
                (row("202407", insurer, PERSON, "20261201") + "\r\n").getBytes(MS932)).json();
        assertThat(deleted.get("rejections")).isEmpty();
        assertThat(deleted.get("planIds")).hasSize(1);
        assertThat(sql.sql("select count(*) from careplan.plans where insurer_no = ? and insured_no = ?")
                .params(insurer, PERSON).query(Long.class).single()).isEqualTo(1);

        assertThat(careManager.postBytes("/api/care-plans/files/DLTPLAN", "text/csv", deleteMonth.getBytes(MS932)).json()
                .get("planIds")).hasSize(1);
        assertThat(clerk().get(records()).json().get("records"))
                .noneMatch(r -> r.get("recordType").asString().equals("care-plan-table6"));
    }

    @Test
    void planRowsWhoseNumbersAreNotThePlansPersonAreRefused() {
        String planId = sendPlan();
        // a 第2表 row with the 作成(変更)日 of PERSON's plan but OTHER's numbers: OTHER has no such plan; nothing changes
        JsonNode report = careManager.postBytes("/api/care-plans/files/UP2KYO", "text/csv", csv(List.of(
                table2().get(0).replace("," + PERSON + ",", "," + OTHER + ",").replace("入浴介助", "別の人の援助")))).json();
        assertThat(report.get("rejections").get(0).get("line").asLong()).isEqualTo(1);
        assertThat(report.get("rejections").get(0).get("field").asString()).isEqualTo("planDate");
        assertThat(report.get("planIds")).isEmpty();
        assertThat(sql.sql("select content from careplan.plan_items where plan_id = ?::uuid").param(planId)
                .query(String.class).list()).containsExactly("入浴介助");
    }

    private JsonNode myPlans(ApiClient person) {
        List<JsonNode> plans = new ArrayList<>();
        person.get("/api/person/records/care-plan").json().get("records").forEach(r -> {
            if (r.get("recordType").asString().startsWith("care-plan") && r.has("planDate")) {
                plans.add(r);
            }
        });
        return tools.jackson.databind.json.JsonMapper.builder().build().valueToTree(plans);
    }

    private String records() {
        return "/api/records/" + insurer + "/" + PERSON + "/care-plan";
    }

    private ApiClient personSignedIn() {
        SimulatedCard card = jlis.issueCard();
        assertThat(atCounter(card, PERSON, null).status()).isEqualTo(201);
        return PersonCards.signedIn(ApiClient.anonymous(pki, port), card);
    }

    /** The person's notices of the kind, once the listeners (after the commit, asynchronous) have made them. */
    private long notices(String insuredNo, String kind) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> sql.sql("""
                select count(*) from public.event_publication where completion_date is null
                   and event_type in ('jp.kaigo.shared.CarePlanProposed', 'jp.kaigo.shared.CarePlanIssued')
                """).query(Integer.class).single() == 0);
        return sql.sql("select count(*) from notification.notices where insurer_no = ? and insured_no = ? and kind = ?")
                .params(insurer, insuredNo, kind).query(Long.class).single();
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), MS932));
            }
        }
        return files;
    }

    private static String file(Map<String, String> files, String prefix) {
        return files.entrySet().stream().filter(e -> e.getKey().startsWith(prefix + "_")).findFirst().orElseThrow()
                .getValue();
    }

    private static List<List<String>> cells(List<String> rows) {
        return cells(new String(csv(rows), MS932));
    }

    private static List<List<String>> cells(String file) {
        return CsvLines.read(new ByteArrayInputStream(file.getBytes(MS932)), MS932).stream().map(CsvLines.Line::cells)
                .toList();
    }

    private static byte[] csv(List<String> rows) {
        return (String.join("\r\n", rows) + "\r\n").getBytes(MS932);
    }

    private static String row(String... cells) {
        return String.join(",", cells);
    }
}
