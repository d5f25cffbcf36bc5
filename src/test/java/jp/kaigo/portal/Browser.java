package jp.kaigo.portal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import jp.kaigo.identity.IssuedCredential;
import jp.kaigo.identity.PlatformPki;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver) with its own HOME: an NSS database
 * that trusts the platform CA and, for staff, holds the organisation's client certificate, which an
 * auto-select rule presents to the platform without a prompt. Without Chromium the tests are skipped,
 * unless {@code KAIGO_BROWSER_TESTS=required} (as in CI), where its absence fails them.
 */
final class Browser {
    static final String PASSWORD = "browser";

    private Browser() {
    }

    /** The password the journeys give the staff accounts they enrol. */
    static final String STAFF_PASSWORD = "correct horse battery";

    /**
     * A browser holding a new certificate of the organisation, its first administrator (enrolled with the job
     * given) signed in with password and one-time code.
     */
    static ChromeDriver signedInStaff(PlatformPki pki, jp.kaigo.identity.StaffAccounts staff, int port,
            jp.kaigo.shared.Party organisation, String loginId, jp.kaigo.shared.JobType job) {
        return signedIn(pki, port, organisation, staff.registerFirstAdmin(organisation, loginId, STAFF_PASSWORD, job));
    }

    /**
     * A browser holding a new certificate of the organisation, signed in as a staff member enrolled already
     * (password {@link #STAFF_PASSWORD}, one-time code from the enrolment's secret).
     */
    static ChromeDriver signedIn(PlatformPki pki, int port, jp.kaigo.shared.Party organisation,
            jp.kaigo.identity.Enrolment enrolment) {
        String name = "ブラウザ " + organisation.number() + " " + enrolment.loginId();
        ChromeDriver opened = open(pki, port, pki.issue(organisation, name, Duration.ofDays(1)), name);
        opened.get("https://localhost:" + port + "/portal");
        go(opened, opened.findElement(By.linkText("職員ログイン")));
        opened.findElement(By.id("loginId")).sendKeys(enrolment.loginId());
        opened.findElement(By.id("password")).sendKeys(STAFF_PASSWORD);
        opened.findElement(By.id("oneTimeCode")).sendKeys(jp.kaigo.identity.Totp.code(
                org.bouncycastle.util.encoders.Base32.decode(enrolment.totpSecret()),
                jp.kaigo.identity.Totp.step(java.time.Instant.now())));
        go(opened, opened.findElement(By.cssSelector("#main form button[type=submit]")));
        return opened;
    }

    /**
     * A browser at home: the person ties their card to their numbers (保険者番号, 被保険者番号, 生年月日 as typed) the first
     * time, then signs in with it; ends on the person's page.
     */
    static ChromeDriver personSignedIn(PlatformPki pki, int port, jp.kaigo.identity.SimulatedCard card, String insurer,
            String insuredNo, String birthDate) {
        ChromeDriver home = open(pki, port, null, null);
        home.get("https://localhost:" + port + "/portal");
        go(home, home.findElement(By.linkText("マイナンバーカードでログイン")));
        go(home, home.findElement(By.id("link-card")));
        home.findElement(By.id("cardAnswer")).sendKeys(cardAnswer(card, home.findElement(By.id("challenge")).getText()));
        home.findElement(By.id("insurerNo")).sendKeys(insurer);
        home.findElement(By.id("insuredNo")).sendKeys(insuredNo);
        home.executeScript("arguments[0].value = arguments[1]", home.findElement(By.id("birthDate")), birthDate);
        go(home, home.findElement(By.cssSelector("#link-form button[type=submit]")));
        home.findElement(By.id("cardAnswer")).sendKeys(cardAnswer(card, home.findElement(By.id("challenge")).getText()));
        go(home, home.findElement(By.cssSelector("#main form button[type=submit]")));
        return home;
    }

    /** What the card reader's program prints for the challenge: the card's certificate and its signature, as JSON. */
    static String cardAnswer(jp.kaigo.identity.SimulatedCard card, String challenge) {
        var signed = jp.kaigo.identity.CardReader.sign(card.authCertificate(), card.authKey(),
                java.util.Base64.getDecoder().decode(challenge.strip()));
        return "{\"certificate\":\"" + java.util.Base64.getEncoder().encodeToString(signed.certificate())
                + "\",\"signature\":\"" + java.util.Base64.getEncoder().encodeToString(signed.signature()) + "\"}";
    }

    static ChromeDriver open(PlatformPki pki, int port, IssuedCredential credential, String commonName) {
        Path chromium = executable("chromium");
        Path driver = executable("chromedriver");
        try {
            Path home = Files.createTempDirectory("kaigo-browser-");
            Path nss = Files.createDirectories(home.resolve(".pki/nssdb"));
            run("certutil", "-d", "sql:" + nss, "-N", "--empty-password");
            run("certutil", "-d", "sql:" + nss, "-A", "-t", "C,,", "-n", "kaigo-platform-ca", "-i", pki.caFile().toString());
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--lang=ja", "--user-data-dir=" + Files.createDirectories(home.resolve("profile")));
            if (credential != null) {
                credential.write(home, "client", PASSWORD.toCharArray());
                run("pk12util", "-d", "sql:" + nss, "-i", home.resolve("client.p12").toString(), "-W", PASSWORD);
                options.setExperimentalOption("prefs", Map.of("profile.content_settings.exceptions.auto_select_certificate",
                        Map.of("https://localhost:" + port + ",*", Map.of("setting", Map.of("filters",
                                List.of(Map.of("SUBJECT", Map.of("CN", commonName))))))));
            }
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                    .withEnvironment(Map.of("HOME", home.toString())).build();
            ChromeDriver browser = new ChromeDriver(service, options);
            browser.manage().window().setSize(new Dimension(1280, 800));
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Clicks something that loads a new page, and waits until the new page is there. */
    static void go(ChromeDriver browser, WebElement element) {
        WebElement page = browser.findElement(By.tagName("html"));
        element.click();
        // the old page is gone when its root element can no longer be asked anything (Chromium says so either
        // as a stale element or as a node that no longer belongs to the document)
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }

    /** Saves what the browser shows under target/screenshots for review (the whole page, as tall as it is). */
    static void screenshot(ChromeDriver browser, String name) {
        screenshot(browser, name, 1280);
    }

    /** The same at a given width (a phone is 390 pixels wide). */
    static void screenshot(ChromeDriver browser, String name, int width) {
        try {
            browser.manage().window().setSize(new Dimension(width, 800));
            Object height = browser.executeScript("return document.documentElement.scrollHeight");
            browser.manage().window().setSize(new Dimension(width, Math.max(800, ((Number) height).intValue())));
            Path file = Path.of("target", "screenshots").resolve(name + ".png");
            Files.createDirectories(file.getParent());
            File shot = browser.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            browser.manage().window().setSize(new Dimension(1280, 800));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The axe-core rule sets the pages are held to: WCAG 2.0–2.2 A and AA, and Deque's best practices. */
    private static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
            "best-practice");

    /**
     * The serious and critical accessibility problems axe-core finds on the page as shown at this width (at 390
     * pixels tables scroll sideways, and a table that scrolls must be reachable by keyboard): each as its rule,
     * impact and the elements it names. The window is set back to 1280×800 afterwards.
     */
    static List<String> accessibilityProblems(ChromeDriver browser, int width) {
        browser.manage().window().setSize(new Dimension(width, 844));
        try {
            Results results = new AxeBuilder().withTags(AXE_TAGS).analyze(browser);
            List<String> problems = new ArrayList<>();
            for (Rule rule : results.getViolations()) {
                if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                    problems.add(rule.getId() + " (" + rule.getImpact() + ", " + width + " px): " + rule.getHelp() + " — "
                            + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList());
                }
            }
            return problems;
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 800));
        }
    }

    private static Path executable(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        boolean required = "required".equals(System.getenv("KAIGO_BROWSER_TESTS"));
        if (required) {
            throw new IllegalStateException(name + " is not installed (apt-get install -y chromium chromium-driver libnss3-tools)");
        }
        Assumptions.abort(name + " is not installed: browser journeys skipped");
        return null;
    }

    private static void run(String... command) throws IOException {
        executable(command[0]);
        List<String> line = new ArrayList<>(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
