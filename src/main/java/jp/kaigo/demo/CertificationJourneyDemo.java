package jp.kaigo.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.kaigo.access.Actor;
import jp.kaigo.certification.CareCertification;
import jp.kaigo.eligibility.EligibilityVerification;
import jp.kaigo.filing.CommitteeDesk;
import jp.kaigo.filing.Routed;
import jp.kaigo.identity.IssuedCredential;
import jp.kaigo.identity.OfficeMaster;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.identity.Totp;
import jp.kaigo.ingest.FileFormat;
import jp.kaigo.ingest.FileImports;
import jp.kaigo.ingest.ImportMode;
import jp.kaigo.ingest.ImportReport;
import jp.kaigo.ingest.ImportRequest;
import jp.kaigo.ingest.KeyFields;
import jp.kaigo.registry.EligibilityQuery;
import jp.kaigo.registry.RecordType;
import jp.kaigo.relationship.OfficesInCharge;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.Party;
import org.bouncycastle.util.encoders.Base32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo of the 要介護認定 online journey (docs/design/certification-online.md §8.2): the municipality's surveyor and
 * committee members with their 合議体, the demo clinic with its certificate, master entry and doctor, and the demo
 * person's current 認定 ending in {@value #RENEWAL_IN_DAYS} days with the demo office in charge. Everything goes
 * through the facades the API and the file interface use, and everything is idempotent: what exists is left alone.
 */
final class CertificationJourneyDemo {
    private static final Logger log = LoggerFactory.getLogger(CertificationJourneyDemo.class);
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** 「デモ内科クリニック」: 東京都 (13), 医科 (1), 郡市区 01, 番号 9901, with its check digit. */
    static final String DEMO_CLINIC = MedicalInstitutionCode.withCheckDigit("131019901").value();
    static final String DEMO_CLINIC_NAME = "デモ内科クリニック";
    static final String DEMO_DOCTOR = "demo.doctor";
    static final String DEMO_SURVEYOR = "demo.surveyor";
    static final String DEMO_COMMITTEE = "demo.committee";
    static final String DEMO_COMMITTEE2 = "demo.committee2";
    /** The demo person's 認定 ends this many days after the start, so 更新 may be applied for (A5: from 60 days). */
    static final int RENEWAL_IN_DAYS = 45;
    /** Members' terms start on a fixed day, so that a second start finds the same membership. */
    static final LocalDate TERM_FROM = SyntheticData.REFERENCE;
    static final String BOARD1 = "第1合議体";
    static final String BOARD2 = "第2合議体";
    /** 居宅介護支援 */
    static final String CARE_MANAGEMENT = "43";

    private final StaffAccounts staff;
    private final FileImports imports;
    private final OfficeMaster master;
    private final CommitteeDesk committees;
    private final EligibilityVerification eligibility;
    private final OfficesInCharge offices;
    private final CareCertification certification;

    CertificationJourneyDemo(StaffAccounts staff, FileImports imports, OfficeMaster master, CommitteeDesk committees,
            EligibilityVerification eligibility, OfficesInCharge offices, CareCertification certification) {
        this.staff = staff;
        this.imports = imports;
        this.master = master;
        this.committees = committees;
        this.eligibility = eligibility;
        this.offices = offices;
        this.certification = certification;
    }

    /** The file base of the demo clinic's certificate and one-time-code secret in the demo directory. */
    static String clinicFileBase() {
        return "medical-" + DEMO_CLINIC;
    }

    /** The secret file of a further account of the organisation, beside its administrator's. */
    static Path secretFile(Path dir, Party organisation, String role) {
        return dir.resolve(IssuedCredential.fileBase(organisation) + "-" + role + "-totp-secret.txt");
    }

    /** The demo clinic in the institution master (no みなし指定), once. */
    void clinicMaster() {
        if (master.nameOf(Party.medicalInstitution(DEMO_CLINIC)).isPresent()) {
            return;
        }
        var loaded = master.importMedicalInstitutions(("医療機関コード,名称,介護保険事業所番号,みなし指定サービス種類コード,"
                + "指定年月日,指定有効期間満了日\n" + DEMO_CLINIC + "," + DEMO_CLINIC_NAME + ",,,,\n").getBytes(UTF_8));
        log.info("demo clinic master: {} problems", loaded.problems().size());
    }

    /**
     * The municipality's surveyor and two committee members, created by its administrator (the demo clerk) when
     * missing; each one's one-time-code secret is written beside the administrator's.
     */
    void municipalStaff(Path dir, SignIn clerk) throws IOException {
        Party municipality = clerk.organisation();
        account(dir, clerk, DEMO_SURVEYOR, JobType.MUNICIPAL_OFFICER, secretFile(dir, municipality, "surveyor"));
        account(dir, clerk, DEMO_COMMITTEE, JobType.COMMITTEE_MEMBER, secretFile(dir, municipality, "committee"));
        account(dir, clerk, DEMO_COMMITTEE2, JobType.COMMITTEE_MEMBER, secretFile(dir, municipality, "committee2"));
    }

    private void account(Path dir, SignIn admin, String loginId, JobType job, Path secret) throws IOException {
        if (staff.colleague(admin.organisation(), loginId).isPresent() && Files.exists(secret)) {
            return;
        }
        if (staff.colleague(admin.organisation(), loginId).isPresent()) {
            log.warn("demo account {} exists but its one-time-code secret file is gone; disable it to have it made again",
                    loginId);
            return;
        }
        var enrolment = staff.createStaff(admin.session(), loginId, DemoData.DEMO_STAFF_PASSWORD, job, List.of());
        Files.writeString(secret, enrolment.totpSecret() + "\n");
    }

    /**
     * 第1合議体 with demo.committee and 第2合議体 with demo.committee2, by the demo clerk through the facade the API
     * uses; done once (marker file), again when the registry was loaded anew.
     */
    void boards(Path dir, SignIn clerk, boolean loadedNow) throws IOException {
        Path marker = dir.resolve(IssuedCredential.fileBase(clerk.organisation()) + "-boards.txt");
        if (Files.exists(marker) && !loadedNow) {
            return;
        }
        Actor actor = Actor.staff(clerk.session());
        board(actor, 1, BOARD1, DEMO_COMMITTEE);
        board(actor, 2, BOARD2, DEMO_COMMITTEE2);
        Files.writeString(marker, "1 " + BOARD1 + " " + DEMO_COMMITTEE + "\n2 " + BOARD2 + " " + DEMO_COMMITTEE2 + "\n");
    }

    private void board(Actor actor, int boardNo, String name, String member) {
        try {
            done(committees.createBoard(actor, boardNo, name));
        } catch (InvalidValue e) {
            if (e.violations().stream().noneMatch(v -> v.field().equals("boardNo"))) {
                throw e;
            }
            // the board exists already (an earlier start)
        }
        var colleague = staff.colleague(actor.organisation(), member).orElseThrow();
        done(committees.addMember(actor, boardNo, colleague.staffId(), colleague.jobType(), TERM_FROM, null));
    }

    private static <T> T done(Routed<T> routed) {
        if (routed instanceof Routed.Done<T> done) {
            return done.result();
        }
        throw new IllegalStateException("the demo clerk was refused: " + ((Routed.Denied<T>) routed).decision());
    }

    /**
     * The demo person's current 認定 (the generated one, its level kept) ends {@value #RENEWAL_IN_DAYS} days from
     * today, in the 認定 record and on the 被保険者証 alike: a 差分 file of each, as a municipality would send. Done
     * once (marker file with the day), again when the registry was loaded anew.
     */
    void renewalDue(Path dir, SyntheticData data, SyntheticData.Person person, boolean loadedNow) throws IOException {
        Path marker = dir.resolve("card-" + person.insurerNo() + "-" + person.insuredNo() + "-renewal-due.txt");
        if (Files.exists(marker) && !loadedNow) {
            return;
        }
        LocalDate end = LocalDate.now(JAPAN).plusDays(RENEWAL_IN_DAYS);
        List<Map<String, Object>> cards = person.records().get(RecordType.CARE_CERTIFICATE);
        Map<String, Object> card = new LinkedHashMap<>(cards.get(cards.size() - 1));
        card.put("validTo", end);
        card.put("certValidTo", end);
        if (card.containsKey("limitTo")) {
            card.put("limitTo", end);
        }
        List<String> cardColumns = new ArrayList<>(card.keySet());
        importDifference(person.insurerNo(), RecordType.CARE_CERTIFICATE.key(), cardColumns, card);

        Path tmp = Files.createTempDirectory("kaigo-demo-renewal-");
        try {
            // the generated 認定 record of the person (index 0: the files of the first person only)
            var file = SyntheticCertifications.writeCsv(data, tmp, person.index() + 1).stream()
                    .filter(f -> f.insurerNo().equals(person.insurerNo()) && f.recordType().equals("certification"))
                    .findFirst().orElseThrow();
            List<String> header = file.header();
            Map<String, Object> record = Files.readAllLines(file.path(), UTF_8).stream().skip(1)
                    .map(line -> row(header, line))
                    .filter(r -> person.insuredNo().equals(r.get("insuredNo"))).findFirst().orElseThrow();
            record.put("certValidTo", end);
            importDifference(person.insurerNo(), "certification", header, record);
        } finally {
            try (var files = Files.walk(tmp)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.writeString(marker, "認定有効期間終了日 " + end + "\n");
        // the daily job would have sent the 認定更新勧奨 60 days before the end, that is 15 days ago: replay that day
        certification.publishTimedNotices(end.minusDays(60));
    }

    private static Map<String, Object> row(List<String> header, String line) {
        String[] cells = line.split(",", -1);
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), i < cells.length ? cells[i] : "");
        }
        return row;
    }

    /** A 差分 file of one row changing (処理区分 2 更新) the history the row names. */
    private void importDifference(String insurerNo, String recordType, List<String> header, Map<String, Object> values) {
        List<String> columns = new ArrayList<>(header);
        columns.add(KeyFields.OPERATION);
        Map<String, Object> row = new LinkedHashMap<>(values);
        row.put(KeyFields.OPERATION, "2");
        String csv = String.join(",", columns) + "\r\n" + columns.stream()
                .map(c -> row.get(c) == null ? "" : row.get(c).toString()).collect(Collectors.joining(",")) + "\r\n";
        ImportReport report = imports.importFile(new ImportRequest(insurerNo, recordType, ImportMode.DIFFERENTIAL,
                FileFormat.CSV, "UTF-8", "demo-renewal-due-" + recordType + ".csv",
                imports.columnsMissingFrom(recordType, columns)), new ByteArrayInputStream(csv.getBytes(UTF_8)));
        if (report.rejectedRows() > 0) {
            throw new IllegalStateException("demo renewal " + recordType + " refused: " + report.rejections().stream()
                    .map(r -> r.field() + " " + r.reason()).toList());
        }
        log.info("demo renewal {}: {} inserted, {} updated, {} unchanged", recordType, report.inserted(),
                report.updated(), report.unchanged());
    }

    /**
     * The demo office registered 担当事業所 (居宅介護支援, 43) of the demo person by its care manager, as the README's
     * 資格確認 → 担当事業所として登録 would; nothing when it is in charge already.
     */
    void officeInCharge(SignIn careManager, SyntheticData.Person person) {
        String officeNo = careManager.organisation().number();
        LocalDate today = LocalDate.now(JAPAN);
        boolean inCharge = offices.servicesFor(officeNo, person.insurerNo(), person.insuredNo(), today).stream()
                .anyMatch(r -> r.serviceType().equals(CARE_MANAGEMENT) && r.inChargeOn(today));
        if (inCharge) {
            return;
        }
        var answer = eligibility.verify(careManager.session(), new EligibilityQuery(new InsurerNumber(person.insurerNo()),
                new InsuredNumber(person.insuredNo()), person.birthDate(), today));
        eligibility.registerInCharge(careManager.session(), answer.confirmation(), CARE_MANAGEMENT, today);
    }

    /** A staff account signed in once, when first needed, with its one-time code; signed out at the end. */
    static final class SignIn implements AutoCloseable {
        private final StaffAccounts staff;
        private final Party organisation;
        private final String loginId;
        private final String secret;
        private StaffSession session;

        SignIn(StaffAccounts staff, Party organisation, String loginId, String secret) {
            this.staff = staff;
            this.organisation = organisation;
            this.loginId = loginId;
            this.secret = secret;
        }

        Party organisation() {
            return organisation;
        }

        StaffSession session() {
            if (session == null) {
                var tokens = staff.signIn(organisation, loginId, DemoData.DEMO_STAFF_PASSWORD,
                        Totp.code(Base32.decode(secret), Totp.step(Instant.now())));
                session = staff.authenticate(organisation, tokens.accessToken()).orElseThrow();
            }
            return session;
        }

        @Override
        public void close() {
            Optional.ofNullable(session).ifPresent(staff::signOut);
        }
    }
}
