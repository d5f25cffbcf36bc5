package jp.kaigo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kaigo.consent.Consents;
import jp.kaigo.identity.Enrolment;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.ingest.FileImports;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.relationship.OfficesInCharge;
import jp.kaigo.shared.JobType;
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
 * A hospital stay in the browser (I17 "Done when"; screenshots in target/screenshots/care-transition/): the care
 * manager sends the 入院時情報提供書 from the person's page; the hospital's nurse opens it in the 受信箱, acknowledges it
 * and answers with the 退院・退所情報記録書; the care manager reads and acknowledges that.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CareTransitionJourneyTests {
    private static final AtomicInteger NEXT = new AtomicInteger(600);
    private static final String SHOTS = "care-transition/";

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

    final List<ChromeDriver> browsers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(ChromeDriver::quit);
    }

    @Test
    void theCareManagerTellsTheHospitalAndTheHospitalAnswersBeforeDischarge() {
        int n = NEXT.getAndIncrement();
        HospitalStay stay = HospitalStay.load(n, registry, imports, offices, consents);
        String office = stay.office();
        String hospital = stay.hospital();

        // 1. the care manager: 担当利用者 → the person → 入院時情報提供書を送る
        Enrolment officeAdmin = staff.registerFirstAdmin(Party.office(office), "admin" + n, Browser.STAFF_PASSWORD,
                JobType.CLERK);
        Enrolment cm = staff.createStaff(session(Party.office(office), officeAdmin), "cm" + n, Browser.STAFF_PASSWORD,
                JobType.CARE_MANAGER, List.of(new StaffAccounts.AttestedQualification(Qualification.CARE_MANAGER,
                        "47000002", Inputs.today().plusYears(2))));
        ChromeDriver careManager = browser(Party.office(office), cm);
        Browser.go(careManager, careManager.findElement(By.linkText("担当利用者")));
        Browser.go(careManager, careManager.findElement(By.linkText(HospitalStay.NAME)));
        careManager.findElement(By.id("admission-to")).sendKeys(hospital);
        Browser.go(careManager, careManager.findElement(By.cssSelector("#admission-form button")));
        Map<String, String> admission = new LinkedHashMap<>();
        admission.put("admittedOn", Inputs.today().toString());
        admission.put("careManagerName", "ケアマネ 太郎");
        admission.put("officePhone", "098-000-0000");
        admission.put("careLevel", "22");
        admission.put("adlMoving", "2");
        admission.put("personWish", "自宅で夫と暮らし続けたい");
        fill(careManager, admission);
        Browser.screenshot(careManager, SHOTS + "01-care-manager-writes-the-admission-information");
        Browser.go(careManager, careManager.findElement(By.cssSelector("#compose-form button[type=submit]")));
        assertThat(text(careManager)).contains("入院時情報提供書", "ケアマネ 太郎", "自宅で夫と暮らし続けたい");
        Browser.screenshot(careManager, SHOTS + "02-sent");

        // 2. the hospital's nurse: 受信箱 → the admission information → 受理する → 退院・退所情報記録書を作成する
        Enrolment hospitalAdmin = staff.registerFirstAdmin(Party.medicalInstitution(hospital), "admin" + n,
                Browser.STAFF_PASSWORD, JobType.CLERK);
        Enrolment nurseEnrolment = staff.createStaff(session(Party.medicalInstitution(hospital), hospitalAdmin),
                "nurse" + n, Browser.STAFF_PASSWORD, JobType.NURSE, List.of());
        ChromeDriver nurse = browser(Party.medicalInstitution(hospital), nurseEnrolment);
        Browser.go(nurse, nurse.findElement(By.linkText("受信箱・送信箱")));
        Browser.go(nurse, nurse.findElement(By.xpath("//a[contains(., '入院時情報提供書')]")));
        Browser.screenshot(nurse, SHOTS + "03-hospital-opens-it");
        Browser.go(nurse, nurse.findElement(By.cssSelector("#accept-form button")));
        assertThat(nurse.findElement(By.id("status")).getText()).isEqualTo("受理");
        Browser.go(nurse, nurse.findElement(By.id("compose-discharge")));
        Map<String, String> discharge = new LinkedHashMap<>();
        discharge.put("dischargeOn", Inputs.today().plusDays(14).toString());
        discharge.put("cause", "大腿骨頸部骨折");
        discharge.put("moving", "3");
        discharge.put("requirements", "自宅の浴室に手すりが必要");
        discharge.put("informant", "看護師 花子");
        fill(nurse, discharge);
        Browser.screenshot(nurse, SHOTS + "04-hospital-writes-the-discharge-record");
        Browser.go(nurse, nurse.findElement(By.cssSelector("#compose-form button[type=submit]")));
        assertThat(text(nurse)).contains("退院・退所情報記録書", "自宅の浴室に手すりが必要");

        // 3. the care manager: 受信箱 → the discharge record → 受理する
        careManager.get("https://localhost:" + port + "/portal/office/inbox");
        Browser.go(careManager, careManager.findElement(By.xpath("//a[contains(., '退院・退所情報記録書')]")));
        assertThat(text(careManager)).contains("大腿骨頸部骨折", "看護師 花子");
        Browser.go(careManager, careManager.findElement(By.cssSelector("#accept-form button")));
        assertThat(careManager.findElement(By.id("status")).getText()).isEqualTo("受理");
        Browser.screenshot(careManager, SHOTS + "05-care-manager-acknowledges-the-discharge-record");
    }

    private ChromeDriver browser(Party organisation, Enrolment enrolment) {
        ChromeDriver browser = Browser.signedIn(pki, port, organisation, enrolment);
        browsers.add(browser);
        return browser;
    }

    private jp.kaigo.identity.StaffSession session(Party organisation, Enrolment admin) {
        return StaffSignIn.session(staff, organisation, admin);
    }

    /** Types or chooses each value by the field's id (a radio's id is key-value). */
    private static void fill(ChromeDriver browser, Map<String, String> values) {
        Object missing = browser.executeScript("""
                const missing = [];
                for (const [key, value] of Object.entries(arguments[0])) {
                  const choice = document.getElementById(key + '-' + value);
                  if (choice && choice.type === 'radio') { choice.checked = true; continue; }
                  const field = document.getElementById(key);
                  if (!field) { missing.push(key); continue; }
                  field.value = value;
                }
                return missing.join(',');
                """, values);
        assertThat(missing).as("fields on the page").isEqualTo("");
    }

    private static String text(ChromeDriver browser) {
        return browser.findElement(By.id("main")).getText();
    }
}
