package jp.kaigo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kaigo.identity.CardReader;
import jp.kaigo.identity.Enrolment;
import jp.kaigo.identity.IssuedTokens;
import jp.kaigo.identity.MyNumberCards;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.identity.SimulatedCard;
import jp.kaigo.identity.SimulatedJlis;
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
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.Party;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 要介護認定 online from the 更新申請 to the person's 認定結果通知, in Chromium, each party in its own browser holding its
 * own certificate (docs/design/certification-online.md §8.3). Screenshots under
 * {@code target/screenshots/certification-online/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CertificationOnlineJourneyTests {
    private static final AtomicInteger NEXT = new AtomicInteger(800);
    private static final String BIRTH = "1938-02-03";
    private static final String NAME = "認定 春子";
    private static final String ADDRESS = "沖縄県認定村1番地";
    private static final String SHOTS = "certification-online/";
    private static final String INSURED_HEADER =
            "保険者番号,被保険者番号,履歴番号,有効開始日,有効終了日,氏名,氏名カナ,生年月日,性別,住所,被保険者区分,資格取得日,資格取得事由,資格喪失日,資格喪失事由";

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
    SimulatedJlis jlis;
    @Autowired
    MyNumberCards cards;
    @Autowired
    JdbcClient sql;

    int n;
    String insurer;
    String insuredNo;
    String office;
    String clinic;
    LocalDate validTo;
    final List<ChromeDriver> browsers = new ArrayList<>();

    /**
     * A municipality and its insured person with a 要介護1 ending in 45 days (so 更新 may be applied for), the 居宅介護支援
     * office in charge of them, and the clinic of their 主治医.
     */
    @BeforeEach
    void personWhoseCertificationEndsIn45Days() {
        n = NEXT.getAndIncrement();
        insurer = InsurerNumber.withCheckDigit("44" + n).value();
        insuredNo = "00000" + n + "01";
        office = OfficeNumber.withCheckDigit("4476" + String.format("%05d", n)).value();
        clinic = MedicalInstitutionCode.withCheckDigit("441" + String.format("%06d", n)).value();
        validTo = today().plusDays(45);
        registry.registerInsurer(new InsurerNumber(insurer), "認定村" + n);
        load("insured", INSURED_HEADER + "\n" + String.join(",", insurer, insuredNo, "1", "2026-04-01", "", NAME,
                "ニンテイ ハルコ", BIRTH, "2", ADDRESS, "1", "2003-02-03", "01", "", ""));
        load("certification", "insurerNo,insuredNo,historyNo,validFrom,applicationType,appliedOn,progress,"
                + "opinionInstitution,opinionRequestedOn,firstJudgement,standardMinutes,minutesMeal,score1,result,"
                + "certifiedOn,certValidFrom,certValidTo\n" + String.join(",", insurer, insuredNo, "1",
                validTo.minusYears(1).toString(), "2", validTo.minusYears(1).minusDays(30).toString(), "6", clinic,
                validTo.minusYears(1).minusDays(28).toString(), "21", "40.1", "12.0", "55.0", "21",
                validTo.minusYears(1).minusDays(2).toString(), validTo.minusYears(1).plusDays(1).toString(),
                validTo.toString()));
        offices.register(office, offices.confirmationFor(office, insurer, insuredNo, "numbers"), "43",
                today().minusDays(200), "CARE_MANAGER", null);
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(ChromeDriver::quit);
    }

    @Test
    void theFamilyAppliesForRenewalAndThePersonReadsTheResult() {
        // 1. the family, with the person's card: マイページ → 要介護認定を申請する → 更新
        ChromeDriver home = personWithCard();
        Browser.go(home, home.findElement(By.linkText("要介護認定を申請する")));
        choose(home, "applicationType", "2");
        type(home, "phone", "098-123-4567");
        type(home, "doctorInstitutionCode", clinic);
        type(home, "doctorInstitutionName", "デモ内科クリニック");
        type(home, "doctorName", "医師 一郎");
        choose(home, "hospitalised", "1");
        choose(home, "surveyPlace", "1");
        type(home, "surveyContactName", "認定 太郎");
        type(home, "surveyContactRelation", "長男");
        type(home, "surveyContactPhone", "090-1111-2222");
        choose(home, "blanketConsent", "1");
        choose(home, "resultByPaper", "2");
        Browser.screenshot(home, SHOTS + "01-person-applies");
        Browser.go(home, home.findElement(By.cssSelector("#apply-form button[type=submit]")));
        assertThat(home.findElement(By.id("status")).getText()).isEqualTo("送信済み");
        String receiptNo = home.findElement(By.id("receipt-no")).getText();
        assertThat(receiptNo).matches("[0-9a-f-]{36}");

        // 2. the municipality's officer: 受信箱 → the 更新申請 → 受理
        Enrolment admin = staff.registerFirstAdmin(Party.municipality(insurer), "admin" + n, Browser.STAFF_PASSWORD,
                JobType.CLERK);
        StaffSession mayor = session(Party.municipality(insurer), admin);
        ChromeDriver officer = staffBrowser(Party.municipality(insurer), staff.createStaff(mayor, "officer" + n,
                Browser.STAFF_PASSWORD, JobType.MUNICIPAL_OFFICER, List.of()));
        Browser.go(officer, officer.findElement(By.linkText("受信箱・送信箱")));
        WebElement row = officer.findElement(By.xpath("//tr[contains(., '" + insuredNo + "')]"));
        assertThat(row.getText()).contains("要介護・要支援認定申請書");
        Browser.go(officer, row.findElement(By.tagName("a")));
        assertThat(officer.getCurrentUrl()).endsWith("/documents/" + receiptNo).doesNotContain(insuredNo);
        assertThat(officer.findElement(By.id("payload")).getText()).contains("更新申請", "デモ内科クリニック");
        Browser.go(officer, officer.findElement(By.cssSelector("#accept-form button")));
        assertThat(officer.findElement(By.id("status")).getText()).isEqualTo("受理");
        Browser.screenshot(officer, SHOTS + "02-clerk-accepts");
        assertThat(sql.sql("select count(*) from certification.cases where insurer_no = :i and insured_no = :p"
                + " and status = 'open'").param("i", insurer).param("p", insuredNo).query(Integer.class).single())
                .as("the acceptance opened the case").isEqualTo(1);
    }

    // ---------------------------------------------------------------- the parties

    /** The person at home with their card (linked at the counter), signed in through the card page. */
    private ChromeDriver personWithCard() {
        SimulatedCard card = jlis.issueCard();
        try {
            cards.link(card.authCertificate().getEncoded(), insurer, insuredNo, Party.municipality(insurer));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        ChromeDriver home = Browser.open(pki, port, null, null);
        browsers.add(home);
        home.get("https://localhost:" + port + "/portal");
        Browser.go(home, home.findElement(By.linkText("マイナンバーカードでログイン")));
        home.findElement(By.id("cardAnswer")).sendKeys(answer(card, home.findElement(By.id("challenge")).getText()));
        Browser.go(home, home.findElement(By.cssSelector("#main form button[type=submit]")));
        return home;
    }

    private ChromeDriver staffBrowser(Party organisation, Enrolment enrolment) {
        ChromeDriver browser = Browser.signedIn(pki, port, organisation, enrolment);
        browsers.add(browser);
        return browser;
    }

    /** The administrator's own session, for enrolling the other staff as the administrator page would. */
    private StaffSession session(Party organisation, Enrolment enrolment) {
        IssuedTokens tokens = staff.signIn(organisation, enrolment.loginId(), Browser.STAFF_PASSWORD,
                Totp.code(Base32.decode(enrolment.totpSecret()), Totp.step(java.time.Instant.now())));
        return staff.authenticate(organisation, tokens.accessToken()).orElseThrow();
    }

    // ---------------------------------------------------------------- forms

    private static void type(ChromeDriver browser, String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private static void choose(ChromeDriver browser, String name, String value) {
        browser.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']")).click();
    }

    private static String answer(SimulatedCard card, String challenge) {
        var signed = CardReader.sign(card.authCertificate(), card.authKey(), Base64.getDecoder().decode(challenge.strip()));
        return "{\"certificate\":\"" + Base64.getEncoder().encodeToString(signed.certificate()) + "\",\"signature\":\""
                + Base64.getEncoder().encodeToString(signed.signature()) + "\"}";
    }

    private void load(String type, String csv) {
        var omitted = imports.columnsMissingFrom(type, List.of(csv.substring(0, csv.indexOf('\n')).split(",")));
        var report = imports.importFile(new ImportRequest(insurer, type, ImportMode.FULL, FileFormat.CSV, "UTF-8",
                type + ".csv", omitted), new ByteArrayInputStream((csv + "\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(report.rejectedRows()).as(report.toString()).isZero();
    }

    private static LocalDate today() {
        return Inputs.today();
    }
}
