package jp.kaigo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.kaigo.certification.CareCertification;
import jp.kaigo.consent.Consents;
import jp.kaigo.eligibility.EligibilityVerification;
import jp.kaigo.filing.CommitteeDesk;
import jp.kaigo.identity.MyNumberCards;
import jp.kaigo.identity.OfficeMaster;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.identity.SimulatedJlis;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.identity.Totp;
import jp.kaigo.notification.NoticeKind;
import jp.kaigo.notification.Notices;
import jp.kaigo.relationship.OfficesInCharge;
import jp.kaigo.shared.InsuredPerson;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.Party;
import org.bouncycastle.util.encoders.Base32;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import jp.kaigo.ingest.FileFormat;
import jp.kaigo.ingest.FileImports;
import jp.kaigo.ingest.ImportMode;
import jp.kaigo.ingest.ImportRequest;
import jp.kaigo.ingest.ImportStatus;
import jp.kaigo.registry.Eligibility;
import jp.kaigo.registry.EligibilityQuery;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The generated files import without a single rejection, and 資格確認 then answers what was generated; the demo
 * loader makes the accounts and data of the 要介護認定 journey (certification-online.md §8.2), and a second start
 * changes nothing.
 */
@SpringBootTest
class GeneratedDataIntegrationTests {
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    @Autowired
    FileImports imports;
    @Autowired
    InsuredRegistry registry;
    @Autowired
    PlatformPki pki;
    @Autowired
    StaffAccounts staff;
    @Autowired
    SimulatedJlis jlis;
    @Autowired
    MyNumberCards cards;
    @Autowired
    Consents consents;
    @Autowired
    ApplicationContext context;
    @Autowired
    OfficeMaster master;
    @Autowired
    CommitteeDesk committees;
    @Autowired
    EligibilityVerification eligibility;
    @Autowired
    OfficesInCharge offices;
    @Autowired
    CareCertification certification;
    @Autowired
    Notices notices;
    @Autowired
    JdbcClient sql;

    @Test
    void demoLoaderMakesTheCertificationJourneyAndASecondStartChangesNothing(@TempDir Path dir) throws Exception {
        var data = new SyntheticData(DemoData.SEED, 3);
        var municipality = data.municipalities().get(0);
        registry.registerInsurer(new InsurerNumber(municipality.insurerNo()), municipality.name());
        // the demo's first persons of the municipality, whatever other tests of this JVM loaded before (the loader
        // itself loads only an empty registry)
        var own = new ArrayList<>(data.writeCsv(dir, 30).stream().filter(f -> f.insurerNo().equals(municipality.insurerNo()))
                .map(f -> new SyntheticCertifications.File(f.insurerNo(), f.type().key(), f.path(), f.rows())).toList());
        own.addAll(SyntheticCertifications.writeCsv(data, dir.resolve("certification"), 30).stream()
                .filter(f -> f.insurerNo().equals(municipality.insurerNo())).toList());
        for (var file : own.stream().filter(f -> f.rows() > 0).toList()) {
            try (InputStream in = Files.newInputStream(file.path())) {
                boolean keys = file.path().startsWith(dir.resolve("certification"));
                var report = imports.importFile(new ImportRequest(file.insurerNo(), file.recordType(), ImportMode.FULL,
                        FileFormat.CSV, null, file.path().getFileName().toString(),
                        keys ? imports.columnsMissingFrom(file.recordType(), file.header()) : List.of()), in);
                if (report.status() == ImportStatus.HELD) {
                    report = imports.confirm(report.importId(), file.insurerNo(), report.wouldDelete());
                }
                assertThat(report.rejections()).as(file.path().toString()).isEmpty();
            }
        }
        var demo = new DemoData(registry, imports, pki, staff, jlis, cards, consents, context, master, 30, 3, committees,
                eligibility, offices, certification);
        demo.run(null);

        SyntheticData.Person person = data.person(0);
        assertThat(person.insuredNo()).isEqualTo("0000100000");
        LocalDate today = LocalDate.now(JAPAN);
        Path files = pki.directory().resolve("demo");
        Party city = Party.municipality(municipality.insurerNo());
        // every new account signs in with the password and the one-time code from its file, with its job
        assertThat(signIn(city, "demo.surveyor", files.resolve("municipality-131011-surveyor-totp-secret.txt")))
                .isEqualTo(JobType.MUNICIPAL_OFFICER);
        assertThat(signIn(city, "demo.committee", files.resolve("municipality-131011-committee-totp-secret.txt")))
                .isEqualTo(JobType.COMMITTEE_MEMBER);
        assertThat(signIn(city, "demo.committee2", files.resolve("municipality-131011-committee2-totp-secret.txt")))
                .isEqualTo(JobType.COMMITTEE_MEMBER);
        assertThat(staff.colleague(city, "demo.clerk").orElseThrow().jobType()).isEqualTo(JobType.MUNICIPAL_OFFICER);
        // the demo clinic: a valid code, in the institution master, its certificate from the platform CA, its doctor
        String clinic = CertificationJourneyDemo.DEMO_CLINIC;
        assertThat(new jp.kaigo.shared.MedicalInstitutionCode(clinic).value()).isEqualTo(clinic);
        assertThat(master.nameOf(Party.medicalInstitution(clinic))).contains("デモ内科クリニック");
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(files.resolve("medical-" + clinic + ".p12"))) {
            p12.load(in, "demo".toCharArray());
        }
        X509Certificate clinicCert = (X509Certificate) p12.getCertificate(p12.aliases().nextElement());
        clinicCert.verify(pki.caCertificate().getPublicKey());
        assertThat(clinicCert.getSubjectX500Principal().getName()).contains("CN=デモ内科クリニック", "OU=medical-institution");
        assertThat(signIn(Party.medicalInstitution(clinic), "demo.doctor",
                files.resolve("medical-" + clinic + "-totp-secret.txt"))).isEqualTo(JobType.DOCTOR);
        // 第1合議体 with demo.committee, 第2合議体 with demo.committee2
        assertThat(sql.sql("""
                select b.board_no || ' ' || b.name || ' ' || s.login_id from certification.boards b
                  join certification.board_members m on m.insurer_no = b.insurer_no and m.board_no = b.board_no
                  join identity.staff s on s.staff_id = m.staff_id
                 where b.insurer_no = :insurer and s.login_id like 'demo.%' order by 1
                """).param("insurer", municipality.insurerNo()).query(String.class).list())
                .containsExactly("1 第1合議体 demo.committee", "2 第2合議体 demo.committee2");
        // the demo person's 認定 ends in 45 days, in the 認定 record and on the 被保険者証
        assertThat(sql.sql("""
                select max(cert_valid_to) from certification.certification_records
                 where insurer_no = :insurer and insured_no = :insured and current and not deleted and result <> '01'
                """).param("insurer", person.insurerNo()).param("insured", person.insuredNo())
                .query(LocalDate.class).single()).isEqualTo(today.plusDays(45));
        var answer = registry.verify(new EligibilityQuery(new InsurerNumber(person.insurerNo()),
                new InsuredNumber(person.insuredNo()), person.birthDate(), today));
        assertThat(((Eligibility.Insured) answer).careCertificate().fields().get("certValidTo"))
                .hasToString(today.plusDays(45).toString());
        // the demo office is in charge (居宅介護支援, 43)
        assertThat(offices.servicesFor(DemoData.DEMO_OFFICE, person.insurerNo(), person.insuredNo(), today))
                .anyMatch(r -> r.serviceType().equals("43") && r.inChargeOn(today));
        // the 認定更新勧奨 is in the person's notices
        InsuredPerson me = InsuredPerson.of(person.insurerNo(), person.insuredNo());
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (notices.inbox(me, 0).notices().stream().noneMatch(n -> n.kind() == NoticeKind.RENEWAL_REMINDER)
                && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        assertThat(notices.inbox(me, 0).notices()).filteredOn(n -> n.kind() == NoticeKind.RENEWAL_REMINDER)
                .singleElement().satisfies(n -> assertThat(String.join("", n.lines()))
                        .contains(String.valueOf(today.plusDays(45).getYear())));

        // a second start: not a row more or less anywhere, no file changed
        Map<String, Long> rows = rowCounts();
        Map<String, Long> demoFiles = files(files);
        demo.run(null);
        assertThat(rowCounts()).isEqualTo(rows);
        assertThat(files(files)).isEqualTo(demoFiles);
    }

    private JobType signIn(Party organisation, String loginId, Path secretFile) throws Exception {
        String code = Totp.code(Base32.decode(Files.readString(secretFile).strip()), Totp.step(Instant.now()));
        var tokens = staff.signIn(organisation, loginId, "kaigo-demo-password", code);
        var session = staff.authenticate(organisation, tokens.accessToken()).orElseThrow();
        staff.signOut(session);
        return session.jobType();
    }

    /** Rows of every table of the platform's schemas. */
    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : sql.sql("""
                select table_schema || '.' || table_name from information_schema.tables
                 where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
                 order by 1
                """).query(String.class).list()) {
            counts.put(table, sql.sql("select count(*) from " + table).query(Long.class).single());
        }
        return counts;
    }

    private static Map<String, Long> files(Path dir) throws Exception {
        Map<String, Long> files = new LinkedHashMap<>();
        try (Stream<Path> all = Files.list(dir)) {
            for (Path f : all.sorted().toList()) {
                files.put(f.getFileName().toString(), Files.getLastModifiedTime(f).toMillis() + Files.size(f));
            }
        }
        return files;
    }

    @Test
    void generatedFilesImportCleanlyAndVerifyAsGenerated(@TempDir Path dir) throws Exception {
        var data = new SyntheticData(99, 12);
        data.municipalities().forEach(m -> registry.registerInsurer(new InsurerNumber(m.insurerNo()), m.name()));
        for (var file : data.writeCsv(dir, 3000)) {
            try (InputStream in = Files.newInputStream(file.path())) {
                var report = imports.importFile(new ImportRequest(file.insurerNo(), file.type().key(), ImportMode.FULL,
                        FileFormat.CSV, null, file.path().getFileName().toString()), in);
                if (report.status() == ImportStatus.HELD) {
                    // other tests loaded more of these municipalities' persons: this file is the state, deletions confirmed
                    report = imports.confirm(report.importId(), file.insurerNo(), report.wouldDelete());
                }
                assertThat(report.status()).isEqualTo(ImportStatus.COMPLETED);
                assertThat(report.rejections()).as(file.path().toString()).isEmpty();
                // other tests may have loaded some of the same municipalities: every row must be taken
                assertThat(report.inserted() + report.updated() + report.unchanged()).isEqualTo(file.rows());
            }
        }
        long certified = 0;
        var shared = new ArrayList<>(SyntheticCertifications.writeCsv(data, dir.resolve("certification"), 3000));
        shared.addAll(SyntheticClaims.writeCsv(data, dir.resolve("claims"), 3000, "4720100017"));
        for (var file : shared) {
            try (InputStream in = Files.newInputStream(file.path())) {
                var report = imports.importFile(new ImportRequest(file.insurerNo(), file.recordType(), ImportMode.FULL,
                        FileFormat.CSV, null, file.path().getFileName().toString(),
                        imports.columnsMissingFrom(file.recordType(), file.header())), in);
                if (report.status() == ImportStatus.HELD) {
                    // other tests (the demo loader's) loaded other persons' records: this file is the state
                    report = imports.confirm(report.importId(), file.insurerNo(), report.wouldDelete());
                }
                assertThat(report.rejections()).as(file.path().toString()).isEmpty();
                assertThat(report.inserted() + report.updated() + report.unchanged()).isEqualTo(file.rows());
                certified += file.recordType().equals("certification") ? file.rows() : 0;
            }
        }
        assertThat(certified).isEqualTo(SyntheticCertifications.certified(data, 3000).size()).isGreaterThan(300);
        for (int i = 0; i < 3000; i++) {
            var person = data.person(i);
            if (person.lost()) {
                continue;
            }
            var answer = registry.verify(new EligibilityQuery(new InsurerNumber(person.insurerNo()),
                    new InsuredNumber(person.insuredNo()), person.birthDate(), SyntheticData.REFERENCE));
            assertThat(answer).as("person " + i).isInstanceOf(Eligibility.Insured.class);
            var card = ((Eligibility.Insured) answer).careCertificate();
            if (person.careLevel() == null) {
                assertThat(card).isNull();
            } else if (card != null) {
                assertThat(card.fields().get("careLevel")).as("person " + i).isEqualTo(person.careLevel());
            }
        }
    }
}
