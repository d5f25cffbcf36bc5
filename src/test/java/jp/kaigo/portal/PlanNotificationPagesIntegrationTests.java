package jp.kaigo.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kaigo.access.Actor;
import jp.kaigo.consent.Consents;
import jp.kaigo.filing.DocumentRouting;
import jp.kaigo.filing.Outgoing;
import jp.kaigo.filing.Routed;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.identity.StaffSession;
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
 * 居宅サービス計画作成依頼届出書 (I17 §1; care-documents.md §4): the care manager in charge files it from the person's
 * page, the municipality accepts it, and the person's 被保険者証 history shows the office and the 届出年月日. Refused,
 * changing nothing: a 届出 for another municipality's insured, one naming another office; a 住宅改修 理由書 by a staff
 * member without one of its qualifications.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanNotificationPagesIntegrationTests {
    private static final AtomicInteger NEXT = new AtomicInteger(700);

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
    @Autowired
    jp.kaigo.casework.CareRecordWriting writing;

    int n;
    HospitalStay person;

    @BeforeEach
    void aCertifiedPersonWithAnOfficeInCharge() {
        n = NEXT.getAndIncrement();
        person = HospitalStay.load(n, registry, imports, offices, consents);
        String csv = "insurerNo,insuredNo,historyNo,validFrom,validTo,careLevel,certifiedOn,certValidFrom,certValidTo,"
                + "limitUnits\n" + String.join(",", person.insurer(), person.insuredNo(), "1", "2026-01-01", "", "22",
                "2025-12-20", "2026-01-01", "2027-12-31", "19705") + "\n";
        var report = imports.importFile(new ImportRequest(person.insurer(), "care-certificate", ImportMode.FULL,
                FileFormat.CSV, "UTF-8", "care-certificate.csv", imports.columnsMissingFrom("care-certificate",
                        List.of(csv.substring(0, csv.indexOf('\n')).split(",")))),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(report.rejectedRows()).isZero();
    }

    @Test
    void theCareManagerFilesTheMunicipalityAcceptsAndTheInsuranceCardShowsTheOffice() {
        PortalTerminal careManager = careManager();
        String ref = CareTransitionPagesIntegrationTests.personRef(careManager);
        String page = "/portal/office/persons/" + ref + "/plan-notification";

        assertThat(careManager.get(page).body()).as("the office's own number filled in").contains(person.office());
        HttpResponse<String> otherOffice = CareTransitionPagesIntegrationTests.send(careManager, page,
                notification("1310100019"));
        assertThat(otherOffice.statusCode()).isEqualTo(400);
        assertThat(otherOffice.body()).contains("届出をする事業所自身の番号を書いてください");
        assertThat(documents()).as("nothing stored").isZero();

        HttpResponse<String> sent = CareTransitionPagesIntegrationTests.send(careManager, page,
                notification(person.office()));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);

        PortalTerminal officer = officer();
        UUID id = sql.sql("select document_id from exchange.documents where insurer_no = ? and insured_no = ? and kind = ?")
                .params(person.insurer(), person.insuredNo(), DocumentKind.CARE_PLAN_NOTIFICATION.key())
                .query(UUID.class).single();
        String document = "/portal/municipality/documents/" + id;
        assertThat(officer.get(document).body()).contains("居宅サービス計画作成依頼(変更)届出書", person.office());
        assertThat(officer.form(document, document + "/accept", "").statusCode()).isEqualTo(302);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(registry.history(
                new InsurerNumber(person.insurer()), new InsuredNumber(person.insuredNo())).stream()
                .filter(r -> r.current() && r.record().recordType().equals("care-certificate"))
                .map(r -> r.record().fields())
                .anyMatch(f -> person.office().equals(String.valueOf(f.get("planOffice1No")))
                        && Inputs.today().toString().equals(String.valueOf(f.get("planOffice1NotifiedOn")))
                        && "22".equals(String.valueOf(f.get("careLevel")))))
                .as("the 被保険者証 history names the office and the 届出年月日, the 認定 kept").isTrue());
    }

    @Test
    void aNotificationForAnotherMunicipalitysInsuredIsRefused() {
        StaffSession cm = signIn(Party.office(person.office()), careManagerEnrolment());
        String other = InsurerNumber.withCheckDigit("47" + n).value();
        Routed<?> routed = routing.send(Actor.staff(cm), new Outgoing(DocumentKind.CARE_PLAN_NOTIFICATION,
                Correspondent.of(Party.municipality(other)), new InsurerNumber(person.insurer()),
                new InsuredNumber(person.insuredNo()), Map.of("notificationKind", "1", "planKind", "1", "officeNo",
                        person.office(), "startOn", Inputs.today().toString()), "plan-" + n, null, null));
        assertThat(routed).isInstanceOfSatisfying(Routed.Denied.class,
                denied -> assertThat(denied.decision().reason().name()).isEqualTo("OTHER_INSURER"));
        assertThat(documents()).isZero();
    }

    /** I17 §4 / attack: the 住宅改修 理由書 is written only by a staff member holding one of the qualifications of S24. */
    @Test
    void onlyAQualifiedStaffMemberOfTheOfficeInChargeWritesTheHomeModificationReason() {
        StaffSession worker = signIn(Party.office(person.office()), staff.createStaff(officeAdmin(), "worker" + n,
                Browser.STAFF_PASSWORD, JobType.CARE_WORKER, List.of()));
        Routed<?> refused = routing.send(Actor.staff(worker), reason("reason-a" + n));
        assertThat(refused).isInstanceOfSatisfying(Routed.Denied.class,
                denied -> assertThat(denied.decision().reason().name()).isEqualTo("REASON_WRITER_ONLY"));
        assertThat(count(DocumentKind.HOME_MODIFICATION_REASON)).as("nothing stored").isZero();

        StaffSession therapist = signIn(Party.office(person.office()), staff.createStaff(officeAdmin(), "ot" + n,
                Browser.STAFF_PASSWORD, JobType.OCCUPATIONAL_THERAPIST, List.of(new StaffAccounts.AttestedQualification(
                        Qualification.OCCUPATIONAL_THERAPIST, "OT-" + n, Inputs.today().plusYears(2)))));
        Routed<?> sent = routing.send(Actor.staff(therapist), reason("reason-b" + n));
        assertThat(sent).as(String.valueOf(sent)).isInstanceOf(Routed.Done.class);
        assertThat(count(DocumentKind.HOME_MODIFICATION_REASON)).isEqualTo(1);
    }

    /**
     * I17 §1 (D-a ※9): a month whose 第6表 plans more 生活援助中心型 visits than the count for the plan's 要介護2 (34) shows
     * 届出が必要です; the care manager sends the 届出 with the figures filled in; the office's clerk may not.
     */
    @Test
    void aMonthWithMoreLivingSupportVisitsThanTheCountIsNotified() {
        // the care software's files come in through another care manager of the office (one sign-in per one-time code)
        StaffSession cm = signIn(Party.office(person.office()), staff.createStaff(officeAdmin(), "files" + n,
                Browser.STAFF_PASSWORD, JobType.CARE_MANAGER, List.of(new StaffAccounts.AttestedQualification(
                        Qualification.CARE_MANAGER, "47000004", Inputs.today().plusYears(2)))));
        String day = Inputs.today().toString().replace("-", "");
        String month = day.substring(0, 6);
        String table1 = String.join(",", "202407", person.insurer(), person.insuredNo(), day, "", "", "", "\"ケアマネ\"",
                "\"居宅\"", "", "", "", person.office(), day, day, "11", "2", "", "", "", "22", "", "", "", "1", "", "", "");
        StringBuilder table6 = new StringBuilder();
        for (int d = 1; d <= 18; d++) { // 18 days × 2 = 36 visits of 生活援助2
            table6.append(String.join(",", "202407", person.insurer(), person.insuredNo(), day, month, person.office(),
                    "\"ケアマネ\"", "183", "", month + String.format("%02d", d), "", "1000", "1045", "2", "112111", "", "",
                    "", "", person.office(), "", "", "0", "", "")).append("\r\n");
        }
        var ms932 = java.nio.charset.Charset.forName("windows-31j");
        assertThat(writing.importPlanFile(cm, "UP1KYO", new ByteArrayInputStream((table1 + "\r\n").getBytes(ms932)), ms932)
                .rejections()).isEmpty();
        assertThat(writing.importPlanFile(cm, "UPPLAN", new ByteArrayInputStream(table6.toString().getBytes(ms932)), ms932)
                .rejections()).isEmpty();

        PortalTerminal careManager = careManager();
        String ref = CareTransitionPagesIntegrationTests.personRef(careManager);
        String plans = careManager.get("/portal/office/persons/" + ref + "/care-plans").body();
        assertThat(plans).contains("36回", "34回", "届出が必要です");
        String page = "/portal/office/persons/" + ref + "/living-support-notification?month=" + month.substring(0, 4) + "-"
                + month.substring(4);
        assertThat(careManager.get(page).body()).as("the figures filled in").contains("value=\"36\"", "value=\"34\"");
        HttpResponse<String> noReason = CareTransitionPagesIntegrationTests.send(careManager, page, Map.of("targetMonth",
                month.substring(0, 4) + "-" + month.substring(4), "planDate", Inputs.today().toString(), "careLevel", "22",
                "visits", "36", "count", "34"));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("生活援助中心型の訪問介護が必要な理由");
        assertThat(count(DocumentKind.LIVING_SUPPORT_NOTIFICATION)).isZero();
        HttpResponse<String> sent = CareTransitionPagesIntegrationTests.send(careManager, page, Map.of("targetMonth",
                month.substring(0, 4) + "-" + month.substring(4), "planDate", Inputs.today().toString(), "careLevel", "22",
                "visits", "36", "count", "34", "reason", "独居で買い物と調理が毎日必要。配食は本人が望まない"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        assertThat(count(DocumentKind.LIVING_SUPPORT_NOTIFICATION)).isEqualTo(1);

        Routed<?> clerk = routing.send(Actor.staff(officeAdmin()), new Outgoing(DocumentKind.LIVING_SUPPORT_NOTIFICATION,
                Correspondent.of(Party.municipality(person.insurer())), new InsurerNumber(person.insurer()),
                new InsuredNumber(person.insuredNo()), Map.of("targetMonth", month.substring(0, 4) + "-"
                        + month.substring(4), "planDate", Inputs.today().toString(), "careLevel", "22", "visits", "36",
                        "count", "34", "reason", "x"), "living-clerk-" + n, null, null));
        assertThat(clerk).isInstanceOfSatisfying(Routed.Denied.class,
                denied -> assertThat(denied.decision().reason().name()).isEqualTo("CARE_PLAN_AUTHOR_ONLY"));
    }

    private Outgoing reason(String key) {
        return new Outgoing(DocumentKind.HOME_MODIFICATION_REASON, Correspondent.of(Party.municipality(person.insurer())),
                new InsurerNumber(person.insurer()), new InsuredNumber(person.insuredNo()), Map.of("writtenOn",
                        Inputs.today().toString(), "writerName", "作業 療子", "writerQualification", "5", "difficulties",
                        "浴槽をまたげない", "works", "浴室の手すりの取付け", "reason", "一人で入浴できるようにする"), key, null, null);
    }

    private int count(DocumentKind kind) {
        return sql.sql("select count(*) from exchange.documents where insurer_no = ? and insured_no = ? and kind = ?")
                .params(person.insurer(), person.insuredNo(), kind.key()).query(Integer.class).single();
    }

    private static Map<String, String> notification(String officeNo) {
        return Map.of("notificationKind", "1", "planKind", "1", "officeNo", officeNo, "officeName", "テスト居宅介護支援",
                "startOn", Inputs.today().toString());
    }

    private int documents() {
        return sql.sql("select count(*) from exchange.documents where insurer_no = ? and insured_no = ? and kind = ?")
                .params(person.insurer(), person.insuredNo(), DocumentKind.CARE_PLAN_NOTIFICATION.key())
                .query(Integer.class).single();
    }

    private jp.kaigo.identity.Enrolment cmEnrolment;
    private StaffSession officeAdmin;

    private StaffSession officeAdmin() {
        if (officeAdmin == null) {
            var admin = staff.registerFirstAdmin(Party.office(person.office()), "admin" + n, Browser.STAFF_PASSWORD,
                    JobType.CLERK);
            officeAdmin = signIn(Party.office(person.office()), admin);
        }
        return officeAdmin;
    }

    private jp.kaigo.identity.Enrolment careManagerEnrolment() {
        if (cmEnrolment == null) {
            cmEnrolment = staff.createStaff(officeAdmin(), "cm" + n, Browser.STAFF_PASSWORD, JobType.CARE_MANAGER,
                    List.of(new StaffAccounts.AttestedQualification(Qualification.CARE_MANAGER, "47000003",
                            Inputs.today().plusYears(2))));
        }
        return cmEnrolment;
    }

    private PortalTerminal careManager() {
        return PortalTerminal.signedIn(pki, port, Party.office(person.office()), "cm" + n, Browser.STAFF_PASSWORD,
                Base32.decode(careManagerEnrolment().totpSecret()));
    }

    private PortalTerminal officer() {
        var admin = staff.registerFirstAdmin(Party.municipality(person.insurer()), "officer" + n, Browser.STAFF_PASSWORD,
                JobType.MUNICIPAL_OFFICER);
        return PortalTerminal.signedIn(pki, port, Party.municipality(person.insurer()), "officer" + n,
                Browser.STAFF_PASSWORD, Base32.decode(admin.totpSecret()));
    }

    private StaffSession signIn(Party organisation, jp.kaigo.identity.Enrolment enrolment) {
        return StaffSignIn.session(staff, organisation, enrolment);
    }
}
