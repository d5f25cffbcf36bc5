package jp.kaigo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kaigo.consent.Consents;
import jp.kaigo.identity.CardReader;
import jp.kaigo.identity.MyNumberCards;
import jp.kaigo.identity.OfficeMaster;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.identity.SimulatedCard;
import jp.kaigo.identity.SimulatedJlis;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.ingest.FileFormat;
import jp.kaigo.ingest.FileImports;
import jp.kaigo.ingest.ImportMode;
import jp.kaigo.ingest.ImportRequest;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.Party;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The main journeys in a real headless Chromium: a care manager confirms an insurance by its numbers,
 * registers as 担当事業所 and opens the person (one record shown, one denied with its reason); the person
 * signs in with the card and withdraws consent, and the office's next view is denied; a municipal clerk
 * uploads a file with a bad row and reads the report. Each journey leaves a screenshot in
 * target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalJourneysTests {
    private static final AtomicInteger NEXT = new AtomicInteger(300);
    private static final String PASSWORD = Browser.STAFF_PASSWORD;
    private static final String BIRTH = "1938-02-03";
    private static final String HEADER =
            "保険者番号,被保険者番号,履歴番号,有効開始日,有効終了日,氏名,氏名カナ,生年月日,性別,住所,被保険者区分,資格取得日,資格取得事由,資格喪失日,資格喪失事由";
    /** The insured layout's columns {@link #HEADER} leaves out, as the clerk names them in the console's 省略する列. */
    private static final String OMITTED = "郵便番号,住所地特例区分,施設所在保険者番号,適用除外開始日,適用除外終了日,交付年月日";

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
    Consents consents;
    @Autowired
    SimulatedJlis jlis;
    @Autowired
    MyNumberCards cards;
    @Autowired
    OfficeMaster master;

    String insurer;
    String insuredNo;
    ChromeDriver browser;
    final List<String> accessibility = new ArrayList<>();

    @BeforeEach
    void municipalityWithOnePerson() {
        int n = NEXT.getAndIncrement();
        insurer = InsurerNumber.withCheckDigit("47" + n).value();
        insuredNo = "00000" + n + "01";
        registry.registerInsurer(new InsurerNumber(insurer), "テスト村" + n);
        var report = imports.importFile(new ImportRequest(insurer, "insured", ImportMode.FULL, FileFormat.CSV,
                "UTF-8", "insured.csv", imports.columnsMissingFrom("insured", java.util.List.of(HEADER.split(",")))),
                new ByteArrayInputStream((HEADER + "\n" + row(insuredNo, "介護 花子", BIRTH) + "\n")
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(report.rejectedRows()).isZero();
        consents.registerBlanket(insurer, insuredNo, "認定申請");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
        assertThat(accessibility).as("axe-core: serious or critical problems").isEmpty();
    }

    @Test
    void careManagerConfirmsRegistersAndOpensThePerson() {
        String office = newOffice();
        // the person refused LIFE for everyone after the municipality's 包括同意
        consents.decide(insurer, insuredNo, null, InformationCategory.LIFE, false, null);
        browser = staffBrowser(Party.office(office), "care.mgr", JobType.CARE_MANAGER);

        confirmAndRegister();
        assertThat(browser.findElement(By.id("insurance-card")).getText()).contains("介護 花子")
                .contains("昭和13年(1938年)2月3日(" + java.time.Period.between(LocalDate.parse(BIRTH), LocalDate.now()).getYears() + "歳)");
        assertThat(browser.findElement(By.id("life")).getText()).contains("閲覧できません").contains("本人が同意していません");
        Browser.screenshot(browser, "office-person");
        accessible(browser);

        // break-glass: with a typed reason this staff member's opening starts (72 hours; the person sees it), but
        // what the person refused stays closed
        String personPage = browser.getCurrentUrl();
        browser.findElement(By.id("reason")).sendKeys("救急搬送時の服薬状況の確認のため");
        Browser.go(browser, browser.findElement(By.cssSelector("section.emergency button")));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("緊急時の閲覧を開始しました")
                .doesNotContain("通知");
        assertThat(browser.findElement(By.id("life")).getText()).contains("本人が同意していません");

        // the office's people list finds the person; the 60-day filter leaves out one without a 認定 ending
        Browser.go(browser, browser.findElement(By.linkText("担当利用者")));
        assertThat(browser.findElement(By.tagName("table")).getText()).contains("介護 花子");
        accessible(browser);
        browser.findElement(By.name("expiring")).click();
        Browser.go(browser, browser.findElement(By.cssSelector("form.filters button")));
        assertThat(browser.findElement(By.tagName("table")).getText()).doesNotContain("介護 花子");
        assertThat(browser.getCurrentUrl()).doesNotContain(insuredNo);
        assertThat(personPage).doesNotContain(insuredNo).doesNotContain(insurer + "/");

        // the administrator adds a staff member (the one-time-code secret is shown once) and disables them
        Browser.go(browser, browser.findElement(By.linkText("職員管理")));
        browser.findElement(By.id("loginId")).sendKeys("helper.one");
        browser.findElement(By.id("password")).sendKeys("another long password");
        new Select(browser.findElement(By.id("jobType"))).selectByValue("CLERK");
        Browser.go(browser, browser.findElement(By.cssSelector("section[aria-labelledby=new-staff] button")));
        assertThat(browser.findElement(By.id("totp-secret")).getText()).matches("[A-Z2-7]{16,}=*");
        Browser.go(browser, browser.findElement(By.cssSelector("form.inline button.danger")));
        assertThat(browser.findElement(By.tagName("table")).getText()).contains("helper.one").contains("無効");
        accessible(browser);
    }

    @Test
    void personWithdrawsConsentAndTheOfficeIsDeniedNextTime() {
        String office = newOffice();
        browser = staffBrowser(Party.office(office), "care.mgr", JobType.CARE_MANAGER);
        confirmAndRegister();
        String personPage = browser.getCurrentUrl();
        assertThat(browser.findElement(By.id("insurance-card")).getText()).doesNotContain("閲覧できません");

        SimulatedCard card = jlis.issueCard();
        ChromeDriver home = Browser.open(pki, port, null, null);
        try {
            // the first time, the person ties their card to their numbers, then signs in with it
            home.get("https://localhost:" + port + "/portal");
            Browser.go(home, home.findElement(By.linkText("マイナンバーカードでログイン")));
            Browser.go(home, home.findElement(By.id("link-card")));
            home.findElement(By.id("cardAnswer")).sendKeys(answer(card, home.findElement(By.id("challenge")).getText()));
            home.findElement(By.id("insurerNo")).sendKeys(insurer);
            home.findElement(By.id("insuredNo")).sendKeys(insuredNo);
            home.executeScript("arguments[0].value = arguments[1]", home.findElement(By.id("birthDate")), BIRTH);
            Browser.go(home, home.findElement(By.cssSelector("#link-form button[type=submit]")));
            assertThat(home.findElement(By.cssSelector("[role=status]")).getText()).contains("カードを登録しました");
            home.findElement(By.id("cardAnswer")).sendKeys(answer(card, home.findElement(By.id("challenge")).getText()));
            Browser.go(home, home.findElement(By.cssSelector("#main form button[type=submit]")));
            assertThat(home.findElement(By.tagName("h1")).getText()).isEqualTo("介護 花子さん、こんにちは");
            // the sections open one at a time
            home.findElement(By.cssSelector("#insurance-card summary")).click();
            assertThat(home.findElement(By.id("insurance-card")).getText()).contains("介護 花子");
            // who looked: the office's 資格確認 and its reads (an office the master does not name, by its number)
            home.findElement(By.cssSelector("#accesses summary")).click();
            assertThat(home.findElement(By.id("accesses")).getText()).contains(office).contains("資格を確認しました");

            // withdraw consent for every organisation and every kind of information
            home.findElement(By.cssSelector("#consents summary")).click();
            new Select(home.findElement(By.id("partyKind"))).selectByValue("");
            new Select(home.findElement(By.id("category"))).selectByValue("");
            home.findElement(By.id("decision-refuse")).click();
            Browser.go(home, home.findElement(By.cssSelector("#consent-form button[type=submit]")));
            assertThat(home.findElement(By.cssSelector("[role=status]")).getText())
                    .isEqualTo("すべての事業所・医療機関 に、すべての情報を見せないようにしました");
            assertThat(home.findElement(By.id("consent-list")).getText()).contains("同意しない・撤回");
            Browser.screenshot(home, "person-withdraws-consent");
            Browser.screenshot(home, "person-on-a-phone", 390);
            accessible(home);

            browser.get(personPage);
            assertThat(browser.findElement(By.id("insurance-card")).getText())
                    .contains("閲覧できません").contains("本人が同意していません");
            Browser.screenshot(browser, "office-denied-after-withdrawal");

            // the person ends the office's care; the office is no longer in charge
            home.findElement(By.cssSelector("#offices summary")).click();
            Browser.go(home, home.findElement(By.cssSelector("#offices form button")));
            assertThat(home.findElement(By.id("offices")).getText()).contains("に終了");
            browser.get(personPage);
            assertThat(browser.findElement(By.id("insurance-card")).getText()).contains("この方の担当としての登録がありません");
        } finally {
            home.quit();
        }
    }

    @Test
    void careManagerConfirmsByCardAndRecordsConsentSignedAtTheTerminal() {
        String office = newOffice();
        consents.decide(insurer, insuredNo, null, null, false, null);
        SimulatedCard card = jlis.issueCard();
        cards.link(encoded(card), insurer, insuredNo, Party.municipality(insurer));
        browser = staffBrowser(Party.office(office), "care.mgr", JobType.CARE_MANAGER);

        Browser.go(browser, browser.findElement(By.linkText("カードで確認する")));
        browser.findElement(By.id("cardAnswer")).sendKeys(answer(card, browser.findElement(By.id("challenge")).getText()));
        Browser.go(browser, browser.findElement(By.cssSelector("#main form button[type=submit]")));
        assertThat(browser.findElement(By.id("status")).getText()).contains("資格があります");
        new Select(browser.findElement(By.id("serviceType"))).selectByValue("43");
        Browser.go(browser, browser.findElement(By.cssSelector("section[aria-labelledby=register] button")));
        assertThat(browser.findElement(By.id("insurance-card")).getText()).contains("本人が同意していません");

        // the person consents at this terminal: the card answers the challenge and signs the statement
        Browser.go(browser, browser.findElement(By.linkText("端末での同意")));
        browser.findElement(By.id("decision-give")).click();
        Browser.go(browser, browser.findElement(By.cssSelector("#consent-form button[type=submit]")));
        assertThat(browser.findElement(By.id("statement")).getText()).contains("相手先: 介護事業所 " + office)
                .contains("同意する");
        byte[] statement = Base64.getDecoder().decode(
                browser.findElement(By.id("statement")).getAttribute("data-base64"));
        var signedStatement = CardReader.sign(card.signCertificate(), card.signKey(), statement);
        String challengeAnswer = answer(card, browser.findElement(By.id("challenge")).getText());
        browser.findElement(By.id("cardAnswer")).sendKeys(challengeAnswer.substring(0, challengeAnswer.length() - 1)
                + ",\"signingCertificate\":\"" + Base64.getEncoder().encodeToString(signedStatement.certificate())
                + "\",\"statementSignature\":\"" + Base64.getEncoder().encodeToString(signedStatement.signature()) + "\"}");
        Browser.go(browser, browser.findElement(By.cssSelector("#main form button[type=submit]")));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("署名された同意を記録しました");
        assertThat(browser.findElement(By.id("insurance-card")).getText()).contains("介護 花子")
                .doesNotContain("閲覧できません");
        Browser.screenshot(browser, "office-terminal-consent");
    }

    @Test
    void municipalityUploadsAFileWithABadRowAndReadsTheReport() throws Exception {
        browser = staffBrowser(Party.municipality(insurer), "clerk", JobType.MUNICIPAL_OFFICER);
        Path file = Files.createTempFile("insured-", ".csv");
        // a 差分 file (each row with its 処理区分, 1 = insert), the console's default
        Files.writeString(file, "処理区分," + HEADER + "\n1," + row("0000099901", "沖縄 太郎", "1940-05-06") + "\n1,"
                + row("0000099902", "沖縄 次郎", "1941-02-30") + "\n");
        new Select(browser.findElement(By.id("recordType"))).selectByValue("insured");
        assertThat(new Select(browser.findElement(By.id("mode"))).getFirstSelectedOption().getAttribute("value"))
                .as("差分 unless 全量 is chosen").isEqualTo("differential");
        browser.findElement(By.id("omit")).sendKeys(OMITTED);
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        Browser.go(browser, browser.findElement(By.cssSelector("#upload-form button[type=submit]")));
        // the import runs in the background; until its report is there, the page says how far it got and
        // refreshes itself (the test reloads it rather than depend on when Chromium honours the refresh)
        new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofSeconds(1)).until(d -> {
            if (!d.findElements(By.id("rejected-rows")).isEmpty()) {
                return true;
            }
            assertThat(d.findElements(By.id("import-running"))).as(d.findElement(By.tagName("main")).getText()).isNotEmpty();
            assertThat(d.findElements(By.cssSelector("meta[http-equiv=refresh]"))).isNotEmpty();
            d.navigate().refresh();
            return false;
        });

        assertThat(browser.findElement(By.id("rejected-rows")).getText()).isEqualTo("1");
        WebElement rejections = browser.findElement(By.id("rejections"));
        assertThat(rejections.getText()).contains("3").contains("生年月日");
        assertThat(browser.findElement(By.id("rejections-csv")).getAttribute("href")).endsWith("/rejections.csv");
        Browser.screenshot(browser, "municipality-import-report");
        accessible(browser);
    }

    /**
     * A 全量 file without the municipality's one person: the console holds it and asks 「…1 件の被保険者(資格)の記録が
     * 削除されます」 with confirm and cancel; nothing is deleted until the confirmation, and the report then says 1 deleted.
     */
    @Test
    void municipalityConfirmsTheDeletionsOfAFullFile() throws Exception {
        browser = staffBrowser(Party.municipality(insurer), "clerk", JobType.MUNICIPAL_OFFICER);
        Path file = Files.createTempFile("insured-full-", ".csv");
        Files.writeString(file, HEADER + "\n" + row("0000099911", "沖縄 三郎", "1942-03-04") + "\n");
        new Select(browser.findElement(By.id("recordType"))).selectByValue("insured");
        new Select(browser.findElement(By.id("mode"))).selectByValue("full");
        browser.findElement(By.id("omit")).sendKeys(OMITTED);
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        Browser.go(browser, browser.findElement(By.cssSelector("#upload-form button[type=submit]")));
        waitForReport();
        assertThat(browser.findElement(By.id("import-status")).getAttribute("data-status")).isEqualTo("HELD");
        assertThat(browser.findElement(By.id("would-delete")).getText())
                .isEqualTo("この全量ファイルを取り込むと、1 件の被保険者(資格)の記録が削除されます。");
        assertThat(browser.findElement(By.id("deleted-rows")).getText()).isEqualTo("0");
        assertThat(registry.exists(new InsurerNumber(insurer), new jp.kaigo.shared.InsuredNumber(insuredNo))).isTrue();
        assertThat(registry.verifyIdentified(new InsurerNumber(insurer), new jp.kaigo.shared.InsuredNumber(insuredNo),
                jp.kaigo.ingest.Inputs.today())).as("nothing deleted before the confirmation")
                .isInstanceOf(jp.kaigo.registry.Eligibility.Insured.class);
        assertThat(browser.findElement(By.id("cancel-import")).isDisplayed()).isTrue();
        Browser.screenshot(browser, "municipality-full-import-confirmation");
        Browser.screenshot(browser, "municipality-full-import-confirmation-390", 390);
        accessible(browser);

        String importPage = browser.getCurrentUrl();
        Browser.go(browser, browser.findElement(By.id("confirm-import")));
        // the confirmed file is imported again in the background: the import's page (opened afresh, never a
        // re-sent form) shows its rows, then the report
        new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofSeconds(1)).until(d -> {
            var status = d.findElements(By.id("import-status"));
            if (!status.isEmpty() && "COMPLETED".equals(status.get(0).getAttribute("data-status"))) {
                return true;
            }
            d.get(importPage);
            return false;
        });
        assertThat(browser.findElement(By.id("deleted-rows")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("import-status")).getText()).contains("1 行を読み");
        assertThat(registry.verifyIdentified(new InsurerNumber(insurer), new jp.kaigo.shared.InsuredNumber(insuredNo),
                jp.kaigo.ingest.Inputs.today())).isInstanceOf(jp.kaigo.registry.Eligibility.Unknown.class);
        Browser.screenshot(browser, "municipality-full-import-confirmed");
    }

    /** The import page refreshes itself until the report is there; the test reloads it instead of waiting. */
    private void waitForReport() {
        new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofSeconds(1)).until(d -> {
            if (!d.findElements(By.id("import-status")).isEmpty()) {
                return true;
            }
            d.navigate().refresh();
            return false;
        });
    }

    @Test
    void municipalityFindsItsInsuredAndRegistersARepresentativeWhoThenSignsIn() {
        browser = staffBrowser(Party.municipality(insurer), "clerk", JobType.MUNICIPAL_OFFICER);
        Browser.go(browser, browser.findElement(By.linkText("被保険者")));
        browser.findElement(By.id("insuredNo")).sendKeys(insuredNo);
        Browser.go(browser, browser.findElement(By.cssSelector("#insured-filters button")));
        assertThat(browser.findElements(By.cssSelector("#insured-list tbody tr"))).hasSize(1);
        Browser.go(browser, browser.findElement(By.linkText("介護 花子")));
        assertThat(browser.findElement(By.id("insurance-card")).getText()).contains("昭和13年(1938年)2月3日")
                .doesNotContain("閲覧できません");
        assertThat(browser.getCurrentUrl()).doesNotContain(insuredNo);
        Browser.screenshot(browser, "municipality-person");
        accessible(browser);

        // the guardian comes to the counter with their own card
        SimulatedCard guardian = jlis.issueCard();
        Browser.go(browser, browser.findElement(By.linkText("市町村コンソール")));
        browser.findElement(By.id("repInsuredNo")).sendKeys(insuredNo);
        new Select(browser.findElement(By.id("kind"))).selectByValue("guardian");
        Browser.go(browser, browser.findElement(By.cssSelector("#representative-form button")));
        browser.findElement(By.id("cardAnswer")).sendKeys(answer(guardian, browser.findElement(By.id("challenge")).getText()));
        Browser.go(browser, browser.findElement(By.cssSelector("#main form button[type=submit]")));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("代理人を登録しました");

        ChromeDriver home = Browser.open(pki, port, null, null);
        try {
            home.get("https://localhost:" + port + "/portal/sign-in/card");
            home.findElement(By.id("cardAnswer")).sendKeys(answer(guardian, home.findElement(By.id("challenge")).getText()));
            home.findElement(By.tagName("summary")).click();
            home.findElement(By.id("insurerNo")).sendKeys(insurer);
            home.findElement(By.id("insuredNo")).sendKeys(insuredNo);
            Browser.go(home, home.findElement(By.cssSelector("#main form button[type=submit]")));
            assertThat(home.findElement(By.id("main")).getText()).contains("代理人(成年後見人)として閲覧しています")
                    .contains("介護 花子");
        } finally {
            home.quit();
        }
    }

    /** 資格確認 by number, then registration as 担当事業所 for 居宅介護支援; ends on the person's page. */
    private void confirmAndRegister() {
        browser.findElement(By.id("insurerNo")).sendKeys(insurer);
        browser.findElement(By.id("insuredNo")).sendKeys(insuredNo);
        // typed as the paper card says it, with the IME on (全角 digits)
        browser.findElement(By.id("birthDate")).sendKeys("昭和１３年２月３日");
        Browser.go(browser, browser.findElement(By.cssSelector("section[aria-labelledby=by-number] button")));
        assertThat(browser.findElement(By.id("status")).getText()).contains("資格があります");
        Browser.screenshot(browser, "office-eligibility");
        new Select(browser.findElement(By.id("serviceType"))).selectByValue("43");
        Browser.go(browser, browser.findElement(By.cssSelector("section[aria-labelledby=register] button")));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("担当事業所として登録しました");
    }

    /** axe-core's serious and critical findings on the page at a desktop's and a phone's width. */
    private void accessible(ChromeDriver on) {
        accessibility.addAll(Browser.accessibilityProblems(on, 1280));
        accessibility.addAll(Browser.accessibilityProblems(on, 390));
    }

    /** A browser holding the organisation's certificate, its new administrator signed in. */
    private ChromeDriver staffBrowser(Party organisation, String loginId, JobType job) {
        return Browser.signedInStaff(pki, staff, port, organisation, loginId, job);
    }

    /** A new 居宅介護支援事業所, designated for 43 in the office master (its staff register as 担当事業所). */
    private String newOffice() {
        String office = OfficeNumber.withCheckDigit("4772" + String.format("%05d", NEXT.getAndIncrement())).value();
        var designated = master.importDesignations(("事業所番号,サービス種類コード,指定年月日,指定有効期間満了日,指定権者\n"
                + office + ",43," + LocalDate.now().minusYears(1) + "," + LocalDate.now().plusYears(1) + ",沖縄県\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(designated.refused()).as(designated.problems().toString()).isFalse();
        return office;
    }

    private String row(String insuredNo, String name, String birth) {
        return String.join(",", insurer, insuredNo, "1", "2026-04-01", "", name, "カイゴ ハナコ", birth, "2",
                "沖縄県テスト村1番地", "1", "2005-04-01", "01", "", "");
    }

    /** What the card-reader app prints for the challenge shown on the page. */
    private static String answer(SimulatedCard card, String challenge) {
        var signed = CardReader.sign(card.authCertificate(), card.authKey(), Base64.getDecoder().decode(challenge.strip()));
        return "{\"certificate\":\"" + Base64.getEncoder().encodeToString(signed.certificate()) + "\",\"signature\":\""
                + Base64.getEncoder().encodeToString(signed.signature()) + "\"}";
    }


    private static byte[] encoded(SimulatedCard card) {
        try {
            return card.authCertificate().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
