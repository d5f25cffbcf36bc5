package jp.kaigo.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.identity.Totp;
import jp.kaigo.ingest.FileFormat;
import jp.kaigo.ingest.FileImports;
import jp.kaigo.ingest.ImportMode;
import jp.kaigo.ingest.ImportRequest;
import jp.kaigo.notification.ContactPreferences;
import jp.kaigo.notification.Notices;
import jp.kaigo.notification.RecordedBy;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.shared.CareLevelCertified;
import jp.kaigo.shared.InsuredPerson;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.Party;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 紙で送る通知 (design §7.4, I16 §7 "the municipality gets a print list for those people"): the 認定結果通知 of a
 * person who chose paper waits on the municipality's page as a letter with the registry's name and address, the
 * person who did not choose paper is not on it, and 印刷済みにする takes the letters off the list, once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaperNoticesPageTests {
    private static final AtomicInteger NEXT = new AtomicInteger(700);
    private static final String PAGE = "/portal/municipality/paper-notices";
    private static final String HEADER =
            "保険者番号,被保険者番号,履歴番号,有効開始日,有効終了日,氏名,氏名カナ,生年月日,性別,住所,被保険者区分,資格取得日,資格取得事由,資格喪失日,資格喪失事由";

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
    Notices notices;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient sql;

    String insurer;
    InsuredPerson onPaper;
    InsuredPerson online;
    PortalTerminal officer;

    @BeforeEach
    void twoPersonsOneOfThemOnPaper() {
        int n = NEXT.getAndIncrement();
        insurer = InsurerNumber.withCheckDigit("37" + n).value();
        registry.registerInsurer(new InsurerNumber(insurer), "紙村" + n);
        onPaper = InsuredPerson.of(insurer, "0000" + n + "001");
        online = InsuredPerson.of(insurer, "0000" + n + "002");
        String csv = HEADER + "\n" + row(onPaper, "紙野 花子", "沖縄県紙村1番地") + "\n" + row(online, "電子 太郎", "沖縄県紙村2番地")
                + "\n";
        var report = imports.importFile(new ImportRequest(insurer, "insured", ImportMode.FULL, FileFormat.CSV, "UTF-8",
                "insured.csv", imports.columnsMissingFrom("insured", List.of(HEADER.split(",")))),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(report.rejectedRows()).isZero();
        notices.setPreferences(onPaper, new ContactPreferences(true, null, null), RecordedBy.SELF);
        officer = officer("officer" + n);
    }

    @Test
    void theResultNoticeOfThePersonOnPaperWaitsAsALetterUntilMarkedPrinted() {
        InsuredPerson notInRegistry = InsuredPerson.of(insurer, onPaper.insuredNo().substring(0, 9) + "9");
        notices.setPreferences(notInRegistry, new ContactPreferences(true, null, null), RecordedBy.SELF);
        certified(onPaper);
        certified(online);
        certified(notInRegistry);
        await().atMost(Duration.ofSeconds(20)).until(() -> notices.inbox(online, 1).total() == 1
                && notices.inbox(onPaper, 1).total() == 1 && notices.inbox(notInRegistry, 1).total() == 1);

        HttpResponse<String> page = officer.get(PAGE);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>紙で送る通知</h1>", "沖縄県紙村1番地", "紙野 花子 様", onPaper.insuredNo(),
                        "要介護認定の結果のお知らせ", "要介護状態区分:要介護2", "印刷する", "印刷済みにする")
                .as("reached from the municipality's menu").contains("href=\"" + PAGE + "\"")
                .as("the person who did not choose paper").doesNotContain("電子 太郎", online.insuredNo())
                .as("a notice without an address in the registry is counted, not dropped")
                .contains("宛先を確認できない通知が 1 件あります");
        assertThat(audited()).as("the address read is a look at the person, audited").containsExactly(onPaper.insuredNo());

        String noticeId = sql.sql("select notice_id::text from notification.notices where insurer_no = :i and insured_no = :p")
                .param("i", insurer).param("p", onPaper.insuredNo()).query(String.class).single();
        HttpResponse<String> printed = officer.form(PAGE, PAGE + "/printed", "noticeId=" + noticeId);
        assertThat(printed.statusCode()).as(printed.body()).isEqualTo(302);
        assertThat(printed.headers().firstValue("Location").orElseThrow()).endsWith(PAGE + "?printed=1");
        assertThat(officer.get(PAGE + "?printed=1").body()).contains("1 件を印刷済みにしました。",
                "印刷を待っている通知はありません。").doesNotContain("紙野 花子");
        assertThat(officer.form(PAGE, PAGE + "/printed", "noticeId=" + noticeId).headers().firstValue("Location")
                .orElseThrow()).as("printed once").endsWith("?printed=0");
    }

    @Test
    void aBadNoticeIdIsAnsweredAndChangesNothing() {
        certified(onPaper);
        await().atMost(Duration.ofSeconds(20)).until(() -> notices.printList(new InsurerNumber(insurer)).size() == 1);
        HttpResponse<String> refused = officer.form(PAGE, PAGE + "/printed", "noticeId=not-an-id");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("通知", "指定が正しくありません");
        assertThat(notices.printList(new InsurerNumber(insurer))).hasSize(1);
    }

    /**
     * The paper 資格確認書(仮称) (docs/design/care-documents.md §8.2): the wish recorded at the counter puts the person on
     * the list with what the certificate shows; 交付済み takes them off until what it shows changes (a new 負担割合証).
     */
    @Test
    void aPaperCertificateIsDueFirstAndAgainWhenWhatItShowsChanges() {
        String certificates = "/portal/municipality/paper-certificates";
        assertThat(officer.get(certificates).body()).contains("交付を待っている資格確認書はありません。");
        HttpResponse<String> wish = officer.form(certificates, certificates + "/wishes",
                "insuredNo=" + onPaper.insuredNo() + "&wanted=yes");
        assertThat(wish.headers().firstValue("Location").orElseThrow()).endsWith("?wish=yes");
        HttpResponse<String> due = officer.get(certificates);
        assertThat(due.body()).contains("紙野 花子 様", "沖縄県紙村1番地", "(初回)", "被保険者番号:" + onPaper.insuredNo(),
                "要介護状態区分:認定なし").doesNotContain("電子 太郎");
        String printed = due.body().replaceAll("(?s).*name=\"printed\" value=\"([^\"]+)\".*", "$1");
        assertThat(officer.form(certificates, certificates + "/issued", "printed=" + onPaper.insuredNo() + ":nothex")
                .statusCode()).as("a bad entry").isEqualTo(400);
        assertThat(officer.form(certificates, certificates + "/issued", "printed=" + printed).headers()
                .firstValue("Location").orElseThrow()).endsWith("?issued=1");
        assertThat(officer.get(certificates).body()).contains("交付を待っている資格確認書はありません。");

        String ratio = "保険者番号,被保険者番号,履歴番号,有効開始日,有効終了日,利用者負担の割合\n" + String.join(",", insurer,
                onPaper.insuredNo(), "1", "2026-08-01", "2027-07-31", "20") + "\n";
        var report = imports.importFile(new ImportRequest(insurer, "burden-ratio", ImportMode.FULL, FileFormat.CSV, "UTF-8",
                "ratio.csv", imports.columnsMissingFrom("burden-ratio", List.of(ratio.substring(0, ratio.indexOf('\n'))
                        .split(",")))), new ByteArrayInputStream(ratio.getBytes(StandardCharsets.UTF_8)));
        assertThat(report.rejectedRows()).isZero();
        assertThat(officer.get(certificates).body()).as("what it shows changed").contains("紙野 花子 様", "(内容の変更)",
                "利用者負担の割合:2割");

        registry.wantPaperCertificate(new InsurerNumber(insurer), new jp.kaigo.shared.InsuredNumber(onPaper.insuredNo()),
                false, "self");
        assertThat(officer.get(certificates).body()).as("no longer wanted").doesNotContain("紙野 花子");
    }

    private void certified(InsuredPerson person) {
        LocalDate today = LocalDate.now();
        transactions.executeWithoutResult(s -> events.publishEvent(new CareLevelCertified(UUID.randomUUID(), person,
                "22", today, today, today.plusMonths(12), "特になし")));
    }

    private List<String> audited() {
        return sql.sql("""
                select person_insured from audit.entries where person_insurer = :i and purpose like '%紙で送る通知の宛先%'
                """).param("i", insurer).query(String.class).list();
    }

    private PortalTerminal officer(String loginId) {
        var admin = staff.registerFirstAdmin(Party.municipality(insurer), "admin" + loginId, Browser.STAFF_PASSWORD,
                JobType.CLERK);
        var tokens = staff.signIn(Party.municipality(insurer), "admin" + loginId, Browser.STAFF_PASSWORD,
                Totp.code(Base32.decode(admin.totpSecret()), Totp.step(Instant.now())));
        StaffSession session = staff.authenticate(Party.municipality(insurer), tokens.accessToken()).orElseThrow();
        var enrolment = staff.createStaff(session, loginId, Browser.STAFF_PASSWORD, JobType.MUNICIPAL_OFFICER, List.of());
        return PortalTerminal.signedIn(pki, port, Party.municipality(insurer), loginId, Browser.STAFF_PASSWORD,
                Base32.decode(enrolment.totpSecret()));
    }

    private String row(InsuredPerson person, String name, String address) {
        return String.join(",", insurer, person.insuredNo(), "1", "2026-04-01", "", name, "カナ", "1938-02-03", "2",
                address, "1", "2003-02-03", "01", "", "");
    }
}
