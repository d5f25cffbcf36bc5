package jp.kaigo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kaigo.consent.Consents;
import jp.kaigo.identity.CardReader;
import jp.kaigo.identity.IssuedCredential;
import jp.kaigo.identity.MyNumberCards;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.identity.SimulatedCard;
import jp.kaigo.identity.SimulatedJlis;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.ingest.FileFormat;
import jp.kaigo.ingest.FileImports;
import jp.kaigo.ingest.ImportMode;
import jp.kaigo.ingest.ImportRequest;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.registry.ReimbursementTotals;
import jp.kaigo.relationship.OfficesInCharge;
import jp.kaigo.shared.JapaneseDates;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.Qualification;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 福祉用具購入・住宅改修の利用額 on the portal (I17 §4): the care manager of the office in charge and the person at
 * /portal/me read what is used and left of each limit above the records; an office in charge only for 訪問介護 sees the
 * section refused, without an amount.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReimbursementPagesIntegrationTests {
    private static final AtomicInteger NEXT = new AtomicInteger(950);

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
    SimulatedJlis jlis;
    @Autowired
    MyNumberCards cards;

    int n;
    HospitalStay person;

    /** After a 転居 a 住宅改修 of 45,000 円 (the earlier 200,000 円 no longer counts); this 年度 福祉用具 for 30,000 円 in all. */
    @BeforeEach
    void aPersonWithTheirUses() {
        n = NEXT.getAndIncrement();
        person = HospitalStay.load(n, registry, imports, offices, consents);
        LocalDate today = Inputs.today();
        String moved = today.minusDays(30).toString();
        load("home-modification", "insurerNo,insuredNo,historyNo,validFrom,startedOn,cost,paid,countedTotal,resetReason\n"
                + String.join(",", person.insurer(), person.insuredNo(), "1", "2024-10-01", "2024-10-01", "260000",
                        "180000", "200000", "0") + "\n"
                + String.join(",", person.insurer(), person.insuredNo(), "2", moved, moved, "45000", "40500", "45000", "1")
                + "\n");
        LocalDate yearStart = LocalDate.of(ReimbursementTotals.fiscalYear(today), 4, 1);
        load("welfare-equipment", "insurerNo,insuredNo,historyNo,validFrom,purchasedOn,item,cost,paid,yearTotal\n"
                + String.join(",", person.insurer(), person.insuredNo(), "1", yearStart.minusDays(1).toString(),
                        yearStart.minusDays(1).toString(), "05", "90000", "81000", "90000") + "\n"
                + String.join(",", person.insurer(), person.insuredNo(), "2", today.toString(), today.toString(), "01",
                        "30000", "27000", "30000") + "\n");
    }

    private void load(String type, String csv) {
        var report = imports.importFile(new ImportRequest(person.insurer(), type, ImportMode.FULL, FileFormat.CSV, "UTF-8",
                type + ".csv", imports.columnsMissingFrom(type, List.of(csv.substring(0, csv.indexOf('\n')).split(",")))),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(report.rejectedRows()).as(report.toString()).isZero();
    }

    private static String year() {
        return JapaneseDates.fiscalYear(ReimbursementTotals.fiscalYear(Inputs.today()));
    }

    @Test
    void theCareManagerInChargeAndThePersonSeeWhatIsUsedAndLeft() {
        PortalTerminal careManager = careManager();
        String page = careManager.get("/portal/office/persons/" + CareTransitionPagesIntegrationTests.personRef(careManager))
                .body();
        assertThat(page).contains("住宅改修費 支給限度基準額 200,000円のうち 利用済み 45,000円・残り 155,000円",
                "福祉用具購入費(" + year() + ") 100,000円のうち 利用済み 30,000円・残り 70,000円",
                "住宅改修費利用情報", "福祉用具購入費利用情報", "転居", "腰掛便座");

        String mine = personTerminal().get("/portal/me").body();
        assertThat(mine).contains("住宅改修費 支給限度基準額 200,000円のうち 利用済み 45,000円・残り 155,000円",
                "福祉用具購入費(" + year() + ") 100,000円のうち 利用済み 30,000円・残り 70,000円",
                "簡易浴槽");
    }

    @Test
    void anOfficeInChargeOnlyForHomeHelpSeesTheSectionRefused() {
        String helperOffice = OfficeNumber.withCheckDigit("4677" + String.format("%05d", n)).value();
        offices.register(helperOffice, offices.confirmationFor(helperOffice, person.insurer(), person.insuredNo(),
                "numbers"), "11", Inputs.today().minusDays(10), "CARE_WORKER", null);
        var admin = staff.registerFirstAdmin(Party.office(helperOffice), "helper" + n, Browser.STAFF_PASSWORD,
                JobType.CARE_WORKER);
        PortalTerminal helper = PortalTerminal.signedIn(pki, port, Party.office(helperOffice), "helper" + n,
                Browser.STAFF_PASSWORD, Base32.decode(admin.totpSecret()));
        String page = helper.get("/portal/office/persons/" + CareTransitionPagesIntegrationTests.personRef(helper)).body();
        assertThat(page).contains(HospitalStay.NAME, "data-category=\"reimbursement\"",
                "福祉用具購入・住宅改修の利用額は、ケアマネジメントを行う担当事業所");
        assertThat(page).doesNotContain("利用済み", "45,000", "住宅改修費利用情報", "福祉用具購入費利用情報");
    }

    private PortalTerminal careManager() {
        var admin = staff.registerFirstAdmin(Party.office(person.office()), "admin" + n, Browser.STAFF_PASSWORD,
                JobType.CLERK);
        var cm = staff.createStaff(StaffSignIn.session(staff, Party.office(person.office()), admin), "cm" + n,
                Browser.STAFF_PASSWORD, JobType.CARE_MANAGER, List.of(new StaffAccounts.AttestedQualification(
                        Qualification.CARE_MANAGER, "47000003", Inputs.today().plusYears(2))));
        return PortalTerminal.signedIn(pki, port, Party.office(person.office()), "cm" + n, Browser.STAFF_PASSWORD,
                Base32.decode(cm.totpSecret()));
    }

    /** The person at home: the card linked at the counter, then the card sign-in over the portal's own form. */
    private PortalTerminal personTerminal() {
        SimulatedCard card = jlis.issueCard();
        try {
            cards.link(card.authCertificate().getEncoded(), person.insurer(), person.insuredNo(),
                    Party.municipality(person.insurer()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        PortalTerminal home = new PortalTerminal(port, IssuedCredential.anonymous(pki.caCertificate()));
        String page = home.get("/portal/sign-in/card").body();
        Matcher id = Pattern.compile("name=\"challengeId\" value=\"([^\"]+)\"").matcher(page);
        Matcher challenge = Pattern.compile("id=\"challenge\" class=\"challenge\">([^<]+)<").matcher(page);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(id.find() && challenge.find() && csrf.find()).as("a challenge on the sign-in page").isTrue();
        var signed = CardReader.sign(card.authCertificate(), card.authKey(),
                java.util.Base64.getDecoder().decode(challenge.group(1).strip()));
        String answer = "{\"certificate\":\"" + java.util.Base64.getEncoder().encodeToString(signed.certificate())
                + "\",\"signature\":\"" + java.util.Base64.getEncoder().encodeToString(signed.signature()) + "\"}";
        var signedIn = home.post("/portal/sign-in/card", "_csrf=" + PortalTerminal.enc(csrf.group(1))
                + "&challengeId=" + id.group(1) + "&cardAnswer=" + PortalTerminal.enc(answer));
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/portal/me");
        return home;
    }
}
