package jp.kaigo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kaigo.audit.AuditEntry;
import jp.kaigo.audit.AuditLog;
import jp.kaigo.consent.Consents;
import jp.kaigo.identity.OfficeMaster;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.identity.SimulatedJlis;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.ingest.FileFormat;
import jp.kaigo.ingest.FileImports;
import jp.kaigo.ingest.ImportMode;
import jp.kaigo.ingest.ImportRequest;
import jp.kaigo.ingest.Inputs;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The insured person's own view as an 88-year-old and their family use it, in Chromium at 1280×800 and on a phone
 * (390×844, DevTools device emulation): a greeting and the summary on the first screen, what is new since the last
 * visit (still new after a reload), an office's many looks as one plain line per day, a consent change answered by
 * a sentence naming what changed; no date left ISO, no code, text at least 18 px, touch targets at least 44 px; axe
 * finds nothing serious at either width. Prints the page's height at both widths (issue 14 measured 16,700 and
 * 35,800 px).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonViewJourneysTests {
    private static final AtomicInteger NEXT = new AtomicInteger(760);
    private static final String PASSWORD = Browser.STAFF_PASSWORD;
    private static final String BIRTH = "1938-02-03";
    private static final String OFFICE_NAME = "ひまわり居宅介護支援センター";
    private static final String INSURED_HEADER =
            "保険者番号,被保険者番号,履歴番号,有効開始日,有効終了日,氏名,氏名カナ,生年月日,性別,住所,被保険者区分,資格取得日,資格取得事由,資格喪失日,資格喪失事由";
    private static final String CERTIFICATE_HEADER =
            "保険者番号,被保険者番号,履歴番号,有効開始日,有効終了日,要介護状態区分,認定年月日,認定有効期間開始日,認定有効期間終了日,区分支給限度基準額";
    private static final List<String> PUBLICATION_HEADER = List.of("都道府県コード又は市町村コード", "No", "都道府県名",
            "市区町村名", "事業所名", "事業所名カナ", "サービスの種類", "住所", "方書（ビル名等）", "緯度", "経度", "電話番号",
            "FAX番号", "法人番号", "法人の名称", "事業所番号", "利用可能曜日", "利用可能曜日特記事項", "定員", "URL",
            "高齢者の方と障害者の方が同時一体的に利用できるサービス", "介護保険の通常の指定基準を満たしている",
            "障害福祉の通常の指定基準を満たしている", "備考");

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
    @Autowired
    SimulatedJlis jlis;
    @Autowired
    JdbcClient sql;
    @Autowired
    AuditLog audit;

    String insurer;
    String insuredNo;
    String office;
    ChromeDriver browser;
    ChromeDriver home;
    final List<String> accessibility = new ArrayList<>();

    @BeforeEach
    void personAged88WithACareLevel() {
        int n = NEXT.getAndIncrement();
        insurer = InsurerNumber.withCheckDigit("45" + n).value();
        insuredNo = "00000" + n + "01";
        registry.registerInsurer(new InsurerNumber(insurer), "テスト市" + n);
        load("insured", INSURED_HEADER + "\n" + String.join(",", insurer, insuredNo, "1", "2026-04-01", "", "介護 花子",
                "カイゴ ハナコ", BIRTH, "2", "沖縄県テスト市1番地", "1", "2003-02-03", "01", "", ""));
        load("care-certificate", CERTIFICATE_HEADER + "\n" + String.join(",", insurer, insuredNo, "1",
                today().minusMonths(6).toString(), "", "23", today().minusMonths(6).minusDays(14).toString(),
                today().minusMonths(6).toString(), today().plusMonths(6).toString(), "27048"));
        consents.registerBlanket(insurer, insuredNo, "認定申請");
    }

    @AfterEach
    void closeBrowsers() {
        for (ChromeDriver opened : new ChromeDriver[] {browser, home}) {
            if (opened != null) {
                opened.quit();
            }
        }
        assertThat(accessibility).as("axe-core: serious or critical problems").isEmpty();
    }

    @Test
    void theSummaryFitsAPhoneAndTheOfficesLooksReadAsOneLine() {
        // earlier today ten other offices looked once each (as their systems would, through the API)
        List<AuditEntry> others = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            others.add(new AuditEntry("disclosure", "office", OfficeNumber.withCheckDigit("4575" + String.format("%05d",
                    NEXT.getAndIncrement())).value(), "CLERK", insurer, insuredNo, "被保険者証", "介護サービスの提供",
                    "permit:CONSENTED"));
        }
        audit.recordAll(others);
        office = namedOffice();
        browser = staffBrowser(Party.office(office), "himawari.cm", JobType.CARE_MANAGER);
        confirmAndRegister();
        // the office looks at the person's page twice more the same day
        String personPage = browser.getCurrentUrl();
        browser.get(personPage);
        browser.get(personPage);
        assertThat(browser.findElement(By.id("main")).getText()).as(personPage).contains("介護 花子");
        // and opens what was closed to it in an emergency, with a reason
        browser.findElement(By.id("reason")).sendKeys("救急搬送時の服薬状況の確認のため");
        Browser.go(browser, browser.findElement(By.cssSelector("section.emergency button")));

        // the person was last here two days ago
        Instant before = Instant.now().minus(2, ChronoUnit.DAYS);
        sql.sql("insert into person.visits (visit_id, insurer_no, insured_no, viewer, started_at, last_seen_at) "
                + "values (?, ?, ?, 'person', ?, ?)").params(UUID.randomUUID(), insurer, insuredNo,
                before.atOffset(java.time.ZoneOffset.UTC), before.plusSeconds(600).atOffset(java.time.ZoneOffset.UTC)).update();

        signInWithCard();
        long desktopHeight = height(1280);
        long phoneHeight = phoneHeight();
        System.out.println("person view scrollHeight: " + desktopHeight + " px at 1280, " + phoneHeight + " px at 390");

        assertThat(home.findElement(By.tagName("h1")).getText()).isEqualTo("介護 花子さん、こんにちは");
        assertThat(home.findElement(By.id("summary-card")).getText()).isEqualTo("有効です");
        assertThat(home.findElement(By.id("summary-level")).getText())
                .isEqualTo("要介護3(" + JapaneseDates.format(today().plusMonths(6)) + " まで)");
        assertThat(home.findElement(By.id("summary-offices")).getText()).isEqualTo(OFFICE_NAME + "(居宅介護支援)");
        String news = home.findElement(By.id("summary-news")).getText();
        assertThat(news).contains("前回(").contains("「わたしの情報を見た記録」に新しい記録が").contains("保険者(市町村)が包括同意を登録しました");

        // on a phone the greeting and the whole summary are on the first screen
        phone();
        Number innerWidth = (Number) home.executeScript("return window.innerWidth");
        assertThat(innerWidth.intValue()).isEqualTo(390);
        Number bottom = (Number) home.executeScript("return document.getElementById('summary').getBoundingClientRect().bottom");
        assertThat(bottom.intValue()).as("the summary's bottom at 390×844").isLessThanOrEqualTo(844);
        phoneScreenshot("person-view-390");
        accessibility.addAll(Browser.accessibilityProblems(home, 390));
        assertThat(tooSmall()).as("text under 18 px or touch targets under 44 px at 390").isEmpty();
        desktop();
        Browser.screenshot(home, "person-view-1280");
        accessibility.addAll(Browser.accessibilityProblems(home, 1280));
        assertThat(tooSmall()).as("text under 18 px or touch targets under 44 px at 1280").isEmpty();

        // who looked: the office's reads of today are one line, in plain words
        home.findElement(By.cssSelector("#accesses summary")).click();
        List<String> lines = home.findElements(By.cssSelector("#looked li")).stream().map(WebElement::getText).toList();
        String today = today().getMonthValue() + "月" + today().getDayOfMonth() + "日";
        List<String> looks = lines.stream().filter(l -> l.contains(OFFICE_NAME + "(居宅介護支援)が " + today + " に ")
                && l.contains("回 見ました: ")).toList();
        assertThat(looks).as(String.join("\n", lines)).hasSize(1);
        assertThat(looks.get(0)).contains("被保険者証").startsWith("新しい");
        assertThat(lines).anyMatch(l -> l.contains("資格を確認しました"))
                .anyMatch(l -> l.contains("担当事業所として登録しました: 居宅介護支援"));
        // no code and no enum's name (LIFE情報 is the information's official name)
        assertThat(String.join("\n", lines).replace("LIFE情報", "")).doesNotContain(office).doesNotContainPattern("[A-Z_]{4,}");
        // the break-glass stays visible on its own line, and above, who opened it and why
        assertThat(home.findElements(By.cssSelector("#looked li.emergency")).stream().map(WebElement::getText).toList())
                .anyMatch(l -> l.contains(OFFICE_NAME + "(居宅介護支援)が " + today + " に ") && l.contains("緊急時の閲覧を始めました"));
        assertThat(home.findElement(By.cssSelector("#accesses section.emergency")).getText()).contains(OFFICE_NAME)
                .contains("介護支援専門員").contains("救急搬送時の服薬状況の確認のため").doesNotContain("CARE_MANAGER");
        // ten groups a page: the next page, and back
        assertThat(lines).hasSize(10);
        Browser.go(home, home.findElement(By.linkText("次へ")));
        assertThat(home.findElement(By.id("accesses")).getAttribute("open")).isNotNull();
        assertThat(home.findElements(By.cssSelector("#looked li"))).isNotEmpty();
        assertThat(home.findElement(By.cssSelector("#accesses .pager")).getText()).contains("2 / 2 ページ");
        accessibility.addAll(Browser.accessibilityProblems(home, 1280));
        Browser.go(home, home.findElement(By.linkText("前へ")));
        assertThat(home.findElements(By.cssSelector("#looked li"))).hasSize(10);

        // a reload a minute later is the same visit: what was new stays new
        home.navigate().refresh();
        assertThat(home.findElement(By.id("summary-news")).getText()).isEqualTo(news);

        // the person stops showing the care plan to this office, and reads exactly what changed
        home.findElement(By.cssSelector("#consents summary")).click();
        new Select(home.findElement(By.id("partyKind"))).selectByValue("office");
        home.findElement(By.id("partyNumber")).sendKeys(office);
        new Select(home.findElement(By.id("category"))).selectByValue("care-plan");
        home.findElement(By.id("decision-refuse")).click();
        Browser.go(home, home.findElement(By.cssSelector("#consent-form button[type=submit]")));
        assertThat(home.findElement(By.id("consent-changed")).getText())
                .isEqualTo(OFFICE_NAME + "(居宅介護支援) に、ケアプランの情報を見せないようにしました");
        assertThat(home.findElement(By.id("consents")).getAttribute("open")).isNotNull();
        assertThat(home.findElement(By.id("consent-list")).getText()).contains(OFFICE_NAME).contains(today)
                .doesNotContain(office);

        // every section opened: no date left ISO, no raw code
        home.executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
        String all = home.findElement(By.id("main")).getText();
        assertThat(all).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}").doesNotContain("UNKNOWN").doesNotContain("CARE_MANAGER");
        Browser.screenshot(home, "person-view-all-open");
        accessibility.addAll(Browser.accessibilityProblems(home, 1280));
        phone();
        accessibility.addAll(Browser.accessibilityProblems(home, 390));
        assertThat(tooSmall()).as("text under 18 px or touch targets under 44 px, all open at 390").isEmpty();
        phoneScreenshot("person-view-all-open-390");
        desktop();
    }

    /** Elements on the person's page whose own text is under 18 px, and touch targets under 44 px high. */
    @SuppressWarnings("unchecked")
    private List<String> tooSmall() {
        return (List<String>) home.executeScript("""
                const problems = [];
                const visible = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
                for (const e of document.querySelectorAll('body *')) {
                  if (!visible(e) || e.closest('.skip')) continue;
                  const text = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
                  if (text && parseFloat(getComputedStyle(e).fontSize) < 18)
                    problems.push('text ' + getComputedStyle(e).fontSize + ': ' + e.textContent.trim().slice(0, 30));
                }
                for (const e of document.querySelectorAll(
                    'a, button, summary, select, input:not([type=radio]):not([type=hidden]), label.check')) {
                  if (!visible(e) || e.closest('.skip')) continue;
                  const r = e.getBoundingClientRect();
                  if (r.height < 44) problems.push('target ' + Math.round(r.height) + 'px: ' + e.tagName + ' ' + e.textContent.trim().slice(0, 30));
                }
                return problems;
                """);
    }

    /** The page as a phone shows it: DevTools device emulation, so the viewport really is 390 wide. */
    private void phone() {
        home.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    }

    private void desktop() {
        home.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        home.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
    }

    private long phoneHeight() {
        phone();
        long h = ((Number) home.executeScript("return document.documentElement.scrollHeight")).longValue();
        desktop();
        return h;
    }

    private long height(int width) {
        home.manage().window().setSize(new org.openqa.selenium.Dimension(width, 800));
        return ((Number) home.executeScript("return document.documentElement.scrollHeight")).longValue();
    }

    /** The first screen at 390×844 and the whole page at 390 wide, under target/screenshots. */
    private void phoneScreenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(dir.resolve(name + "-first-screen.png"), home.getScreenshotAs(OutputType.BYTES));
            long h = ((Number) home.executeScript("return document.documentElement.scrollHeight")).longValue();
            home.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", (int) Math.max(844, h), "deviceScaleFactor", 1, "mobile", true));
            Files.write(dir.resolve(name + ".png"), home.getScreenshotAs(OutputType.BYTES));
            phone();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The person ties their card to their numbers the first time, then signs in with it. */
    private void signInWithCard() {
        home = Browser.personSignedIn(pki, port, jlis.issueCard(), insurer, insuredNo, BIRTH);
    }

    /** 資格確認 by number, then registration as 担当事業所 for 居宅介護支援; ends on the person's page. */
    private void confirmAndRegister() {
        browser.findElement(By.id("insurerNo")).sendKeys(insurer);
        browser.findElement(By.id("insuredNo")).sendKeys(insuredNo);
        browser.findElement(By.id("birthDate")).sendKeys("S13.2.3");
        Browser.go(browser, browser.findElement(By.cssSelector("section[aria-labelledby=by-number] button")));
        new Select(browser.findElement(By.id("serviceType"))).selectByValue("43");
        Browser.go(browser, browser.findElement(By.cssSelector("section[aria-labelledby=register] button")));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("担当事業所として登録しました");
    }

    /** A 居宅介護支援事業所 with its name in the office master (open data) and its designation for 43. */
    private String namedOffice() {
        String number = OfficeNumber.withCheckDigit("4574" + String.format("%05d", NEXT.getAndIncrement())).value();
        List<String> cells = new ArrayList<>(List.of("471016", "1", "沖縄県", "那覇市", OFFICE_NAME, "ヒマワリ",
                "居宅介護支援", "沖縄県那覇市1-2-3", "", "26.21", "127.68", "098-000-0000", "098-000-0001", "1234567890123",
                "社会福祉法人ひまわり", number, "月火水木金", "", "", "", "", "", "", ""));
        var published = master.importPublication("jigyosho_430.csv", (String.join(",", PUBLICATION_HEADER) + "\r\n"
                + String.join(",", cells) + "\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(published.problems()).isEmpty();
        var designated = master.importDesignations(("事業所番号,サービス種類コード,指定年月日,指定有効期間満了日,指定権者\n"
                + number + ",43," + today().minusYears(1) + "," + today().plusYears(1) + ",沖縄県\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(designated.refused()).as(designated.problems().toString()).isFalse();
        return number;
    }

    private ChromeDriver staffBrowser(Party organisation, String loginId, JobType job) {
        return Browser.signedInStaff(pki, staff, port, organisation, loginId, job);
    }

    private void load(String type, String csv) {
        // the fixture fills the columns the journey needs and names the others as omitted
        var omitted = imports.columnsMissingFrom(type, java.util.List.of(csv.substring(0, csv.indexOf('\n')).split(",")));
        var report = imports.importFile(new ImportRequest(insurer, type, ImportMode.FULL, FileFormat.CSV, "UTF-8",
                type + ".csv", omitted), new ByteArrayInputStream((csv + "\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(report.rejectedRows()).as(report.toString()).isZero();
    }

    private static LocalDate today() {
        return Inputs.today();
    }

}
