package jp.kaigo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kaigo.consent.Consents;
import jp.kaigo.identity.OfficeMaster;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.ingest.FileFormat;
import jp.kaigo.ingest.FileImports;
import jp.kaigo.ingest.ImportMode;
import jp.kaigo.ingest.ImportRequest;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.JapaneseDates;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.Party;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A care manager's morning in Chromium: a typo in the birth date answers 「見つかりません」 and keeps what was
 * typed; the corrected 資格確認 registers a new client; next month's re-check of the same client says 「担当中」
 * and leads to the person's page, which opens with the summary (care level and until when, co-payment, the
 * monthly limit, the plan, what began since the office last looked) and lets the office end its service. Every
 * page on the way is checked by axe-core at 1280 and 390 pixels; screenshots of both widths are kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OfficeMorningJourneyTests {
    private static final AtomicInteger NEXT = new AtomicInteger(500);
    private static final String PASSWORD = Browser.STAFF_PASSWORD;
    private static final String BIRTH = "1938-02-03";
    private static final String INSURED_HEADER =
            "保険者番号,被保険者番号,履歴番号,有効開始日,有効終了日,氏名,氏名カナ,生年月日,性別,住所,被保険者区分,資格取得日,資格取得事由,資格喪失日,資格喪失事由";
    private static final String CERTIFICATE_HEADER =
            "保険者番号,被保険者番号,履歴番号,有効開始日,有効終了日,要介護状態区分,認定年月日,認定有効期間開始日,認定有効期間終了日,区分支給限度基準額";

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
    OfficeMaster master;
    @Autowired
    Consents consents;

    String insurer;
    String insuredNo;
    ChromeDriver browser;
    final List<String> accessibility = new ArrayList<>();

    @BeforeEach
    void personWithACareLevel() {
        int n = NEXT.getAndIncrement();
        insurer = InsurerNumber.withCheckDigit("46" + n).value();
        insuredNo = "00000" + n + "01";
        registry.registerInsurer(new InsurerNumber(insurer), "テスト町" + n);
        load("insured", INSURED_HEADER + "\n" + String.join(",", insurer, insuredNo, "1", "2026-04-01", "", "介護 太郎",
                "カイゴ タロウ", BIRTH, "1", "沖縄県テスト町1番地", "1", "2003-02-03", "01", "", ""));
        load("care-certificate", CERTIFICATE_HEADER + "\n" + String.join(",", insurer, insuredNo, "1", "2025-04-01",
                "", "23", "2025-03-18", "2025-04-01", "2027-03-31", "27048"));
        consents.registerBlanket(insurer, insuredNo, "認定申請");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theMonthlyRecheckOfAClientSaysInChargeAndOpensTheSummary() {
        String office = newOffice();
        browser = staffBrowser(Party.office(office), "morning.cm", JobType.CARE_MANAGER);
        check("office-home");

        // a typo in the birth date: the answer says nobody was found and keeps every typed value for the correction
        confirm("S13.2.4");
        assertThat(browser.findElement(By.id("status")).getAttribute("data-status")).isEqualTo("UNKNOWN");
        assertThat(browser.findElement(By.id("insurerNo")).getAttribute("value")).isEqualTo(insurer);
        assertThat(browser.findElement(By.id("insuredNo")).getAttribute("value")).isEqualTo(insuredNo);
        assertThat(browser.findElement(By.id("birthDate")).getAttribute("value")).isEqualTo("S13.2.4");
        check("office-unknown");
        browser.findElement(By.id("birthDate")).clear();
        browser.findElement(By.id("birthDate")).sendKeys("19380203");
        Browser.go(browser, browser.findElement(By.cssSelector("section[aria-labelledby=again] button")));
        assertThat(browser.findElement(By.id("status")).getText()).contains("資格があります")
                .contains(JapaneseDates.format(today()));
        assertThat(browser.findElement(By.id("data-received")).getText()).as("how fresh the municipal data is")
                .startsWith("保険者から受け取ったデータに基づく回答です(受領:被保険者 ").doesNotContain("被保険者 未受領");
        assertThat(browser.findElements(By.id("in-charge"))).isEmpty();
        new Select(browser.findElement(By.id("serviceType"))).selectByValue("43");
        Browser.go(browser, browser.findElement(By.cssSelector("section[aria-labelledby=register] button")));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("担当事業所として登録しました");
        assertThat(browser.findElement(By.id("summary")).getText()).contains("初めて");

        // the 認定 changes after the office's first look
        load("care-certificate", CERTIFICATE_HEADER + "\n" + String.join(",", insurer, insuredNo, "1", "2025-04-01",
                today().minusDays(1).toString(), "23", "2025-03-18", "2025-04-01", "2027-03-31", "27048") + "\n"
                + String.join(",", insurer, insuredNo, "2",
                today().toString(), "", "24", today().minusDays(3).toString(), today().toString(),
                today().plusYears(1).toString(), "30938"));

        // next month's re-check: 「担当中」 and the way to the person, no second registration offered
        browser.get("https://localhost:" + port + "/portal/office");
        confirm("昭和13年2月3日");
        assertThat(browser.findElement(By.id("in-charge")).getText()).contains("担当中").contains("居宅介護支援");
        assertThat(browser.findElements(By.cssSelector("section[aria-labelledby=register]"))).isEmpty();
        assertThat(browser.findElement(By.id("register-more")).getAttribute("open")).isNull();
        check("office-in-charge");

        Browser.go(browser, browser.findElement(By.id("open-person")));
        String summary = browser.findElement(By.id("summary")).getText();
        assertThat(browser.findElement(By.id("summary-care-level")).getText())
                .isEqualTo("要介護4(" + JapaneseDates.format(today().plusYears(1)) + "まで)");
        assertThat(browser.findElement(By.id("summary-limit")).getText()).isEqualTo("30,938 単位/月");
        assertThat(browser.findElement(By.id("summary-news")).getText()).contains("前回の閲覧")
                .contains("被保険者証(要介護認定等)(" + JapaneseDates.format(today()) + ")");
        assertThat(summary).doesNotContain("(24)");
        // the certificate itself: amounts with their unit, a code only as a small note beside its meaning
        String card = browser.findElement(By.id("insurance-card")).getText();
        assertThat(card).contains("30,938 単位/月").doesNotContain("要介護4(24)");
        assertThat(browser.findElement(By.cssSelector("#insurance-card .code")).getText()).isNotBlank();
        // the summary is the first thing on a phone's screen
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        Number bottom = (Number) browser.executeScript(
                "return document.getElementById('summary').getBoundingClientRect().bottom");
        assertThat(bottom.intValue()).isLessThanOrEqualTo(844);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
        check("office-person-summary");

        // the office ends its service from the person's page
        browser.findElement(By.cssSelector("#services summary")).click();
        Browser.go(browser, browser.findElement(By.cssSelector("#services button")));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("担当を終了しました");
        assertThat(browser.findElements(By.id("services"))).isEmpty();

        assertThat(accessibility).as("axe-core: serious or critical problems").isEmpty();
    }

    /**
     * 居宅介護支援 (43) for a 要支援2 person: the registration is refused, the answer page shows the reason next to the
     * form (介護予防支援 (46) is the one) and keeps the service type and the start date as typed; nothing is registered.
     */
    @Test
    void aRegistrationThatDoesNotFitTheCareLevelIsRefusedWithTheReasonBesideTheForm() {
        // 要支援2, living in a 特定施設 (a residence: a warning, not a refusal, for care management)
        load("care-certificate", CERTIFICATE_HEADER + ",介護保険施設等1種類,介護保険施設等1入所年月日\n" + String.join(",", insurer,
                insuredNo, "1", "2025-04-01", "", "13", "2025-03-18", "2025-04-01", "2027-03-31", "10531", "6",
                "2025-06-01"));
        String office = newOffice();
        browser = staffBrowser(Party.office(office), "support.cm", JobType.CARE_MANAGER);
        confirm("19380203");
        new Select(browser.findElement(By.id("serviceType"))).selectByValue("43");
        String typedStart = JapaneseDates.format(today().minusDays(3));
        browser.findElement(By.id("startDate")).clear();
        browser.findElement(By.id("startDate")).sendKeys(typedStart);
        Browser.go(browser, browser.findElement(By.cssSelector("section[aria-labelledby=register] button")));

        String refusal = browser.findElement(By.id("registration-refused")).getText();
        assertThat(refusal).contains("登録できません").contains("介護予防支援(46)").contains("サービス種類");
        assertThat(browser.findElement(By.cssSelector("#registration-refused li")).getAttribute("data-field"))
                .isEqualTo("serviceType");
        assertThat(browser.findElement(By.id("status")).getText()).contains("資格があります");
        assertThat(new Select(browser.findElement(By.id("serviceType"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("43");
        assertThat(browser.findElement(By.id("startDate")).getAttribute("value")).isEqualTo(typedStart);
        assertThat(browser.findElements(By.cssSelector("section[aria-labelledby=register] form"))).hasSize(1);
        check("office-registration-refused");

        // 介護予防支援 fits: registered, and the person's page says what to check (the 特定施設 stay)
        new Select(browser.findElement(By.id("serviceType"))).selectByValue("46");
        Browser.go(browser, browser.findElement(By.cssSelector("section[aria-labelledby=register] button")));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("担当事業所として登録しました");
        assertThat(browser.findElement(By.id("registration-warnings")).getText()).contains("確かめてください")
                .contains("特定施設");
        assertThat(browser.findElement(By.cssSelector("#registration-warnings li")).getAttribute("data-rule"))
                .isEqualTo("FACILITY_STAY");
        check("office-registered-with-warning");
        assertThat(accessibility).as("axe-core: serious or critical problems").isEmpty();
    }

    /** 資格確認 by numbers, typed as a person reads them off the paper card. */
    private void confirm(String birthDate) {
        browser.findElement(By.id("insurerNo")).clear();
        browser.findElement(By.id("insurerNo")).sendKeys(insurer);
        browser.findElement(By.id("insuredNo")).clear();
        browser.findElement(By.id("insuredNo")).sendKeys(insuredNo);
        browser.findElement(By.id("birthDate")).clear();
        browser.findElement(By.id("birthDate")).sendKeys(birthDate);
        Browser.go(browser, browser.findElement(By.cssSelector("section[aria-labelledby=by-number] button")));
    }

    /** axe-core at a desktop's and a phone's width, and a screenshot of each. */
    private void check(String name) {
        accessibility.addAll(Browser.accessibilityProblems(browser, 1280));
        accessibility.addAll(Browser.accessibilityProblems(browser, 390));
        Browser.screenshot(browser, name);
        Browser.screenshot(browser, name + "-390", 390);
    }

    private static LocalDate today() {
        return jp.kaigo.ingest.Inputs.today();
    }

    private void load(String type, String csv) {
        // the fixture fills the columns the journey needs and names the others as omitted
        var omitted = imports.columnsMissingFrom(type, java.util.List.of(csv.substring(0, csv.indexOf('\n')).split(",")));
        var report = imports.importFile(new ImportRequest(insurer, type, ImportMode.FULL, FileFormat.CSV, "UTF-8",
                type + ".csv", omitted), new ByteArrayInputStream((csv + "\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(report.rejectedRows()).as(report.toString()).isZero();
    }

    /** A browser holding the office's certificate, its new administrator (a care manager) signed in. */
    private ChromeDriver staffBrowser(Party organisation, String loginId, JobType job) {
        return Browser.signedInStaff(pki, staff, port, organisation, loginId, job);
    }

    /** A new 居宅介護支援事業所, designated for 43 and 46 in the office master. */
    private String newOffice() {
        String office = OfficeNumber.withCheckDigit("4673" + String.format("%05d", NEXT.getAndIncrement())).value();
        var designated = master.importDesignations(("事業所番号,サービス種類コード,指定年月日,指定有効期間満了日,指定権者\n"
                + office + ",43," + today().minusYears(1) + "," + today().plusYears(1) + ",沖縄県\n"
                + office + ",46," + today().minusYears(1) + "," + today().plusYears(1) + ",沖縄県\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(designated.refused()).as(designated.problems().toString()).isFalse();
        return office;
    }
}
