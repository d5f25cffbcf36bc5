package jp.kaigo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kaigo.access.AccessReason;
import jp.kaigo.access.Actor;
import jp.kaigo.exchange.ChangeResult;
import jp.kaigo.exchange.DocumentRef;
import jp.kaigo.exchange.SendResult;
import jp.kaigo.filing.DocumentRouting;
import jp.kaigo.filing.Outgoing;
import jp.kaigo.filing.Routed;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.identity.Totp;
import jp.kaigo.ingest.FileFormat;
import jp.kaigo.ingest.FileImports;
import jp.kaigo.ingest.ImportMode;
import jp.kaigo.ingest.ImportRequest;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.relationship.OfficesInCharge;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.Qualification;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The municipality's 認定案件 pages over HTTP (design §8.3 steps 3, 4, 8, 10): the 市町村職員 finds the open case in
 * the list, opens it and takes each next step with its form — 認定調査を依頼, 意見書作成依頼 (prefilled with the
 * application's 主治医), 一次判定 (also as the 一次判定ソフト's CSV) and 二次判定 — each bad input answered beside its
 * field with nothing changed, each good one moving the case's 進捗; the municipality's 事務 account is shown the
 * OFFICER_ONLY denial, another municipality's officer finds no such case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CasePagesIntegrationTests {
    private static final AtomicInteger NEXT = new AtomicInteger(700);
    private static final String BIRTH = "1938-02-03";
    private static final String HEADER =
            "保険者番号,被保険者番号,履歴番号,有効開始日,有効終了日,氏名,氏名カナ,生年月日,性別,住所,被保険者区分,資格取得日,資格取得事由,資格喪失日,資格喪失事由";
    private static final String LIST = "/portal/municipality/cases";

    @LocalServerPort
    int port;
    @Autowired
    PlatformPki pki;
    @Autowired
    StaffAccounts staff;
    @Autowired
    InsuredRegistry registry;
    @Autowired
    FileImports imports;
    @Autowired
    OfficesInCharge offices;
    @Autowired
    DocumentRouting routing;
    @Autowired
    JdbcClient sql;

    int n;
    String insurer;
    String insuredNo;
    String clinic;
    DocumentRef application;
    UUID caseId;
    String page;
    StaffSession admin;
    PortalTerminal officer;

    /** A municipality (its first administrator a 事務), its 市町村職員 signed in, and the open case of its insured. */
    @BeforeEach
    void openCase() {
        n = NEXT.getAndIncrement();
        insurer = InsurerNumber.withCheckDigit("45" + n).value();
        insuredNo = "00000" + n + "01";
        clinic = MedicalInstitutionCode.withCheckDigit("4510" + String.format("%05d", n)).value();
        registry.registerInsurer(new InsurerNumber(insurer), "テスト町" + n);
        var report = imports.importFile(new ImportRequest(insurer, "insured", ImportMode.FULL, FileFormat.CSV, "UTF-8",
                "insured.csv", imports.columnsMissingFrom("insured", List.of(HEADER.split(",")))),
                new ByteArrayInputStream((HEADER + "\n" + String.join(",", insurer, insuredNo, "1", "2026-04-01", "",
                        "介護 花子", "カイゴ ハナコ", BIRTH, "2", "沖縄県テスト町1番地", "1", "2005-04-01", "01", "", "")
                        + "\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(report.rejectedRows()).isZero();
        Party municipality = Party.municipality(insurer);
        var first = staff.registerFirstAdmin(municipality, "admin" + n, Browser.STAFF_PASSWORD, JobType.CLERK);
        admin = staff.authenticate(municipality, staff.signIn(municipality, "admin" + n, Browser.STAFF_PASSWORD,
                Totp.code(Base32.decode(first.totpSecret()), Totp.step(Instant.now()))).accessToken()).orElseThrow();
        officer = member("officer" + n, JobType.MUNICIPAL_OFFICER);

        application = sentByOffice();
        Actor clerk = Actor.staff(municipality, UUID.randomUUID(), JobType.MUNICIPAL_OFFICER, Set.of());
        routing.open(clerk, application);
        assertThat(routing.accept(clerk, application)).isInstanceOf(Routed.Done.class)
                .extracting(r -> ((Routed.Done<ChangeResult>) r).result()).isInstanceOf(ChangeResult.Changed.class);
        caseId = sql.sql("select case_id from certification.cases where insurer_no = :i and insured_no = :p")
                .param("i", insurer).param("p", insuredNo).query(UUID.class).single();
        page = LIST + "/" + caseId;
    }

    @Test
    void theOfficerFindsTheOpenCaseInTheListAndOpensItsPage() {
        HttpResponse<String> list = officer.get(LIST);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("<h1>認定案件</h1>", insuredNo, "新規申請", Inputs.today().toString(), "申請受付",
                "受付中", "href=\"" + page + "\"", "id=\"csv-form\"")
                .as("linked from the municipality's navigation").contains("href=\"/portal/municipality/cases\"");

        HttpResponse<String> opened = officer.get(page);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains("<dd id=\"progress\">申請受付</dd>", "<dd id=\"case-status\">受付中</dd>",
                "href=\"/portal/municipality/documents/" + application.documentId() + "\"")
                .contains("認定調査を依頼する", "意見書作成を依頼する", "一次判定を登録する", "二次判定を記録する")
                .as("the 意見書 request prefilled with the application's 主治医")
                .containsPattern("id=\"institutionCode\" name=\"institutionCode\" value=\"" + clinic + "\"")
                .containsPattern("id=\"doctorName\" name=\"doctorName\" value=\"医師 一郎\"")
                .as("the 一次判定 form's fields by their keys").contains("id=\"standardMinutes\"", "id=\"score5\"",
                        "id=\"certValidTo\"", "id=\"staffLoginId\"", "id=\"officeNo\"");
        assertThat(audited("certification.cases")).as("the list shows the person: audited")
                .containsExactly("permit:OWN_INSURED");
        assertThat(audited("certification.read")).containsExactly("permit:OWN_INSURED");
    }

    @Test
    void theSurveyFormAnswersBesideTheFieldChangesNothingAndThenAssigns() {
        assertThat(errorOf(post("survey", Map.of("staffLoginId", "", "officeNo", "")), "staffLoginId"))
                .contains("どちらか一方");
        assertThat(errorOf(post("survey", Map.of("staffLoginId", "nobody" + n)), "staffLoginId"))
                .contains("この市町村の有効な職員IDではありません");
        assertThat(errorOf(post("survey", Map.of("officeNo", "12345")), "officeNo")).isNotBlank();
        HttpResponse<String> late = post("survey", Map.of("staffLoginId", "officer" + n, "dueOn",
                Inputs.today().minusDays(1).toString()));
        String lateBody = officer.get(location(late)).body();
        assertThat(errorIn(lateBody, "dueOn")).contains("今日以降の日付");
        assertThat(lateBody).as("the values typed stay").contains("value=\"officer" + n + "\"");
        assertThat(assignments()).isZero();
        assertThat(progress()).isEqualTo("1");

        HttpResponse<String> done = post("survey", Map.of("staffLoginId", "officer" + n, "requestKind", "0", "dueOn",
                Inputs.today().plusDays(14).toString()));
        assertThat(location(done)).isEqualTo(page + "?surveyAssigned");
        assertThat(officer.get(location(done)).body()).contains("認定調査を依頼しました。",
                "<dd id=\"progress\">認定調査</dd>", "自市町村の調査員", "依頼中");
        assertThat(assignments()).isEqualTo(1);
        assertThat(progress()).isEqualTo("2");
    }

    @Test
    void theOpinionRequestIsRefusedBesideAWrongCodeAndOtherwiseGoesToTheApplicationsDoctor() {
        Map<String, String> request = new LinkedHashMap<>(Map.of("institutionCode", "12345", "doctorName", "医師 一郎",
                "requestKind", "1", "doctorKind", "1", "formToken", "0123456789abcdef0123456789abcdef"));
        assertThat(errorOf(post("opinion-request", request), "institutionCode")).contains("数字10桁");
        request.put("institutionCode", clinic);
        request.put("doctorKind", "9");
        assertThat(errorOf(post("opinion-request", request), "doctorKind")).isNotBlank();
        assertThat(opinionRequests()).isZero();

        request.put("doctorKind", "1");
        HttpResponse<String> done = post("opinion-request", request);
        assertThat(location(done)).isEqualTo(page + "?opinionRequested");
        assertThat(officer.get(location(done)).body()).contains("意見書作成を依頼しました。",
                "<dd id=\"opinion-requested-on\">" + Inputs.today() + "</dd>", "<dd id=\"progress\">申請受付</dd>");
        assertThat(opinionRequests()).isEqualTo(1);
        post("opinion-request", request);
        assertThat(opinionRequests()).as("the same form sent twice is one request").isEqualTo(1);
    }

    @Test
    void theFirstJudgementFormRefusesBesideTheFieldAndRecordsAGoodOneWithItsWarnings() {
        surveyed();
        assertThat(errorOf(post("first-judgement", with(careLevel1(), "standardMinutes", "45.0")), "standardMinutes"))
                .contains("分野別の合計と一致しません");
        assertThat(errorOf(post("first-judgement", with(careLevel1(), "firstJudgement", "")), "firstJudgement"))
                .isNotBlank();
        assertThat(progress()).isEqualTo("1");
        assertThat(firstJudgements()).isZero();

        HttpResponse<String> done = post("first-judgement",
                with(careLevel1(), "minutesMeal", "0.5", "minutesExcretion", "14.5"));
        assertThat(location(done)).isEqualTo(page + "?judgementRecorded");
        String body = officer.get(location(done)).body();
        assertThat(body).contains("一次判定を登録しました。", "<dd id=\"progress\">一次判定</dd>",
                "<dd id=\"first-judgement\">要介護1</dd>")
                .as("J5 warns after success").contains("id=\"warnings\"", "一次判定ソフトの出力範囲(1.1〜71.4分)の外です");
        assertThat(firstJudgements()).isEqualTo(1);
    }

    @Test
    void theCsvOfTheFirstJudgementSoftwareIsAnsweredLineByLine() {
        surveyed();
        Map<String, String> good = careLevel1();
        List<String> keys = new ArrayList<>(good.keySet());
        keys.add(0, "caseId");
        String csv = String.join(",", keys) + "\n" + row(keys, with(good, "standardMinutes", "45.0")) + "\n"
                + row(keys, good) + "\n";
        HttpResponse<String> sent = officer.upload(LIST, LIST + "/first-judgements", Map.of("charset", "UTF-8"), "file",
                "ichiji.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        String body = officer.get(location(sent)).body();
        assertThat(body).contains("取り込みました(登録 1 件、エラー 1 件)。", "id=\"line-2\"", "id=\"line-3\"",
                "要介護認定等基準時間", "分野別の合計と一致しません");
        assertThat(progress()).isEqualTo("4");
    }

    @Test
    void theResultFormRefusesBesideTheFieldAndRecordsTheCertification() {
        atFirstJudgement();
        LocalDate today = Inputs.today();
        Map<String, String> result = new LinkedHashMap<>();
        result.put("boardOn", today.toString());
        result.put("result", "23");
        result.put("certifiedOn", today.toString());
        result.put("certValidFrom", today.toString());
        result.put("certValidTo", YearMonth.from(today).plusMonths(6).atEndOfMonth().toString());
        assertThat(errorOf(post("result", result), "changeReason")).contains("一次判定と異なるときは必須です");
        result.put("result", "22");
        result.put("certValidTo", YearMonth.from(today).plusMonths(6).atDay(10).toString());
        assertThat(errorOf(post("result", result), "certValidTo")).contains("月の末日");
        assertThat(progress()).isEqualTo("4");
        assertThat(caseStatus()).isEqualTo("open");

        result.put("certValidTo", YearMonth.from(today).plusMonths(6).atEndOfMonth().toString());
        result.put("boardOpinion", "特になし");
        HttpResponse<String> done = post("result", result);
        assertThat(location(done)).isEqualTo(page + "?resultRecorded");
        assertThat(officer.get(location(done)).body()).contains("二次判定を記録しました。",
                "<dd id=\"progress\">認定</dd>", "<dd id=\"case-status\">決定</dd>", "<dd id=\"result\">要介護2</dd>")
                .as("a decided case takes no more steps").doesNotContain("id=\"result-form\"");
        assertThat(caseStatus()).isEqualTo("decided");
        assertThat(officer.get(LIST).body()).as("recently decided cases stay on the list").contains(insuredNo, "決定");
    }

    @Test
    void theMunicipalitysClerkIsShownOfficerOnlyAndChangesNothing() {
        PortalTerminal clerk = member("clerk" + n, JobType.CLERK);
        HttpResponse<String> list = clerk.get(LIST);
        assertThat(list.statusCode()).isEqualTo(403);
        assertThat(list.body()).contains(AccessReason.OFFICER_ONLY.message()).doesNotContain(insuredNo);
        HttpResponse<String> opened = clerk.get(page);
        assertThat(opened.statusCode()).isEqualTo(403);
        assertThat(opened.body()).contains(AccessReason.OFFICER_ONLY.message()).doesNotContain(insuredNo)
                .doesNotContain("id=\"survey-form\"");

        HttpResponse<String> pressed = clerk.form(LIST, page + "/survey", "staffLoginId=officer" + n);
        assertThat(clerk.get(location(pressed)).body()).contains(AccessReason.OFFICER_ONLY.message());
        assertThat(assignments()).isZero();
        assertThat(audited("certification.read")).contains("deny:OFFICER_ONLY");
    }

    @Test
    void anotherMunicipalitysOfficerFindsNoSuchCase() {
        String other = InsurerNumber.withCheckDigit("44" + n).value();
        registry.registerInsurer(new InsurerNumber(other), "よその町" + n);
        var enrolment = staff.registerFirstAdmin(Party.municipality(other), "officer" + n, Browser.STAFF_PASSWORD,
                JobType.MUNICIPAL_OFFICER);
        PortalTerminal stranger = PortalTerminal.signedIn(pki, port, Party.municipality(other), "officer" + n,
                Browser.STAFF_PASSWORD, Base32.decode(enrolment.totpSecret()));
        assertThat(stranger.get(LIST).body()).doesNotContain(insuredNo);
        HttpResponse<String> opened = stranger.get(page);
        assertThat(opened.statusCode()).isEqualTo(404);
        assertThat(opened.body()).doesNotContain(insuredNo);
        stranger.form(LIST, page + "/survey", "staffLoginId=officer" + n);
        stranger.form(LIST, page + "/result", "boardOn=" + Inputs.today() + "&result=22&certifiedOn=" + Inputs.today());
        assertThat(assignments()).isZero();
        assertThat(caseStatus()).isEqualTo("open");
    }

    // ---------------------------------------------------------------- helpers

    /** A staff member of the municipality (created by its administrator), signed in at a terminal of its own. */
    private PortalTerminal member(String loginId, JobType job) {
        var enrolment = staff.createStaff(admin, loginId, Browser.STAFF_PASSWORD, job, List.of());
        return PortalTerminal.signedIn(pki, port, Party.municipality(insurer), loginId, Browser.STAFF_PASSWORD,
                Base32.decode(enrolment.totpSecret()));
    }

    /** The officer presses a form's button on the case page: the answer is a redirect back to it. */
    private HttpResponse<String> post(String step, Map<String, String> values) {
        StringBuilder form = new StringBuilder();
        values.forEach((k, v) -> form.append(form.length() == 0 ? "" : "&").append(k).append('=')
                .append(PortalTerminal.enc(v)));
        HttpResponse<String> answer = officer.form(page, page + "/" + step, form.toString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        return answer;
    }

    /** The error the case page shows beside the field (after the redirect), failing when there is none. */
    private String errorOf(HttpResponse<String> redirect, String field) {
        return errorIn(officer.get(location(redirect)).body(), field);
    }

    private static String errorIn(String body, String field) {
        Matcher m = Pattern.compile("class=\"field invalid\" id=\"field-" + field + "\".*?id=\"error-" + field
                + "\" role=\"alert\">(.*?)</p>", Pattern.DOTALL).matcher(body);
        assertThat(m.find()).as("an error beside " + field + " in " + body).isTrue();
        return m.group(1);
    }

    private static String location(HttpResponse<String> redirect) {
        java.net.URI uri = java.net.URI.create(redirect.headers().firstValue("Location").orElseThrow());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** The office in charge (居宅介護支援) sends a 新規申請 for the person naming the clinic as 主治医. */
    private DocumentRef sentByOffice() {
        String office = OfficeNumber.withCheckDigit("4575" + String.format("%05d", n)).value();
        offices.register(office, offices.confirmationFor(office, insurer, insuredNo, "numbers"), "43",
                Inputs.today().minusDays(20), "CARE_MANAGER", null);
        Actor careManager = Actor.staff(Party.office(office), UUID.randomUUID(), JobType.CARE_MANAGER,
                Set.of(Qualification.CARE_MANAGER));
        Map<String, String> v = new LinkedHashMap<>();
        v.put("applicationType", "1");
        v.put("phone", "098-123-4567");
        v.put("doctorInstitutionCode", clinic);
        v.put("doctorInstitutionName", "テスト内科クリニック");
        v.put("doctorName", "医師 一郎");
        v.put("hospitalised", "1");
        v.put("surveyPlace", "1");
        v.put("surveyContactName", "介護 太郎");
        v.put("surveyContactRelation", "長男");
        v.put("surveyContactPhone", "090-1111-2222");
        v.put("blanketConsent", "1");
        v.put("resultByPaper", "2");
        Routed<SendResult> routed = routing.send(careManager, new Outgoing(DocumentKind.CERTIFICATION_APPLICATION,
                Correspondent.of(Party.municipality(insurer)), new InsurerNumber(insurer), new InsuredNumber(insuredNo),
                v, null, null, null));
        SendResult result = ((Routed.Done<SendResult>) routed).result();
        assertThat(result).as(result.toString()).isInstanceOf(SendResult.Sent.class);
        return ((SendResult.Sent) result).document();
    }

    /** The case's accepted 調査票, inserted as its acceptance stores it (as FirstJudgementImportTests does). */
    private void surveyed() {
        sql.sql("insert into certification.care_survey_records (insurer_no, insured_no, history_no, revision,"
                + " valid_from, surveyed_on, dementia_independence, import_id, source, case_id)"
                + " values (:i, :p, 1, 1, :today, :today, '2', :import, 'online', :c)")
                .param("i", insurer).param("p", insuredNo).param("today", Inputs.today())
                .param("import", UUID.randomUUID()).param("c", caseId).update();
    }

    /** The case at 一次判定 (要介護2), directly in SQL, as ExchangeApiTests.atFirstJudgement does. */
    private void atFirstJudgement() {
        sql.sql("""
                update certification.certification_records set progress = '4', first_judgement = '22',
                       first_judged_on = current_date, standard_minutes = '52.3'
                 where insurer_no = :i and case_id = :c and current
                """).param("i", insurer).param("c", caseId).update();
    }

    /** 要介護1 at 40.0 minutes (the areas add up), no addition, 不安定 (FirstJudgementImportTests' sample). */
    private static Map<String, String> careLevel1() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("softwareInterface", "09B");
        v.put("firstJudgedOn", Inputs.today().toString());
        v.put("firstJudgement", "21");
        v.put("dementiaAddition", "1");
        v.put("standardMinutes", "40.0");
        v.put("minutesMeal", "10.0");
        v.put("minutesExcretion", "5.0");
        v.put("minutesMovement", "4.0");
        v.put("minutesHygiene", "6.0");
        v.put("minutesIndirect", "3.0");
        v.put("minutesBpsd", "6.0");
        v.put("minutesTraining", "2.0");
        v.put("minutesMedical", "4.0");
        v.put("score1", "80.5");
        v.put("score2", "90.0");
        v.put("score3", "70.2");
        v.put("score4", "95.0");
        v.put("score5", "60.0");
        v.put("stability", "2");
        return v;
    }

    private static Map<String, String> with(Map<String, String> values, String... pairs) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        for (int i = 0; i < pairs.length; i += 2) {
            copy.put(pairs[i], pairs[i + 1]);
        }
        return copy;
    }

    private String row(List<String> keys, Map<String, String> values) {
        List<String> cells = new ArrayList<>();
        for (String key : keys) {
            cells.add(key.equals("caseId") ? caseId.toString() : values.getOrDefault(key, ""));
        }
        return String.join(",", cells);
    }

    private String progress() {
        return sql.sql("select progress from certification.certification_records where insurer_no = :i and case_id = :c"
                + " and current").param("i", insurer).param("c", caseId).query(String.class).single();
    }

    private String caseStatus() {
        return sql.sql("select status from certification.cases where insurer_no = :i and case_id = :c")
                .param("i", insurer).param("c", caseId).query(String.class).single();
    }

    private int assignments() {
        return sql.sql("select count(*) from certification.survey_assignments where insurer_no = :i")
                .param("i", insurer).query(Integer.class).single();
    }

    private int opinionRequests() {
        return sql.sql("select count(*) from exchange.documents where insurer_no = :i and kind = 'opinion-request'")
                .param("i", insurer).query(Integer.class).single();
    }

    private int firstJudgements() {
        return sql.sql("select count(*) from certification.first_judgements where insurer_no = :i")
                .param("i", insurer).query(Integer.class).single();
    }

    /** The person's audit outcomes of an action, oldest first. */
    private List<String> audited(String action) {
        return sql.sql("""
                select outcome from audit.entries
                 where person_insurer = :insurer and person_insured = :insured and purpose = :action order by seq
                """).param("insurer", insurer).param("insured", insuredNo).param("action", action)
                .query(String.class).list();
    }
}
