package jp.kaigo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

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

        // 3. the officer: 認定案件 → the case → 認定調査を依頼する (the municipality's own surveyor)
        ChromeDriver surveyor = staffBrowser(Party.municipality(insurer), staff.createStaff(mayor, "surveyor" + n,
                Browser.STAFF_PASSWORD, JobType.MUNICIPAL_OFFICER, List.of()));
        Browser.go(officer, officer.findElement(By.linkText("認定案件")));
        Browser.go(officer, officer.findElement(By.xpath("//tr[contains(., '" + insuredNo + "')]//a")));
        String casePage = officer.getCurrentUrl();
        assertThat(text(officer, "progress")).isEqualTo("申請受付");
        fill(officer, Map.of("staffLoginId", "surveyor" + n, "requestKind", "0", "dueOn", today().plusDays(14).toString()));
        Browser.go(officer, officer.findElement(By.id("survey-submit")));
        assertThat(text(officer, "main")).contains("認定調査を依頼しました。");
        assertThat(text(officer, "progress")).isEqualTo("認定調査");

        // 4. the officer: 意見書作成を依頼する, to the 主治医 the application names (filled in from it)
        assertThat(officer.findElement(By.id("institutionCode")).getAttribute("value")).isEqualTo(clinic);
        fill(officer, Map.of("doctorKind", "1", "opinion-requestKind", "1", "opinion-dueOn",
                today().plusDays(14).toString()));
        Browser.screenshot(officer, SHOTS + "03-clerk-assigns-survey-and-asks-the-doctor");
        Browser.go(officer, officer.findElement(By.id("opinion-submit")));
        assertThat(text(officer, "main")).as(officer.getPageSource()).contains("意見書作成を依頼しました");

        // 5. the surveyor: 認定調査 → 調査票を入力する → the 74 items → 調査票を送信する; the officer accepts it
        Browser.go(surveyor, surveyor.findElement(By.linkText("認定調査")));
        assertThat(text(surveyor, "main")).contains(insuredNo);
        Browser.go(surveyor, surveyor.findElement(By.linkText("調査票を入力する")));
        fill(surveyor, survey());
        Browser.screenshot(surveyor, SHOTS + "04-surveyor-enters-the-survey");
        Browser.go(surveyor, surveyor.findElement(By.cssSelector("#compose-form button[type=submit]")));
        assertThat(text(surveyor, "main")).as(surveyor.getPageSource()).contains("送信しました。");
        acceptFromInbox(officer, "認定調査票");

        // 6. the clinic's doctor: 受信箱 → 主治医意見書作成依頼 → 意見書を作成する → 意見書を送信する; the officer accepts it
        ChromeDriver doctor = staffBrowser(Party.medicalInstitution(clinic), staff.registerFirstAdmin(
                Party.medicalInstitution(clinic), "doctor" + n, Browser.STAFF_PASSWORD, JobType.DOCTOR));
        Browser.go(doctor, doctor.findElement(By.linkText("受信箱・送信箱")));
        Browser.go(doctor, doctor.findElement(By.xpath("//tr[contains(., '主治医意見書作成依頼')]//a")));
        assertThat(text(doctor, "payload")).as("the doctor reads what is asked").contains("医師 一郎");
        Browser.go(doctor, doctor.findElement(By.id("compose-opinion")));
        fill(doctor, opinion());
        Browser.screenshot(doctor, SHOTS + "05-doctor-writes-the-opinion");
        Browser.go(doctor, doctor.findElement(By.cssSelector("#compose-form button[type=submit]")));
        assertThat(text(doctor, "main")).as(doctor.getPageSource()).contains("送信しました。");
        acceptFromInbox(officer, "主治医意見書");

        // 7. the officer: 一次判定を登録する (the official software's result), then 合議体 and 審査会
        officer.get(casePage);
        fill(officer, firstJudgement());
        Browser.go(officer, officer.findElement(By.id("judgement-submit")));
        assertThat(text(officer, "main")).as(officer.getPageSource()).contains("一次判定を登録しました。");
        assertThat(text(officer, "first-judgement")).isEqualTo("要介護2");
        Browser.screenshot(officer, SHOTS + "06-clerk-records-the-first-judgement");
        ChromeDriver member = committeeMember(mayor, "committee" + n);
        ChromeDriver otherMember = committeeMember(mayor, "committee2" + n);
        board(officer, "1", "第1合議体", "committee" + n);
        board(officer, "2", "第2合議体", "committee2" + n);
        Browser.go(officer, officer.findElement(By.linkText("審査会")));
        fill(officer, Map.of("boardNo", "1", "meetingOn", today().plusDays(3).toString()));
        Browser.go(officer, officer.findElement(By.cssSelector("#agenda-form button[type=submit]")));
        fill(officer, Map.of("insuredNo", insuredNo));
        Browser.go(officer, officer.findElement(By.cssSelector("#case-form button[type=submit]")));
        Browser.go(officer, officer.findElement(By.linkText("マスキングを確認する")));
        Browser.screenshot(officer, SHOTS + "07-clerk-reviews-the-masking");
        Browser.go(officer, officer.findElement(By.cssSelector("#main form button[type=submit]")));
        Browser.go(officer, officer.findElement(By.cssSelector("#publish-form button[type=submit]")));
        assertThat(text(officer, "status")).isEqualTo("公開済");

        // 8. the committee member of 第1合議体 sees that case only, masked; the member of 第2合議体 sees nothing
        member.get("https://localhost:" + port + "/portal/committee");
        Browser.go(member, member.findElement(By.linkText("資料を開く")));
        String packet = text(member, "main");
        assertThat(packet).contains("＊＊＊", "手すりにつかまれば座位を保てる")
                .doesNotContain(NAME, insuredNo, ADDRESS, "098-123-4567");
        Browser.screenshot(member, SHOTS + "08-committee-member-reads-the-masked-packet");
        String packetUrl = member.getCurrentUrl();
        otherMember.get("https://localhost:" + port + "/portal/committee");
        assertThat(text(otherMember, "main")).contains("いま表示できる資料はありません");
        otherMember.get(packetUrl);
        assertThat(text(otherMember, "main")).contains("ページが見つかりません")
                .doesNotContain("手すりにつかまれば座位を保てる", "事例番号");
        Browser.screenshot(otherMember, SHOTS + "09-other-board-member-is-refused");

        // 9. the officer records the 二次判定: 要介護2 for 12 months from the day after the current 認定 ends
        officer.get(casePage);
        LocalDate from = validTo.plusDays(1);
        LocalDate to = YearMonth.from(from).plusMonths(11).atEndOfMonth();
        fill(officer, Map.of("boardOn", today().toString(), "result", "22", "certifiedOn", today().toString(),
                "certValidFrom", from.toString(), "certValidTo", to.toString(), "boardOpinion", "特になし"));
        Browser.go(officer, officer.findElement(By.id("result-submit")));
        assertThat(text(officer, "main")).as(officer.getPageSource()).contains("二次判定を記録しました。");
        assertThat(text(officer, "result")).isEqualTo("要介護2");
        Browser.screenshot(officer, SHOTS + "10-clerk-records-the-result");

        // 10. the person: お知らせ → 認定結果通知
        home.get("https://localhost:" + port + "/portal/me/notices");
        eventually(home, "the 認定結果通知", () -> text(home, "notices").contains("要介護2"));
        assertThat(text(home, "notices")).contains("要介護認定", "要介護2");
        Browser.screenshot(home, SHOTS + "11-person-reads-the-result-notice");

        // 11. the care manager in charge: 受信箱 has the 進捗 of each step; the person's page shows the new 認定
        ChromeDriver careManager = staffBrowser(Party.office(office), staff.registerFirstAdmin(Party.office(office),
                "cm" + n, Browser.STAFF_PASSWORD, JobType.CARE_MANAGER));
        careManager.get("https://localhost:" + port + "/portal/office/inbox");
        By progress = By.xpath("//tr[contains(., '認定の進捗状況') and contains(., '" + insuredNo + "')]");
        eventually(careManager, "a progress notice for each step", () -> careManager.findElements(progress).size() >= 6);
        assertThat(careManager.findElements(progress)).as("申請受付, 調査, 意見書, 一次判定, 審査会, 認定: each once")
                .hasSize(6);
        Browser.screenshot(careManager, SHOTS + "12-care-manager-inbox-progress");
        careManager.get("https://localhost:" + port + "/portal/office/persons");
        Browser.go(careManager, careManager.findElement(By.linkText(NAME)));
        assertThat(careManager.findElement(By.xpath("//section[h2[normalize-space()='被保険者証']]")).getText())
                .as("the registry's 被保険者証 history has the new 認定").contains("要介護2", jp.kaigo.shared.JapaneseDates.format(validTo.plusDays(1)));
        Browser.screenshot(careManager, SHOTS + "13-care-manager-sees-the-new-certification");
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

    private ChromeDriver committeeMember(StaffSession mayor, String loginId) {
        return staffBrowser(Party.municipality(insurer), staff.createStaff(mayor, loginId, Browser.STAFF_PASSWORD,
                JobType.COMMITTEE_MEMBER, List.of()));
    }

    /** The officer creates the 合議体 and adds the member to it from today. */
    private static void board(ChromeDriver officer, String boardNo, String name, String loginId) {
        Browser.go(officer, officer.findElement(By.linkText("合議体")));
        fill(officer, Map.of("boardNo", boardNo, "name", name));
        Browser.go(officer, officer.findElement(By.cssSelector("#board-form button[type=submit]")));
        fill(officer, Map.of("loginId", loginId));
        Browser.go(officer, officer.findElement(By.cssSelector("#member-form button[type=submit]")));
        assertThat(text(officer, "main")).as(officer.getPageSource()).contains("委員を追加しました", loginId);
    }

    /** The officer opens the newest document of that kind from the person in the 受信箱 and accepts it. */
    private void acceptFromInbox(ChromeDriver officer, String kindLabel) {
        officer.get("https://localhost:" + port + "/portal/municipality/inbox");
        Browser.go(officer, officer.findElement(By.xpath("//tr[contains(., '" + insuredNo + "') and .//td[normalize-space()='"
                + kindLabel + "']]//a")));
        Browser.go(officer, officer.findElement(By.cssSelector("#accept-form button")));
        assertThat(text(officer, "status")).as(officer.getPageSource()).isEqualTo("受理");
    }

    /** A complete 調査票: at home, no services, every item answered; the 特記事項 name the person (to be masked). */
    private Map<String, String> survey() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("surveyedOn", today().toString());
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
        v.put("notes1", "1-5: " + NAME + "さんは手すりにつかまれば座位を保てる");
        return v;
    }

    /** The sample 意見書 as the clinic writes it today (the request's doctor and institution are filled in already). */
    private Map<String, String> opinion() {
        try (InputStream in = getClass().getResourceAsStream("/samples/doctor-opinion-09B-2026.json")) {
            Map<String, String> v = JsonMapper.builder().build().readValue(in,
                    new TypeReference<LinkedHashMap<String, String>>() {
                    });
            v.remove("institutionCode");
            v.remove("doctorName");
            v.put("writtenOn", today().toString());
            v.put("lastExaminedOn", today().minusDays(7).toString());
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 要介護2 at 52.3 minutes (the areas add up), as the official 一次判定 software prints it. */
    private static Map<String, String> firstJudgement() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("softwareInterface", "09B");
        v.put("firstJudgedOn", today().toString());
        v.put("firstJudgement", "22");
        v.put("dementiaAddition", "1");
        v.put("standardMinutes", "52.3");
        v.put("minutesMeal", "10.0");
        v.put("minutesExcretion", "10.0");
        v.put("minutesMovement", "5.0");
        v.put("minutesHygiene", "6.0");
        v.put("minutesIndirect", "5.0");
        v.put("minutesBpsd", "6.0");
        v.put("minutesTraining", "5.0");
        v.put("minutesMedical", "5.3");
        v.put("score1", "80.5");
        v.put("score2", "90.0");
        v.put("score3", "70.2");
        v.put("score4", "95.0");
        v.put("score5", "60.0");
        v.put("stability", "2");
        return v;
    }

    // ---------------------------------------------------------------- forms

    /**
     * Fills a form by its inputs' ids as the portal names them: a choice {@code key-code} is checked, any other
     * field (text, date, select) gets the value. A key with no field on the page fails the test.
     */
    private static void fill(ChromeDriver browser, Map<String, String> values) {
        Object missing = browser.executeScript("""
                const missing = [];
                for (const [key, value] of Object.entries(arguments[0])) {
                  const choice = document.getElementById(key + '-' + value);
                  if (choice && (choice.type === 'radio' || choice.type === 'checkbox')) { choice.checked = true; continue; }
                  const field = document.getElementById(key);
                  if (!field) { missing.push(key); continue; }
                  if (field.type === 'checkbox') { field.checked = value === '1'; } else { field.value = value; }
                }
                return missing.join(',');
                """, values);
        assertThat(missing).as("fields on the page").isEqualTo("");
    }

    private static String text(ChromeDriver browser, String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /**
     * Reloads the page until the condition holds (a notice is delivered after the commit), failing after 30 seconds.
     */
    private static void eventually(ChromeDriver browser, String what, java.util.function.BooleanSupplier condition) {
        long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within 30 seconds").isLessThan(until);
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            browser.navigate().refresh();
        }
    }

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
