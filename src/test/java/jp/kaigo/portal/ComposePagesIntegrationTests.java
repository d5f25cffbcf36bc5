package jp.kaigo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
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
import jp.kaigo.filing.CertificationDesk;
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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The layout-driven document forms over HTTP (design §8.3 steps 5 and 7): the municipality's own surveyor finds the
 * survey assigned to them in 認定調査 (another officer does not), writes the 認定調査票 (an empty item comes back beside
 * that item, nothing stored) and sends it, and the clerk accepts it; the doctor of the institution asked writes the
 * 主治医意見書 from the 意見書作成依頼's page, while a doctor of another institution and a nurse are shown the denial.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComposePagesIntegrationTests {
    private static final AtomicInteger NEXT = new AtomicInteger(800);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HEADER =
            "保険者番号,被保険者番号,履歴番号,有効開始日,有効終了日,氏名,氏名カナ,生年月日,性別,住所,被保険者区分,資格取得日,資格取得事由,資格喪失日,資格喪失事由";
    private static final Pattern DOCUMENT = Pattern.compile("/portal/(municipality|office)/documents/([0-9a-f-]{36})\\?sent$");

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
    CertificationDesk desk;
    @Autowired
    JdbcClient sql;

    int n;
    String insurer;
    String insuredNo;
    LocalDate today;
    /** A clerk of the municipality as the routing sees one (the application's acceptance, the opinion request). */
    Actor clerk;

    @BeforeEach
    void municipalityWithOnePerson() {
        n = NEXT.getAndIncrement();
        insurer = InsurerNumber.withCheckDigit("39" + n).value();
        insuredNo = "00000" + n + "01";
        today = Inputs.today();
        registry.registerInsurer(new InsurerNumber(insurer), "テスト村" + n);
        var report = imports.importFile(new ImportRequest(insurer, "insured", ImportMode.FULL, FileFormat.CSV, "UTF-8",
                "insured.csv", imports.columnsMissingFrom("insured", List.of(HEADER.split(",")))),
                new ByteArrayInputStream((HEADER + "\n" + String.join(",", insurer, insuredNo, "1", "2026-04-01", "",
                        "介護 花子", "カイゴ ハナコ", "1938-02-03", "2", "沖縄県テスト村1番地", "1", "2005-04-01", "01", "",
                        "") + "\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(report.rejectedRows()).isZero();
        clerk = Actor.staff(Party.municipality(insurer), UUID.randomUUID(), JobType.MUNICIPAL_OFFICER, Set.of());
    }

    // ---------------------------------------------------------------- 認定調査 by the municipality's own surveyor

    @Test
    void theOwnSurveyorSeesTheirAssignmentAndAnotherOfficerDoesNot() {
        StaffSession admin = admin(Party.municipality(insurer));
        UUID caseId = openCase();
        PortalTerminal surveyor = colleague(admin, "surveyor" + n, JobType.MUNICIPAL_OFFICER);
        PortalTerminal other = colleague(admin, "other" + n, JobType.MUNICIPAL_OFFICER);
        assign(caseId, "surveyor" + n);

        HttpResponse<String> list = surveyor.get("/portal/municipality/surveys");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("<h1>認定調査(調査一覧)</h1>", insuredNo, "初回", today.plusDays(14).toString())
                .contains("href=\"/portal/municipality/surveys/" + caseId + "\"")
                .as("reached from the municipality's menu").contains("href=\"/portal/municipality/surveys\"");
        HttpResponse<String> others = other.get("/portal/municipality/surveys");
        assertThat(others.statusCode()).isEqualTo(200);
        assertThat(others.body()).contains("依頼された認定調査はありません。").doesNotContain(insuredNo);
        HttpResponse<String> notTheirs = other.get("/portal/municipality/surveys/" + caseId);
        assertThat(notTheirs.statusCode()).isEqualTo(404);
        assertThat(notTheirs.body()).doesNotContain("id=\"compose-form\"").doesNotContain(insuredNo);

        HttpResponse<String> form = surveyor.get("/portal/municipality/surveys/" + caseId);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).as("every part of the care-survey layout, in sections, by key")
                .contains("<h1>認定調査票</h1>", "id=\"compose-form\"", "<summary>概況調査</summary>",
                        "<summary>基本調査 第1群 身体機能・起居動作</summary>", "<summary>特記事項</summary>",
                        "<summary>特別な医療(過去14日間に受けた医療)</summary>", "<summary>日常生活自立度</summary>")
                .contains("1-1 麻痺(左上肢)", "5-6 簡単な調理", "6 カテーテル", "id=\"item01-1\"", "id=\"item74-2\"",
                        "name=\"surveyedOn\"", "id=\"surveyedOn\"", "<select id=\"disabilityIndependence\"",
                        "id=\"notes1\"", "必須", insuredNo);
        for (int i = 1; i <= 74; i++) {
            assertThat(form.body()).contains("name=\"item%02d\"".formatted(i));
        }
        assertThat(audited("certification.surveys")).as("each person a list showed is audited")
                .contains("municipality:" + insurer + ":permit:OWN_INSURED");
    }

    @Test
    void aSurveyWithOneItemEmptyShowsTheErrorBesideThatItemAndStoresNothing() {
        StaffSession admin = admin(Party.municipality(insurer));
        UUID caseId = openCase();
        PortalTerminal surveyor = colleague(admin, "surveyor" + n, JobType.MUNICIPAL_OFFICER);
        assign(caseId, "surveyor" + n);
        String page = "/portal/municipality/surveys/" + caseId;
        Map<String, String> values = survey();
        values.remove("item12");
        values.put("item13", "3");

        HttpResponse<String> refused = send(surveyor, page, values);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(beside(refused.body(), "item12")).contains("id=\"error-item12\"", "必須");
        assertThat(refused.body()).as("the rest as typed").contains("value=\"調査 花子\"")
                .containsPattern("id=\"item13-3\" checked")
                .doesNotContain("id=\"error-item13\"").doesNotContain("id=\"error-surveyedOn\"");
        assertThat(documents("care-survey")).as("nothing stored").isZero();
    }

    @Test
    void aCompleteSurveyIsSentAndTheClerkAcceptsIt() {
        StaffSession admin = admin(Party.municipality(insurer));
        UUID caseId = openCase();
        PortalTerminal surveyor = colleague(admin, "surveyor" + n, JobType.MUNICIPAL_OFFICER);
        PortalTerminal officer = colleague(admin, "officer" + n, JobType.MUNICIPAL_OFFICER);
        assign(caseId, "surveyor" + n);
        String page = "/portal/municipality/surveys/" + caseId;
        String token = token(surveyor.get(page).body());

        HttpResponse<String> sent = send(surveyor, page, token, survey());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        String location = location(sent);
        Matcher document = DOCUMENT.matcher(location);
        assertThat(document.find()).as(location).isTrue();
        assertThat(location(send(surveyor, page, token, survey()))).as("the same form twice: one document")
                .isEqualTo(location);
        assertThat(documents("care-survey")).isEqualTo(1);
        assertThat(surveyor.get(location).body()).contains("送信しました。", document.group(2), "認定調査票", "1-1 麻痺(左上肢)");

        String path = location.substring(0, location.indexOf('?'));
        HttpResponse<String> accepted = officer.form(path, path + "/accept", "");
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(officer.get(location(accepted)).body()).contains("受理しました。", "<dd id=\"status\">受理</dd>");
        assertThat(sql.sql("""
                select source || ':' || case_id || ':' || entrustment || ':' || item12 || ':' || surveyor_name
                  from certification.care_survey_records where insurer_no = :i and insured_no = :p and current
                """).param("i", insurer).param("p", insuredNo).query(String.class).list())
                .containsExactly("online:" + caseId + ":1:2:調査 花子");
        assertThat(surveyor.get("/portal/municipality/surveys").body()).as("answered: off the list")
                .contains("依頼された認定調査はありません。");
    }

    // ---------------------------------------------------------------- 主治医意見書 from the request's page

    @Test
    void theDoctorOfTheInstitutionAskedWritesTheOpinionFromTheRequestPage() {
        DocumentRef request = askClinic();
        PortalTerminal doctor = colleague(admin(Party.medicalInstitution(clinic(0))), "doctor" + n, JobType.DOCTOR);
        String requestPage = "/portal/office/documents/" + request.documentId();
        assertThat(doctor.get(requestPage).body()).contains("id=\"compose-opinion\"",
                "href=\"" + requestPage + "/opinion\"", "意見書を作成する");

        HttpResponse<String> form = doctor.get(requestPage + "/opinion");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<h1>主治医意見書</h1>", "<summary>基本情報</summary>",
                "<summary>1. 傷病に関する意見</summary>", "<summary>4. 生活機能とサービスに関する意見</summary>",
                "<details", "name=\"opinion113\"", "id=\"note23\"", "初回依頼")
                .as("what the request names, filled in").contains("value=\"医師 一郎\"", "value=\"" + clinic(0) + "\"");

        HttpResponse<String> refused = send(doctor, requestPage + "/opinion",
                with(opinion(), "opinion037", "1", "opinion041", "1"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(beside(refused.body(), "opinion036")).contains("id=\"error-opinion036\"");
        assertThat(documents("doctor-opinion")).as("nothing stored").isZero();

        HttpResponse<String> sent = send(doctor, requestPage + "/opinion", opinion());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        Matcher document = DOCUMENT.matcher(location(sent));
        assertThat(document.find()).as(location(sent)).isTrue();
        assertThat(sql.sql("select kind || ':' || in_reply_to from exchange.documents where document_id = :id")
                .param("id", UUID.fromString(document.group(2))).query(String.class).single())
                .isEqualTo("doctor-opinion:" + request.documentId());
        assertThat(doctor.get(location(sent)).body()).contains("送信しました。", "主治医意見書", "<dd id=\"status\">送信済み</dd>");
    }

    @Test
    void theDoctorAttachesAPdfAndAPngNamedPdfComesBackWithTheFormAndNothingStored() throws Exception {
        DocumentRef request = askClinic();
        PortalTerminal doctor = colleague(admin(Party.medicalInstitution(clinic(0))), "doctor" + n, JobType.DOCTOR);
        String page = "/portal/office/documents/" + request.documentId() + "/opinion";
        assertThat(doctor.get(page).body()).contains("enctype=\"multipart/form-data\"", "type=\"file\"",
                "name=\"attachment\"", "添付ファイル(任意)");
        Map<String, String> fields = new LinkedHashMap<>(opinion());
        fields.put("formToken", token(doctor.get(page).body()));

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        HttpResponse<String> refused = doctor.upload(page, page, fields, "attachment", "検査結果.pdf", png);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("添付できるのはPDFだけです").contains("value=\"医師 一郎\"");
        assertThat(documents("doctor-opinion")).as("nothing stored").isZero();

        byte[] pdf;
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            document.save(out);
            pdf = out.toByteArray();
        }
        fields.put("formToken", token(doctor.get(page).body()));
        HttpResponse<String> sent = doctor.upload(page, page, fields, "attachment", "検査結果.pdf", pdf);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        String location = location(sent);
        assertThat(doctor.get(location).body()).contains("送信しました。", "検査結果.pdf", "1ページ");
        assertThat(sql.sql("select count(*) from exchange.attachments where insurer_no = :i and insured_no = :p")
                .param("i", insurer).param("p", insuredNo).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aDoctorOfAnotherInstitutionIsShownTheDenialNotTheForm() {
        DocumentRef request = askClinic();
        PortalTerminal stranger = colleague(admin(Party.medicalInstitution(clinic(1))), "stranger" + n, JobType.DOCTOR);
        String page = "/portal/office/documents/" + request.documentId() + "/opinion";
        HttpResponse<String> denied = stranger.get(page);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains(AccessReason.NOT_INVOLVED.message()).doesNotContain("id=\"compose-form\"")
                .doesNotContain("医師 一郎").doesNotContain(insuredNo);
        HttpResponse<String> sent = stranger.form("/portal/office/inbox", page, body("0".repeat(32),
                with(opinion(), "institutionCode", clinic(1))));
        assertThat(sent.statusCode()).isEqualTo(403);
        assertThat(sent.body()).contains(AccessReason.NOT_REQUESTED.message()).doesNotContain("id=\"compose-form\"");
        assertThat(documents("doctor-opinion")).isZero();
    }

    @Test
    void aNurseIsShownTheDenial() {
        DocumentRef request = askClinic();
        PortalTerminal nurse = colleague(admin(Party.medicalInstitution(clinic(0))), "nurse" + n, JobType.NURSE);
        String page = "/portal/office/documents/" + request.documentId() + "/opinion";
        HttpResponse<String> denied = send(nurse, page, opinion());
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains(AccessReason.DOCTOR_ONLY.message()).doesNotContain("id=\"compose-form\"");
        assertThat(documents("doctor-opinion")).isZero();
    }

    // ---------------------------------------------------------------- helpers

    /** An office in charge sends a 新規申請 naming clinic 0; the clerk accepts it; answers the open case. */
    private UUID openCase() {
        String office = OfficeNumber.withCheckDigit("3975" + String.format("%05d", n)).value();
        offices.register(office, offices.confirmationFor(office, insurer, insuredNo, "numbers"), "43",
                today.minusDays(20), "CARE_MANAGER", null);
        Actor careManager = Actor.staff(Party.office(office), UUID.randomUUID(), JobType.CARE_MANAGER,
                Set.of(Qualification.CARE_MANAGER));
        Map<String, String> v = new LinkedHashMap<>();
        v.put("applicationType", "1");
        v.put("phone", "098-123-4567");
        v.put("doctorInstitutionCode", clinic(0));
        v.put("doctorInstitutionName", "テスト内科クリニック");
        v.put("doctorName", "医師 一郎");
        v.put("hospitalised", "1");
        v.put("surveyPlace", "1");
        v.put("surveyContactName", "介護 太郎");
        v.put("surveyContactRelation", "長男");
        v.put("surveyContactPhone", "090-1111-2222");
        v.put("blanketConsent", "1");
        v.put("resultByPaper", "2");
        DocumentRef application = sent(routing.send(careManager, new Outgoing(DocumentKind.CERTIFICATION_APPLICATION,
                Correspondent.of(Party.municipality(insurer)), new InsurerNumber(insurer), new InsuredNumber(insuredNo),
                v, null, null, null)));
        routing.open(clerk, application);
        assertThat(routing.accept(clerk, application)).isInstanceOf(Routed.Done.class)
                .extracting(r -> ((Routed.Done<ChangeResult>) r).result()).isInstanceOf(ChangeResult.Changed.class);
        return sql.sql("select case_id from certification.cases where insurer_no = :i and status = 'open'")
                .param("i", insurer).query(UUID.class).single();
    }

    private void assign(UUID caseId, String surveyor) {
        var assigned = desk.assignSurvey(clerk, new InsurerNumber(insurer), new InsuredNumber(insuredNo), caseId,
                new CertificationDesk.Assignee.OwnStaff(surveyor), "0", today.plusDays(14));
        assertThat(assigned).isInstanceOf(Routed.Done.class).extracting(r -> ((Routed.Done<?>) r).result())
                .isInstanceOf(CertificationDesk.AssignmentResult.Assigned.class);
    }

    /** The open case's 意見書作成依頼 to clinic 0 (the application's 主治医), naming the doctor. */
    private DocumentRef askClinic() {
        openCase();
        return sent(routing.send(clerk, new Outgoing(DocumentKind.OPINION_REQUEST,
                Correspondent.of(Party.medicalInstitution(clinic(0))), new InsurerNumber(insurer),
                new InsuredNumber(insuredNo), Map.of("requestKind", "1", "doctorKind", "1", "doctorName", "医師 一郎"),
                null, null, null)));
    }

    /** A complete 調査票: at home, no services, every item answered. */
    private Map<String, String> survey() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("surveyedOn", today.toString());
        v.put("place", "1");
        v.put("surveyorName", "調査 花子");
        v.put("textImage", "1");
        v.put("serviceKubun", "9");
        v.put("facility", "1");
        for (int i = 1; i <= 74; i++) {
            v.put("item%02d".formatted(i), "1");
        }
        v.put("item12", "2");
        v.put("disabilityIndependence", "2");
        v.put("dementiaIndependence", "1");
        v.put("notes1", "1-5: 手すりにつかまれば座位を保てる");
        return v;
    }

    /** The sample 意見書 as clinic 0 writes it today. */
    private Map<String, String> opinion() {
        try (InputStream in = getClass().getResourceAsStream("/samples/doctor-opinion-09B-2026.json")) {
            Map<String, String> payload = JSON.readValue(in, new TypeReference<LinkedHashMap<String, String>>() {
            });
            return with(payload, "institutionCode", clinic(0), "writtenOn", today.toString(), "lastExaminedOn",
                    today.minusDays(7).toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> with(Map<String, String> values, String... keysAndValues) {
        Map<String, String> changed = new LinkedHashMap<>(values);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            changed.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return changed;
    }

    /** Opens the form's page and sends the values under its token. */
    private static HttpResponse<String> send(PortalTerminal terminal, String page, Map<String, String> values) {
        HttpResponse<String> form = terminal.get(page);
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        return send(terminal, page, token(form.body()), values);
    }

    private static HttpResponse<String> send(PortalTerminal terminal, String page, String token,
            Map<String, String> values) {
        return terminal.form(page, page, body(token, values));
    }

    private static String body(String token, Map<String, String> values) {
        StringBuilder form = new StringBuilder("formToken=" + token);
        values.forEach((k, v) -> form.append('&').append(k).append('=').append(PortalTerminal.enc(v)));
        return form.toString();
    }

    /** The field's block on the page, which must be marked wrong. */
    private static String beside(String page, String key) {
        Matcher m = Pattern.compile("class=\"field invalid\" id=\"field-" + key + "\">.*?</div>", Pattern.DOTALL)
                .matcher(page);
        assertThat(m.find()).as("the field " + key + " is marked").isTrue();
        return m.group();
    }

    private static String token(String page) {
        Matcher m = Pattern.compile("name=\"formToken\" value=\"([0-9a-f]+)\"").matcher(page);
        assertThat(m.find()).as("the form's token").isTrue();
        return m.group(1);
    }

    private static String location(HttpResponse<String> redirect) {
        java.net.URI uri = java.net.URI.create(redirect.headers().firstValue("Location").orElseThrow());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static DocumentRef sent(Routed<SendResult> routed) {
        assertThat(routed).isInstanceOf(Routed.Done.class);
        SendResult result = ((Routed.Done<SendResult>) routed).result();
        assertThat(result).as(result.toString()).isInstanceOf(SendResult.Sent.class);
        return ((SendResult.Sent) result).document();
    }

    private String clinic(int which) {
        return MedicalInstitutionCode.withCheckDigit("391" + which + String.format("%05d", n)).value();
    }

    /** The organisation's administrator, signed in through the service (never through a terminal: one code, once). */
    private StaffSession admin(Party organisation) {
        String loginId = "admin" + n;
        var enrolment = staff.registerFirstAdmin(organisation, loginId, Browser.STAFF_PASSWORD, JobType.CLERK);
        var tokens = staff.signIn(organisation, loginId, Browser.STAFF_PASSWORD,
                Totp.code(Base32.decode(enrolment.totpSecret()), Totp.step(Instant.now())));
        return staff.authenticate(organisation, tokens.accessToken()).orElseThrow();
    }

    /** A new staff member of the administrator's organisation, signed in at a terminal of it. */
    private PortalTerminal colleague(StaffSession admin, String loginId, JobType job) {
        var enrolment = staff.createStaff(admin, loginId, Browser.STAFF_PASSWORD, job, List.of());
        return PortalTerminal.signedIn(pki, port, admin.organisation(), loginId, Browser.STAFF_PASSWORD,
                Base32.decode(enrolment.totpSecret()));
    }

    private long documents(String kind) {
        return sql.sql("select count(*) from exchange.documents where insurer_no = :i and insured_no = :p and kind = :k")
                .param("i", insurer).param("p", insuredNo).param("k", kind).query(Long.class).single();
    }

    private List<String> audited(String purpose) {
        return sql.sql("""
                select actor_kind || ':' || actor_number || ':' || outcome from audit.entries
                 where person_insurer = :i and person_insured = :p and purpose = :purpose order by seq
                """).param("i", insurer).param("p", insuredNo).param("purpose", purpose).query(String.class).list();
    }
}
