package jp.kaigo.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.time.Duration;
import jp.kaigo.identity.Enrolment;
import jp.kaigo.identity.IssuedCredential;
import jp.kaigo.identity.MyNumberCards;
import jp.kaigo.identity.OfficeMaster;
import jp.kaigo.shared.Qualification;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.identity.SimulatedCard;
import jp.kaigo.identity.SimulatedJlis;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.certification.CareCertification;
import jp.kaigo.eligibility.EligibilityVerification;
import jp.kaigo.filing.CommitteeDesk;
import jp.kaigo.ingest.FileFormat;
import jp.kaigo.relationship.OfficesInCharge;
import jp.kaigo.consent.Consents;
import jp.kaigo.ingest.FileImports;
import jp.kaigo.ingest.ImportMode;
import jp.kaigo.ingest.ImportRequest;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.Party;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * On the first start with an empty registry, generates the demo municipalities and persons and imports
 * them through the municipality file interface (the same path a real municipality's files take). Issues
 * demo client certificates (the demo municipalities and one care office) once. On every start, prints
 * where the platform listens and ready-made calls with those certificates.
 */
@Component
@ConditionalOnProperty(name = "kaigo.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoData implements ApplicationRunner {
    static final long SEED = 20_261_125L;
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    /** Password of the demo PKCS#12 files (development only). */
    static final String DEMO_PASSWORD = "demo";
    /** The demo care office (居宅介護支援事業所 in 那覇市). */
    static final String DEMO_OFFICE = OfficeNumber.withCheckDigit("472010001").value();
    static final String DEMO_STAFF = "demo.cm";
    static final String DEMO_STAFF_PASSWORD = "kaigo-demo-password";
    /** The first demo municipality's clerk (also its administrator), for the municipality console. */
    static final String DEMO_CLERK = "demo.clerk";
    static final String DEMO_CARD_PIN = "1234";
    private final InsuredRegistry registry;
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private final FileImports imports;
    private final PlatformPki pki;
    private final StaffAccounts staff;
    private final SimulatedJlis jlis;
    private final MyNumberCards cards;
    private final Consents consents;
    private final ApplicationContext context;
    private final OfficeMaster master;
    private final int persons;
    private final int municipalities;
    private final CertificationJourneyDemo journey;

    DemoData(InsuredRegistry registry, FileImports imports, PlatformPki pki, StaffAccounts staff, SimulatedJlis jlis,
            MyNumberCards cards, Consents consents, ApplicationContext context, OfficeMaster master,
            @Value("${kaigo.demo.persons:3000}") int persons, @Value("${kaigo.demo.municipalities:3}") int municipalities,
            CommitteeDesk committees, EligibilityVerification eligibility, OfficesInCharge offices,
            CareCertification certification) {
        this.registry = registry;
        this.imports = imports;
        this.pki = pki;
        this.staff = staff;
        this.jlis = jlis;
        this.cards = cards;
        this.consents = consents;
        this.context = context;
        this.master = master;
        this.persons = persons;
        this.municipalities = municipalities;
        this.journey = new CertificationJourneyDemo(staff, imports, master, committees, eligibility, offices,
                certification);
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        SyntheticData data = new SyntheticData(SEED, municipalities);
        boolean loadedNow = registry.isEmpty();
        if (loadedNow) {
            load(data);
        }
        Path demo = pki.directory().resolve("demo");
        for (SyntheticData.Municipality m : data.municipalities()) {
            issueOnce(demo, Party.municipality(m.insurerNo()), m.name());
        }
        issueOnce(demo, Party.office(DEMO_OFFICE), "デモ居宅介護支援事業所");
        issueOnce(demo, Party.operator("1"), "デモ運営者(国保中央会)");
        demoMaster();
        String totpSecret = demoStaff(demo, Party.office(DEMO_OFFICE), DEMO_STAFF, JobType.CARE_MANAGER);
        Party municipality = Party.municipality(data.municipalities().get(0).insurerNo());
        String clerkSecret = demoStaff(demo, municipality, DEMO_CLERK, JobType.MUNICIPAL_OFFICER);
        // the 要介護認定 journey (certification-online.md §8.2): the demo clinic, its doctor, the municipality's staff
        Party clinic = Party.medicalInstitution(CertificationJourneyDemo.DEMO_CLINIC);
        issueOnce(demo, clinic, CertificationJourneyDemo.DEMO_CLINIC_NAME, CertificationJourneyDemo.clinicFileBase());
        journey.clinicMaster();
        demoStaffIn(demo.resolve(CertificationJourneyDemo.clinicFileBase() + "-totp-secret.txt"), clinic,
                CertificationJourneyDemo.DEMO_DOCTOR, JobType.DOCTOR);
        SyntheticData.Person person = demoPerson(data);
        try (var careManager = new CertificationJourneyDemo.SignIn(staff, Party.office(DEMO_OFFICE), DEMO_STAFF, totpSecret);
                var clerk = new CertificationJourneyDemo.SignIn(staff, municipality, DEMO_CLERK, clerkSecret)) {
            demoQualification(demo, careManager);
            journey.municipalStaff(demo, clerk);
            journey.boards(demo, clerk, loadedNow);
            if (person != null) {
                demoCard(demo, person);
                journey.renewalDue(demo, data, person, loadedNow);
                journey.officeInCharge(careManager, person);
            }
        }
        banner(data, demo, totpSecret, clerkSecret);
    }

    /**
     * The demo office in the office master, once: its name as the MHLW open data would list it (居宅介護支援,
     * file 430) and its designation with a period, so that it registers for 43 and the person reads its name.
     */
    private void demoMaster() {
        if (!master.designatedServices(DEMO_OFFICE, LocalDate.now(JAPAN)).isEmpty()) {
            return;
        }
        String header = "都道府県コード又は市町村コード,No,都道府県名,市区町村名,事業所名,事業所名カナ,サービスの種類,住所,"
                + "方書（ビル名等）,緯度,経度,電話番号,FAX番号,法人番号,法人の名称,事業所番号,利用可能曜日,"
                + "利用可能曜日特記事項,定員,URL,高齢者の方と障害者の方が同時一体的に利用できるサービス,"
                + "介護保険の通常の指定基準を満たしている,障害福祉の通常の指定基準を満たしている,備考";
        String row = String.join(",", "472018", "1", "沖縄県", "那覇市", "デモ居宅介護支援事業所", "デモキョタクカイゴシエンジギョウショ",
                "居宅介護支援", "沖縄県那覇市泉崎1丁目", "", "26.2124", "127.6792", "098-000-0000", "", "", "デモ福祉会",
                DEMO_OFFICE, "月火水木金", "", "", "", "", "", "", "");
        var published = master.importPublication("jigyosho_430.csv", (header + "\n" + row + "\n").getBytes(UTF_8));
        var designated = master.importDesignations(("事業所番号,サービス種類コード,指定年月日,指定有効期間満了日,指定権者\n"
                + DEMO_OFFICE + ",43,2021-04-01,2027-03-31,那覇市\n").getBytes(UTF_8));
        log.info("demo office master: {} problems in the publication, {} in the designations",
                published.problems().size(), designated.problems().size());
    }

    private void load(SyntheticData data) throws IOException {
        log.info("loading demo data: {} persons in {} municipalities", persons, municipalities);
        data.municipalities().forEach(m -> registry.registerInsurer(new InsurerNumber(m.insurerNo()), m.name()));
        Path dir = Files.createTempDirectory("kaigo-demo-");
        try {
            for (SyntheticData.GeneratedFile file : data.writeCsv(dir, persons)) {
                try (InputStream in = Files.newInputStream(file.path())) {
                    var report = imports.importFile(new ImportRequest(file.insurerNo(), file.type().key(),
                            ImportMode.FULL, FileFormat.CSV, "UTF-8", file.path().getFileName().toString()), in);
                    log.info("demo import {} {}: {} rows, {} rejected", file.insurerNo(), file.type().key(),
                            report.rows(), report.rejectedRows());
                }
            }
            List<SyntheticCertifications.File> shared = new ArrayList<>(
                    SyntheticCertifications.writeCsv(data, dir.resolve("certification"), persons));
            shared.addAll(SyntheticClaims.writeCsv(data, dir.resolve("claims"), persons, DEMO_OFFICE));
            for (SyntheticCertifications.File file : shared) {
                try (InputStream in = Files.newInputStream(file.path())) {
                    // the demo fills only some of the columns of these records, and says so
                    var report = imports.importFile(new ImportRequest(file.insurerNo(), file.recordType(),
                            ImportMode.FULL, FileFormat.CSV, "UTF-8", file.path().getFileName().toString(),
                            imports.columnsMissingFrom(file.recordType(), file.header())), in);
                    log.info("demo import {} {}: {} rows, {} rejected", file.insurerNo(), file.recordType(),
                            report.rows(), report.rejectedRows());
                }
            }
            // the 包括同意 each certified person gave at the application
            for (SyntheticData.Person p : SyntheticCertifications.certified(data, persons)) {
                consents.registerBlanket(p.insurerNo(), p.insuredNo(), "認定申請");
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (UncheckedIOException e) {
                log.warn("could not remove demo files in {}", dir);
            }
        }
    }

    /**
     * A demo staff account (its organisation's administrator), enrolled once; the one-time-code secret is
     * kept beside the demo certificates so that the {@code totp} command can play the authenticator.
     */
    /**
     * The demo care manager's 介護支援専門員 registration, attested once by the office's administrator (the same
     * account, signed in as any administrator would), so that the demo shows 認定調査票 and 主治医意見書.
     */
    private void demoQualification(Path dir, CertificationJourneyDemo.SignIn careManager) throws IOException {
        Path marker = dir.resolve(IssuedCredential.fileBase(Party.office(DEMO_OFFICE)) + "-care-manager-attested.txt");
        if (Files.exists(marker)) {
            return;
        }
        StaffSession admin = careManager.session();
        if (!admin.qualifications().contains(Qualification.CARE_MANAGER)) {
            staff.attest(admin, DEMO_STAFF, Qualification.CARE_MANAGER, "47000001", LocalDate.now(JAPAN).plusYears(5));
        }
        Files.writeString(marker, "介護支援専門員 登録番号 47000001\n");
    }

    private String demoStaff(Path dir, Party organisation, String loginId, JobType job) throws IOException {
        return demoStaffIn(dir.resolve(IssuedCredential.fileBase(organisation) + "-totp-secret.txt"), organisation, loginId,
                job);
    }

    private String demoStaffIn(Path file, Party organisation, String loginId, JobType job) throws IOException {
        if (!Files.exists(file)) {
            Enrolment enrolment = staff.registerFirstAdmin(organisation, loginId, DEMO_STAFF_PASSWORD, job);
            Files.writeString(file, enrolment.totpSecret() + "\n");
        }
        return Files.readString(file).strip();
    }

    /**
     * A simulated My Number card for the demo person, linked once to their numbers (PIN 1234), so that
     * 資格確認 by card can be tried with the {@code card sign} command.
     */
    private void demoCard(Path dir, SyntheticData.Person person) {
        Path file = dir.resolve("card-" + person.insurerNo() + "-" + person.insuredNo() + ".p12");
        if (!Files.exists(file)) {
            SimulatedCard card = jlis.issueCard();
            cards.link(encoded(card), person.insurerNo(), person.insuredNo(), Party.municipality(person.insurerNo()));
            card.write(file, DEMO_CARD_PIN, "demo1234");
        }
    }

    private static byte[] encoded(SimulatedCard card) {
        try {
            return card.authCertificate().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A generated person shown in the banner: 要介護3 and insured. */
    private SyntheticData.Person demoPerson(SyntheticData data) {
        for (int i = 0; i < persons; i++) {
            SyntheticData.Person p = data.person(i);
            if ("23".equals(p.careLevel()) && !p.lost()) {
                return p;
            }
        }
        return null;
    }

    /** Demo client certificates, issued on the first start and kept (delete the directory to renew). */
    private void issueOnce(Path dir, Party party, String name) {
        issueOnce(dir, party, name, IssuedCredential.fileBase(party));
    }

    private void issueOnce(Path dir, Party party, String name, String base) {
        if (!Files.exists(dir.resolve(base + ".p12"))) {
            pki.issue(party, name, Duration.ofDays(365)).write(dir, base, DEMO_PASSWORD.toCharArray());
        }
    }

    /**
     * Logs the way in. The demo person is generated, not a real one, so showing its numbers is intended;
     * no real person's data ever reaches this banner.
     */
    private void banner(SyntheticData data, Path demo, String totpSecret, String clerkSecret) {
        int port = context instanceof WebServerApplicationContext web ? web.getWebServer().getPort() : 8443;
        SyntheticData.Person person = demoPerson(data);
        String url = "https://localhost:" + port;
        String ca = relative(pki.caFile());
        String office = relative(demo.resolve(IssuedCredential.fileBase(Party.office(DEMO_OFFICE))));
        String municipality = relative(demo.resolve(IssuedCredential.fileBase(Party.municipality(data.municipalities().get(0).insurerNo()))));
        StringBuilder text = new StringBuilder()
                .append("\n==== 介護情報基盤 kaigo-platform ====\n")
                .append("ブラウザ: ").append(url).append("/portal (手順は README「Sign in as each kind of user」)\n")
                .append("  事業所の職員: ブラウザに ").append(office).append(".p12 を取り込み、認証局 ").append(ca)
                .append(" を信頼して「職員ログイン」: ").append(DEMO_STAFF).append(" / ").append(DEMO_STAFF_PASSWORD)
                .append(" / ワンタイムパスワード java -jar target/kaigo-platform.jar totp --secret ").append(totpSecret).append('\n')
                .append("  市町村の職員: ").append(municipality).append(".p12 で同じく: ").append(DEMO_CLERK).append(" / ")
                .append(DEMO_STAFF_PASSWORD).append(" / java -jar target/kaigo-platform.jar totp --secret ").append(clerkSecret)
                .append('\n')
                .append("API: ").append(url).append("/api/ (TLS 1.3、クライアント証明書が必要です)\n")
                .append("開発用の認証局: ").append(ca).append("  デモ証明書: ").append(relative(demo))
                .append(" (PKCS#12 のパスワード: ").append(DEMO_PASSWORD).append(")\n");
        if (person != null) {
            text.append("デモの被保険者 (合成データ・要介護3): 保険者番号 ").append(person.insurerNo()).append(" 被保険者番号 ")
                    .append(person.insuredNo()).append(" 生年月日 ").append(person.birthDate()).append('\n')
                    .append("職員ログイン (デモ事業所の証明書で、職員ID ").append(DEMO_STAFF).append(" パスワード ")
                    .append(DEMO_STAFF_PASSWORD).append("、ワンタイムパスワードは totp コマンドが認証アプリの代わりに表示。jar は mvn -q -DskipTests package で作成):\n")
                    .append("  CODE=$(java -jar target/kaigo-platform.jar totp --secret ").append(totpSecret).append(")\n")
                    .append("  curl -s --cacert ").append(ca).append(" --cert ").append(office).append(".pem --key ")
                    .append(office).append("-key.pem -X POST ").append(url).append("/api/staff/sign-in")
                    .append(" -H 'Content-Type: application/json' -d '{\"loginId\":\"").append(DEMO_STAFF)
                    .append("\",\"password\":\"").append(DEMO_STAFF_PASSWORD).append("\",\"oneTimeCode\":\"'$CODE'\"}'\n")
                    .append("資格確認を試す (答えの accessToken を TOKEN に):\n  curl -s --cacert ").append(ca).append(" --cert ")
                    .append(office).append(".pem --key ").append(office).append("-key.pem -H \"Authorization: Bearer $TOKEN\" -X POST ")
                    .append(url).append("/api/eligibility -H 'Content-Type: application/json' -d '{\"insurerNo\":\"")
                    .append(person.insurerNo()).append("\",\"insuredNo\":\"").append(person.insuredNo())
                    .append("\",\"birthDate\":\"").append(person.birthDate()).append("\"}'\n")
                    .append("担当事業所として登録 (答えの confirmation を CONF に):\n  curl -s --cacert ").append(ca)
                    .append(" --cert ").append(office).append(".pem --key ").append(office)
                    .append("-key.pem -H \"Authorization: Bearer $TOKEN\" -X POST ").append(url)
                    .append("/api/relationships -H 'Content-Type: application/json' -d '{\"confirmation\":\"'$CONF'\",")
                    .append("\"serviceType\":\"43\",\"startDate\":\"").append(LocalDate.now(JAPAN)).append("\"}'\n")
                    .append("要介護認定の情報を見る (本人の包括同意は登録済み。care-survey, doctor-opinion, insurance-card も):\n")
                    .append("  curl -s --cacert ").append(ca).append(" --cert ").append(office).append(".pem --key ")
                    .append(office).append("-key.pem -H \"Authorization: Bearer $TOKEN\" ").append(url)
                    .append("/api/records/").append(person.insurerNo()).append('/').append(person.insuredNo())
                    .append("/certification\n")
                    .append("マイナンバーカード(模擬)での資格確認: カード ")
                    .append(relative(demo.resolve("card-" + person.insurerNo() + "-" + person.insuredNo() + ".p12")))
                    .append(" 暗証番号 ").append(DEMO_CARD_PIN).append(" (手順は README)\n");
        }
        String clinic = relative(demo.resolve(CertificationJourneyDemo.clinicFileBase()));
        String secrets = relative(demo) + "/";
        text.append("要介護認定オンラインの手順 (README「The 要介護認定 journey」、パスワードはすべて ").append(DEMO_STAFF_PASSWORD)
                .append("、ワンタイムパスワードは totp --secret $(cat <ファイル>)):\n")
                .append("  本人 (カード): マイページ → 要介護認定を申請する → 更新、主治医 デモ内科クリニック (")
                .append(CertificationJourneyDemo.DEMO_CLINIC).append(") → 送信\n")
                .append("  ").append(DEMO_CLERK).append(" (").append(municipality).append(".p12、")
                .append(secrets).append("municipality-").append(data.municipalities().get(0).insurerNo())
                .append("-totp-secret.txt): 受信箱 → 受理 → 認定案件 → 認定調査を依頼 (demo.surveyor) → 意見書作成依頼\n")
                .append("  ").append(CertificationJourneyDemo.DEMO_SURVEYOR).append(" (同じ証明書、").append(secrets)
                .append("municipality-").append(data.municipalities().get(0).insurerNo())
                .append("-surveyor-totp-secret.txt): 認定調査 → 調査票 → 送信\n")
                .append("  ").append(CertificationJourneyDemo.DEMO_DOCTOR).append(" (").append(clinic).append(".p12、")
                .append(clinic).append("-totp-secret.txt): 受信箱 → 意見書作成依頼 → 意見書 → 送信\n")
                .append("  ").append(DEMO_CLERK).append(": 受理 → 一次判定取込 → 審査会 (第1合議体) → 公開 → 二次判定を記録\n")
                .append("  ").append(CertificationJourneyDemo.DEMO_COMMITTEE).append(" / ")
                .append(CertificationJourneyDemo.DEMO_COMMITTEE2).append(" (同じ証明書、").append(secrets)
                .append("municipality-").append(data.municipalities().get(0).insurerNo())
                .append("-committee[2]-totp-secret.txt): 審査会資料 (第1合議体 / 第2合議体)\n")
                .append("  本人: お知らせ → 認定結果通知; ").append(DEMO_STAFF).append(": 受信箱 → 進捗\n")
                .append("  受領証の検証: java -jar target/kaigo-platform.jar receipt verify --receipt r.json --ca ").append(ca)
                .append(" --cert ").append(relative(pki.directory().resolve("receipts.pem"))).append('\n');
        text.append("ファイルの取込 (全量、保険者の証明書で):\n  curl -s --cacert ").append(ca).append(" --cert ")
                .append(municipality).append(".pem --key ").append(municipality).append("-key.pem -X POST '").append(url)
                .append("/api/municipalities/").append(data.municipalities().get(0).insurerNo())
                .append("/files/insured?mode=full' -H 'Content-Type: text/csv' --data-binary @file.csv\n")
                .append("項目定義: ").append(url).append("/api/layouts\n")
                .append("=====================================\n");
        log.info("{}", text);
    }

    private static String relative(Path path) {
        Path here = Path.of("").toAbsolutePath();
        return path.startsWith(here) ? here.relativize(path).toString() : path.toString();
    }
}
