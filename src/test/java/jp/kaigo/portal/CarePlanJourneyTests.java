package jp.kaigo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import jp.kaigo.consent.Consents;
import jp.kaigo.identity.Enrolment;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.identity.SimulatedJlis;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.ingest.FileFormat;
import jp.kaigo.ingest.FileImports;
import jp.kaigo.ingest.ImportMode;
import jp.kaigo.ingest.ImportRequest;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.relationship.OfficesInCharge;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.Qualification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A care plan in the browser (I17 "Done when"; screenshots in target/screenshots/care-plan/): the care manager sends the
 * plan's standard files and shows the 原案 to the person; the person reads it in their own view and agrees; the care
 * manager issues it; the 訪問介護 office the plan names finds it under 届いたケアプラン and downloads the standard files;
 * when the month's 給付実績 arrive, the person reads their 介護給付費通知 from the notice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CarePlanJourneyTests {
    private static final AtomicInteger NEXT = new AtomicInteger(980);
    private static final String SHOTS = "care-plan/";
    private static final Charset MS932 = Charset.forName("windows-31j");

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

    final List<ChromeDriver> browsers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(ChromeDriver::quit);
    }

    @Test
    void theCareManagerIssuesAPlanThePersonAgreedToAndTheHomeHelpOfficeDownloadsIt() throws IOException {
        int n = NEXT.getAndIncrement();
        HospitalStay person = HospitalStay.load(n, registry, imports, offices, consents);
        String office = person.office();
        String helperOffice = OfficeNumber.withCheckDigit("4677" + String.format("%05d", n)).value();
        offices.register(helperOffice, offices.confirmationFor(helperOffice, person.insurer(), person.insuredNo(),
                "numbers"), "11", Inputs.today().minusDays(30), "HOME_HELPER", null);

        // 1. the care manager: the person → ケアプランを作成・交付する → the files of the care software → 原案を本人に示す
        Enrolment officeAdmin = staff.registerFirstAdmin(Party.office(office), "admin" + n, Browser.STAFF_PASSWORD,
                JobType.CLERK);
        Enrolment cm = staff.createStaff(StaffSignIn.session(staff, Party.office(office), officeAdmin), "cm" + n,
                Browser.STAFF_PASSWORD, JobType.CARE_MANAGER, List.of(new StaffAccounts.AttestedQualification(
                        Qualification.CARE_MANAGER, "47000003", Inputs.today().plusYears(2))));
        ChromeDriver careManager = browser(Party.office(office), cm);
        Browser.go(careManager, careManager.findElement(By.linkText("担当利用者")));
        Browser.go(careManager, careManager.findElement(By.linkText(HospitalStay.NAME)));
        Browser.go(careManager, careManager.findElement(By.id("care-plans-link")));
        careManager.findElement(By.id("files")).sendKeys(String.join("\n", planFiles(person, helperOffice)));
        Browser.go(careManager, careManager.findElement(By.cssSelector("#upload-form button")));
        assertThat(text(careManager)).contains("1行を読み、1行を取り込みました。").doesNotContain("行目");
        Browser.screenshot(careManager, SHOTS + "01-care-manager-sends-the-plan");
        Browser.go(careManager, careManager.findElement(By.cssSelector("#plans button.propose")));
        assertThat(careManager.findElement(By.cssSelector("#plans .status")).getText()).isEqualTo("原案を本人に提示中");

        // 2. the person at home: the notice on their page → the 原案 → 同意する
        ChromeDriver home = Browser.personSignedIn(pki, port, jlis.issueCard(), person.insurer(), person.insuredNo(),
                "1940-03-04");
        browsers.add(home);
        Browser.go(home, home.findElement(By.cssSelector("#plan-waiting a")));
        assertThat(text(home)).contains("ケアプランの原案が届いています", "入浴が一人では難しい", "総合的な援助の方針",
                "在宅生活を継続する");
        Browser.screenshot(home, SHOTS + "02-person-reads-the-draft");
        assertThat(Browser.accessibilityProblems(home, 1280)).isEmpty();
        Browser.go(home, home.findElement(By.cssSelector(".proposal button.agree")));
        assertThat(home.findElement(By.id("done")).getText()).contains("本人の同意済み");
        Browser.screenshot(home, SHOTS + "03-person-agreed");

        // 3. the care manager: 交付する
        careManager.navigate().refresh();
        Browser.go(careManager, careManager.findElement(By.cssSelector("#plans button.issue")));
        assertThat(careManager.findElement(By.cssSelector("#plans .status")).getText()).isEqualTo("交付済み(現在の計画)");
        Browser.screenshot(careManager, SHOTS + "04-care-manager-issued-it");

        // 4. the 訪問介護 office: 届いたケアプラン → 標準CSVをダウンロード
        Enrolment helperAdmin = staff.registerFirstAdmin(Party.office(helperOffice), "admin" + n, Browser.STAFF_PASSWORD,
                JobType.CLERK);
        Enrolment helperStaff = staff.createStaff(StaffSignIn.session(staff, Party.office(helperOffice), helperAdmin),
                "helper" + n, Browser.STAFF_PASSWORD, JobType.HOME_HELPER, List.of());
        ChromeDriver helper = browser(Party.office(helperOffice), helperStaff);
        Browser.go(helper, helper.findElement(By.id("nav-received-plans")));
        assertThat(text(helper)).contains("居宅サービス計画", person.insuredNo());
        Browser.screenshot(helper, SHOTS + "05-home-help-office-finds-the-plan");
        assertThat(Browser.accessibilityProblems(helper, 1280)).isEmpty();
        String href = helper.findElement(By.cssSelector("#received a.download")).getAttribute("href");
        Object base64 = helper.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {
                  let s = ''; new Uint8Array(b).forEach(c => s += String.fromCharCode(c)); done(btoa(s));
                });
                """, href);
        Map<String, String> files = unzip(Base64.getDecoder().decode((String) base64));
        assertThat(files.keySet()).anyMatch(name -> name.startsWith("UP1KYO_" + office + "_43_" + helperOffice + "_11_"))
                .anyMatch(name -> name.startsWith("UP2KYO_")).anyMatch(name -> name.startsWith("UPPLAN_"));
        assertThat(files.values()).anyMatch(csv -> csv.contains("\"入浴が一人では難しい\"") && csv.contains(person.insuredNo()));

        // 5. a month later the 給付実績 arrive: the person reads their 介護給付費通知 from the notice
        String month = Inputs.today().toString().substring(0, 7);
        String claims = "insurerNo,insuredNo,historyNo,validFrom,serviceMonth,officeNo,serviceType,days,units,insuranceClaim,"
                + "userCharge\n" + String.join(",", person.insurer(), person.insuredNo(), "1", month + "-01", month,
                helperOffice, "11", "8", "3152", "32338", "3594") + "\n" + String.join(",", person.insurer(),
                person.insuredNo(), "2", month + "-01", month, office, "43", "", "1421", "14210", "0") + "\n";
        var report = imports.importFile(new ImportRequest(person.insurer(), "claims", ImportMode.FULL, FileFormat.CSV,
                "UTF-8", "claims.csv", imports.columnsMissingFrom("claims", List.of(claims.substring(0,
                        claims.indexOf('\n')).split(",")))), new ByteArrayInputStream(claims.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(report.rejectedRows()).isZero();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
            home.get("https://localhost:" + port + "/portal/me/notices");
            return text(home).contains("介護給付費通知");
        });
        assertThat(text(home)).contains("費用の総額:50,142円", "うちあなたの負担:3,594円");
        Browser.go(home, home.findElement(By.linkText("介護給付費通知を見る")));
        assertThat(text(home)).contains("訪問介護", "居宅介護支援", "35,932円", "3,594円");
        Browser.screenshot(home, SHOTS + "06-person-reads-the-benefit-statement");
        Browser.screenshot(home, SHOTS + "07-benefit-statement-on-a-phone", 390);
        assertThat(Browser.accessibilityProblems(home, 1280)).isEmpty();
    }

    /** The files a care manager's software writes (the standard's names), in a folder of their own. */
    private List<String> planFiles(HospitalStay person, String helperOffice) throws IOException {
        String month = Inputs.today().plusMonths(1).toString().substring(0, 7).replace("-", "");
        String planDay = Inputs.today().toString().replace("-", "");
        String serviceDay = month + "03";
        String tail = "_" + person.office() + "_43_" + helperOffice + "_11_20261207090000.CSV";
        Map<String, String> files = new LinkedHashMap<>();
        files.put("UP1KYO" + tail, String.join(",", "202407", person.insurer(), person.insuredNo(), planDay, "", "", "",
                "\"ケアマネ 太郎\"", "\"入院村居宅\"", "", "", "", person.office(), planDay, planDay, "11", "2", "", "", "",
                "22", "\"本人は自宅で夫と暮らし続けたい\"", "", "\"在宅生活を継続する\"", "", "", "", ""));
        files.put("UP2KYO" + tail, String.join(",", "202407", person.insurer(), person.insuredNo(), planDay, planDay, "1",
                "\"入浴が一人では難しい\"", "1", "\"週2回入浴できる\"", "\"見守りで入浴できる\"", "\"6か月\"", "\"3か月\"", "1",
                "\"入浴介助\"", "Y", "\"訪問介護\"", helperOffice, "\"入院村ヘルパー\"", "\"週2回\"", "\"3か月\"", "", ""));
        files.put("UP3KYO" + tail, String.join(",", "202407", person.insurer(), person.insuredNo(), planDay, planDay,
                "\"訪問介護(入浴)\"", "2", "1000", "1100", "", "", "", ""));
        files.put("UPPLAN_" + month + tail, String.join(",", "202407", person.insurer(), person.insuredNo(), planDay,
                month, person.office(), "\"ケアマネ 太郎\"", "394", "", serviceDay, "", "1000", "1100", "1", "111111", "", "",
                "", "", helperOffice, "\"入院村ヘルパー\"", "", "0", "", ""));
        Path folder = Files.createDirectories(Path.of("target", "care-plan-files", String.valueOf(NEXT.get())));
        List<String> paths = new ArrayList<>();
        for (var file : files.entrySet()) {
            Path path = folder.resolve(file.getKey());
            Files.write(path, (file.getValue() + "\r\n").getBytes(MS932));
            paths.add(path.toAbsolutePath().toString());
        }
        return paths;
    }

    private ChromeDriver browser(Party organisation, Enrolment enrolment) {
        ChromeDriver browser = Browser.signedIn(pki, port, organisation, enrolment);
        browsers.add(browser);
        return browser;
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), MS932));
            }
        }
        return files;
    }

    private static String text(ChromeDriver browser) {
        return browser.findElement(By.id("main")).getText();
    }
}
