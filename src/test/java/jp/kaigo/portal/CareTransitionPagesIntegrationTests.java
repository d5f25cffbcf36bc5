package jp.kaigo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kaigo.access.Actor;
import jp.kaigo.consent.Consents;
import jp.kaigo.filing.DocumentRouting;
import jp.kaigo.filing.Outgoing;
import jp.kaigo.filing.Routed;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.ingest.FileImports;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.relationship.OfficesInCharge;
import jp.kaigo.shared.Correspondent;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.JobType;
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
 * A hospital stay over the portal (docs/design/care-documents.md; I17 §2): the care manager in charge sends the
 * 入院時情報提供書 to the hospital the person consented to, the hospital's nurse acknowledges it and answers with the
 * 退院・退所情報記録書, which the care manager acknowledges. Refused, each changing nothing: the admission information to
 * a hospital not involved, a discharge record from a hospital that does not serve the person, a form without its
 * required items, the hospital's clerk reading it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CareTransitionPagesIntegrationTests {
    private static final AtomicInteger NEXT = new AtomicInteger(500);

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
    Consents consents;
    @Autowired
    DocumentRouting routing;
    @Autowired
    JdbcClient sql;

    int n;
    String insurer;
    String insuredNo;
    String office;
    String hospital;
    String otherHospital;

    @BeforeEach
    void aPersonAtHomeWithACareManagerAndTheHospitalTheyConsentedTo() {
        n = NEXT.getAndIncrement();
        HospitalStay stay = HospitalStay.load(n, registry, imports, offices, consents);
        insurer = stay.insurer();
        insuredNo = stay.insuredNo();
        office = stay.office();
        hospital = stay.hospital();
        otherHospital = stay.otherHospital();
    }

    @Test
    void theCareManagerTellsTheHospitalAndTheHospitalAnswersBeforeDischarge() {
        PortalTerminal careManager = careManager();
        String ref = personRef(careManager);
        String compose = "/portal/office/persons/" + ref + "/admission-info?to=" + hospital;

        String form = careManager.get(compose).body();
        assertThat(form).as("the 参考様式's sections in order, every item in one")
                .containsSubsequence("section-header", "section-basic", "section-family", "section-wishes",
                        "section-services", "section-outlook", "section-conference", "section-body", "section-medicine",
                        "section-doctor").doesNotContain("section-other");
        HttpResponse<String> missing = send(careManager, compose, Map.of("admittedOn", today(), "providedOn", today()));
        assertThat(missing.statusCode()).as("required items left out").isEqualTo(400);
        assertThat(missing.body()).contains("field-careManagerName", "field-careLevel", "必須です");

        HttpResponse<String> notInvolved = send(careManager, "/portal/office/persons/" + ref + "/admission-info?to="
                + otherHospital, admission());
        assertThat(notInvolved.statusCode()).as("a hospital the person has nothing to do with").isEqualTo(403);
        assertThat(notInvolved.body()).contains("この医療機関はこの方に関わっていません");
        assertThat(documents(DocumentKind.ADMISSION_INFO)).as("nothing stored").isZero();

        HttpResponse<String> badCode = careManager.get("/portal/office/persons/" + ref + "/admission-info?to=1234");
        assertThat(badCode.statusCode()).isEqualTo(400);
        assertThat(badCode.body()).contains("医療機関コード", "数字10桁で指定してください");

        HttpResponse<String> sent = send(careManager, compose, admission());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        String admissionPage = location(sent);
        assertThat(careManager.get(admissionPage).body()).contains("入院時情報提供書", "要介護2", "ケアマネ 太郎");

        // the hospital: its nurse opens it in the 受信箱, acknowledges it, answers with the discharge record
        PortalTerminal nurse = hospitalStaff(hospital, "nurse" + n, JobType.NURSE);
        String inbox = nurse.get("/portal/office/inbox").body();
        Matcher link = Pattern.compile("/portal/office/documents/([0-9a-f-]{36})").matcher(inbox);
        assertThat(link.find()).as(inbox).isTrue();
        String received = "/portal/office/documents/" + link.group(1);
        assertThat(nurse.get(received).body()).contains("入院時情報提供書", "ケアマネ 太郎", "退院・退所情報記録書を作成する");
        assertThat(nurse.form(received, received + "/accept", "").statusCode()).isEqualTo(302);
        assertThat(nurse.get(received).body()).as("acknowledged").contains("受理");

        PortalTerminal clerk = hospitalStaff(hospital, "clerk" + n, JobType.CLERK);
        HttpResponse<String> clerkReads = clerk.get(received);
        assertThat(clerkReads.statusCode()).isEqualTo(403);
        assertThat(clerkReads.body()).contains("医師・看護師・医療ソーシャルワーカー");

        assertThat(nurse.get(received + "/discharge").body()).containsSubsequence("section-header", "section-state",
                "section-views", "section-needs", "section-informant").doesNotContain("section-other");
        HttpResponse<String> discharged = send(nurse, received + "/discharge", discharge());
        assertThat(discharged.statusCode()).as(discharged.body()).isEqualTo(302);

        // the care manager: the record is in the 受信箱, in reply to the admission information
        String officeInbox = careManager.get("/portal/office/inbox").body();
        assertThat(officeInbox).contains("退院・退所情報記録書");
        UUID record = sql.sql("select document_id from exchange.documents where insurer_no = ? and insured_no = ? and kind = ?")
                .params(insurer, insuredNo, DocumentKind.DISCHARGE_RECORD.key()).query(UUID.class).single();
        String recordPage = "/portal/office/documents/" + record;
        assertThat(careManager.get(recordPage).body()).contains("退院・退所情報記録書", "自宅の浴室に手すりが必要",
                "看護師 花子");
        assertThat(careManager.form(recordPage, recordPage + "/accept", "").statusCode()).isEqualTo(302);
    }

    @Test
    void aHospitalThatDoesNotServeThePersonCannotSendADischargeRecord() {
        StaffSession nurse = session(otherHospital, "othernurse" + n, JobType.NURSE);
        Routed<?> routed = routing.send(Actor.staff(nurse), new Outgoing(DocumentKind.DISCHARGE_RECORD,
                Correspondent.of(Party.office(office)), new InsurerNumber(insurer), new InsuredNumber(insuredNo),
                discharge(), "discharge-" + n, null, null));
        assertThat(routed).isInstanceOfSatisfying(Routed.Denied.class, denied -> assertThat(
                denied.decision().reason().name()).isEqualTo("INSTITUTION_NOT_INVOLVED"));
        assertThat(documents(DocumentKind.DISCHARGE_RECORD)).isZero();
    }

    private Map<String, String> admission() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("admittedOn", today());
        values.put("providedOn", today());
        values.put("careManagerName", "ケアマネ 太郎");
        values.put("officePhone", "098-000-0000");
        values.put("careLevel", "22");
        values.put("adlMoving", "2");
        values.put("household", "2");
        values.put("personWish", "自宅で夫と暮らし続けたい");
        return values;
    }

    private Map<String, String> discharge() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("recordedOn", today());
        values.put("admittedOn", today());
        values.put("dischargeOn", LocalDate.parse(today()).plusDays(14).toString());
        values.put("cause", "大腿骨頸部骨折");
        values.put("moving", "3");
        values.put("requirements", "自宅の浴室に手すりが必要");
        values.put("informant", "看護師 花子");
        return values;
    }

    private int documents(DocumentKind kind) {
        return sql.sql("select count(*) from exchange.documents where insurer_no = ? and insured_no = ? and kind = ?")
                .params(insurer, insuredNo, kind.key()).query(Integer.class).single();
    }

    private PortalTerminal careManager() {
        var admin = staff.registerFirstAdmin(Party.office(office), "admin" + n, Browser.STAFF_PASSWORD, JobType.CLERK);
        var enrolment = staff.createStaff(StaffSignIn.session(staff, Party.office(office), admin), "cm" + n,
                Browser.STAFF_PASSWORD, JobType.CARE_MANAGER, List.of(new StaffAccounts.AttestedQualification(
                        Qualification.CARE_MANAGER, "47000001", Inputs.today().plusYears(2))));
        return PortalTerminal.signedIn(pki, port, Party.office(office), "cm" + n, Browser.STAFF_PASSWORD,
                Base32.decode(enrolment.totpSecret()));
    }

    private PortalTerminal hospitalStaff(String code, String loginId, JobType job) {
        var enrolment = staff.createStaff(admin(code), loginId, Browser.STAFF_PASSWORD, job, List.of());
        return PortalTerminal.signedIn(pki, port, Party.medicalInstitution(code), loginId, Browser.STAFF_PASSWORD,
                Base32.decode(enrolment.totpSecret()));
    }

    private StaffSession session(String code, String loginId, JobType job) {
        var enrolment = staff.createStaff(admin(code), loginId, Browser.STAFF_PASSWORD, job, List.of());
        return StaffSignIn.session(staff, Party.medicalInstitution(code), enrolment);
    }

    private final Map<String, StaffSession> admins = new java.util.HashMap<>();

    private StaffSession admin(String code) {
        return admins.computeIfAbsent(code, c -> {
            var admin = staff.registerFirstAdmin(Party.medicalInstitution(c), "admin" + c, Browser.STAFF_PASSWORD,
                    JobType.CLERK);
            return StaffSignIn.session(staff, Party.medicalInstitution(c), admin);
        });
    }

    static String personRef(PortalTerminal careManager) {
        String list = careManager.get("/portal/office/persons").body();
        Matcher m = Pattern.compile("/portal/office/persons/([A-Za-z0-9_-]{8,})\"").matcher(list);
        assertThat(m.find()).as(list).isTrue();
        return m.group(1);
    }

    /** Opens the form's page and sends the values under its token. */
    static HttpResponse<String> send(PortalTerminal terminal, String page, Map<String, String> values) {
        HttpResponse<String> form = terminal.get(page);
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        Matcher token = Pattern.compile("name=\"formToken\" value=\"([0-9a-f]+)\"").matcher(form.body());
        assertThat(token.find()).isTrue();
        StringBuilder body = new StringBuilder("formToken=" + token.group(1));
        values.forEach((k, v) -> body.append('&').append(k).append('=').append(PortalTerminal.enc(v)));
        return terminal.form(page, page, body.toString());
    }

    private static String location(HttpResponse<String> redirect) {
        java.net.URI uri = java.net.URI.create(redirect.headers().firstValue("Location").orElseThrow());
        return uri.getRawPath();
    }

    private static String today() {
        return Inputs.today().toString();
    }
}
