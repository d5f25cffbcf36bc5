package jp.kaigo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kaigo.identity.CardReader;
import jp.kaigo.identity.Enrolment;
import jp.kaigo.identity.MyNumberCards;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.identity.SimulatedCard;
import jp.kaigo.identity.SimulatedJlis;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.ingest.FileImports;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.shared.InsuredPerson;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.Party;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 2次利用 in the browser (I18 "Done when"; screenshots in target/screenshots/statistics/): the municipality's officer
 * sets the 日常生活圏域, builds the indicators, filters by area and care level, downloads a table as CSV and opens
 * the printable page, then registers a research extract; the person, signed in with their card, sees that extract
 * under わたしのデータの利用 and stops research use of their data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatisticsJourneyTests {
    private static final AtomicInteger NEXT = new AtomicInteger(900);
    private static final String SHOTS = "statistics/";

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
    SimulatedJlis jlis;
    @Autowired
    MyNumberCards cards;

    final List<ChromeDriver> browsers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(ChromeDriver::quit);
    }

    @Test
    void theClerkReadsTheDashboardAndThePersonSeesTheExtractThatUsedTheirData() {
        int n = NEXT.getAndIncrement();
        String insurer = InsurerNumber.withCheckDigit("39" + n).value();
        StatisticsTown town = StatisticsTown.load(registry, imports, insurer, n);
        Party municipality = Party.municipality(insurer);
        Enrolment admin = staff.registerFirstAdmin(municipality, "toukei" + n, Browser.STAFF_PASSWORD,
                JobType.MUNICIPAL_OFFICER);
        ChromeDriver officer = Browser.signedIn(pki, port, municipality, admin);
        browsers.add(officer);
        List<String> accessibility = new ArrayList<>();

        // the dashboard from the menu; the areas first, then 集計を更新する
        Browser.go(officer, officer.findElement(By.linkText("統計")));
        assertThat(text(officer)).contains("まだ集計していません");
        Browser.go(officer, officer.findElement(By.id("areas-link")));
        officer.findElement(By.id("areas")).sendKeys("北部,北町\n南部,南町");
        Browser.go(officer, officer.findElement(By.cssSelector("#areas-form button[type=submit]")));
        assertThat(text(officer)).contains("日常生活圏域を保存しました");
        Browser.go(officer, officer.findElement(By.cssSelector("#rebuild button")));
        assertThat(text(officer)).contains("集計を更新しました(68 人)", "認定者数と認定率の推移");
        assertThat(officer.findElements(By.cssSelector("#chart-trend polyline"))).isNotEmpty();
        Browser.screenshot(officer, SHOTS + "01-dashboard");
        accessibility.addAll(Browser.accessibilityProblems(officer, 1280));

        // filter: 北部, 要介護2, last month
        new Select(officer.findElement(By.id("area"))).selectByVisibleText("北部");
        new Select(officer.findElement(By.id("level"))).selectByVisibleText("要介護2");
        new Select(officer.findElement(By.id("month"))).selectByValue(town.lastMonth().toString());
        Browser.go(officer, officer.findElement(By.id("apply-filters")));
        String trend = officer.findElement(By.id("table-trend")).getText();
        assertThat(trend).contains("25");
        assertThat(officer.findElement(By.id("table-services")).getText()).contains("訪問介護", "25", "5,000", "125,000",
                "1,125,000");
        Browser.screenshot(officer, SHOTS + "02-filtered-north-care-level-2");

        // the CSV of the table by care level, as the link downloads it
        String href = officer.findElement(By.id("csv-levels")).getAttribute("href");
        String csv = (String) officer.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);", href);
        assertThat(csv).contains("圏域=北部", "要介護状態区分,認定者数,うち施設,うち在宅", "要介護2,25,0,25");

        Browser.go(officer, officer.findElement(By.id("print-link")));
        assertThat(text(officer)).contains("介護保険の統計", "圏域: 北部");
        Browser.screenshot(officer, SHOTS + "03-printable");

        // a research extract
        officer.get("https://localhost:" + port + "/portal/municipality/extracts");
        officer.findElement(By.id("purpose")).sendKeys("在宅生活の継続要因の研究");
        new Select(officer.findElement(By.id("basis"))).selectByValue("research");
        officer.findElement(By.id("recipient")).sendKeys("テスト大学 介護研究室");
        officer.executeScript("document.getElementById('from').value = arguments[0];"
                + "document.getElementById('to').value = arguments[0];", town.lastMonth().toString());
        Browser.go(officer, officer.findElement(By.cssSelector("#extract-form button[type=submit]")));
        assertThat(text(officer)).contains("個票データを作成し、登録しました", "テスト大学 介護研究室", "68");
        Browser.screenshot(officer, SHOTS + "04-extract-registered");

        // the person with their card: わたしのデータの利用
        ChromeDriver home = personWithCard(town.person(2));
        home.findElement(By.cssSelector("#accesses > summary")).click(); // わたしの情報を見た記録
        Browser.go(home, home.findElement(By.linkText("わたしのデータの利用")));
        assertThat(text(home)).contains("在宅生活の継続要因の研究", "テスト大学 介護研究室", "研究のための提供");
        accessibility.addAll(Browser.accessibilityProblems(home, 390));
        Browser.screenshot(home, SHOTS + "05-person-sees-the-extract");
        Browser.go(home, home.findElement(By.cssSelector("#objection-form button")));
        assertThat(text(home)).contains("研究への提供を停止しました", "から、研究のための提供を停止しています");
        Browser.screenshot(home, SHOTS + "06-person-stops-research-use", 390);
        assertThat(accessibility).isEmpty();
    }

    private ChromeDriver personWithCard(InsuredPerson person) {
        SimulatedCard card = jlis.issueCard();
        try {
            cards.link(card.authCertificate().getEncoded(), person.insurerNo(), person.insuredNo(),
                    Party.municipality(person.insurerNo()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        ChromeDriver home = Browser.open(pki, port, null, null);
        browsers.add(home);
        home.get("https://localhost:" + port + "/portal");
        Browser.go(home, home.findElement(By.linkText("マイナンバーカードでログイン")));
        var signed = CardReader.sign(card.authCertificate(), card.authKey(),
                Base64.getDecoder().decode(home.findElement(By.id("challenge")).getText().strip()));
        home.findElement(By.id("cardAnswer")).sendKeys("{\"certificate\":\""
                + Base64.getEncoder().encodeToString(signed.certificate()) + "\",\"signature\":\""
                + Base64.getEncoder().encodeToString(signed.signature()) + "\"}");
        Browser.go(home, home.findElement(By.cssSelector("#main form button[type=submit]")));
        return home;
    }

    private static String text(ChromeDriver browser) {
        return browser.findElement(By.id("main")).getText();
    }
}
