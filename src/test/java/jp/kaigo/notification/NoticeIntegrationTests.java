package jp.kaigo.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import jp.kaigo.shared.CareLevelCertified;
import jp.kaigo.shared.DecisionOverdue;
import jp.kaigo.shared.InsuredPerson;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.RenewalDue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notices against the real PostgreSQL, made by the module's listeners from events published in a committed
 * transaction (design for issue 16, §7, increment 14): one notice per person and deduplication key however often the
 * event comes; the inbox's read/unread; the paper list of a municipality; and the email/SMS pointer holding no
 * personal data.
 */
@SpringBootTest
class NoticeIntegrationTests {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Notices notices;
    @Autowired
    NotificationSimulator simulator;
    @Autowired
    JdbcClient sql;

    @Test
    void theSameEventTwiceMakesOneNoticeAndOneMessage() {
        InsuredPerson person = newPerson("13101");
        notices.setPreferences(person, new ContactPreferences(false, null, "09012345678"), RecordedBy.SELF);
        CareLevelCertified certified = certified(person, UUID.randomUUID());
        publish(certified);
        await(() -> notices.inbox(person, 1).total() == 1);
        publish(certified); // a publication delivered again (restart, resubmission): the same case's result
        publish(new RenewalDue(person, LocalDate.of(2027, 3, 31)));
        publish(new RenewalDue(person, LocalDate.of(2027, 3, 31)));
        await(() -> notices.inbox(person, 1).total() == 2);
        awaitNoPublicationsOutstanding();

        Inbox inbox = notices.inbox(person, 1);
        assertThat(inbox.notices()).extracting(Notice::kind)
                .containsExactlyInAnyOrder(NoticeKind.CERTIFICATION_RESULT, NoticeKind.RENEWAL_REMINDER);
        UUID result = inbox.notices().stream().filter(n -> n.kind() == NoticeKind.CERTIFICATION_RESULT).findFirst()
                .orElseThrow().id();
        assertThat(simulator.directory().resolve("sms").resolve(result + ".txt")).exists();
        assertThat(sql.sql("""
                select count(*) from notification.deliveries where insurer_no = ? and insured_no = ? and channel = 'sms'
                   and status = 'sent' and attempts = 1
                """).params(person.insurerNo(), person.insuredNo()).query(Integer.class).single())
                .as("one sent SMS per notice, each sent once").isEqualTo(2);
    }

    @Test
    void inboxShowsNoticesUnreadUntilThePersonMarksThemRead() {
        InsuredPerson person = newPerson("13101");
        InsuredPerson other = newPerson("13101");
        UUID caseId = UUID.randomUUID();
        publish(certified(person, caseId));
        publish(new DecisionOverdue(UUID.randomUUID(), person, LocalDate.of(2026, 10, 1), null,
                DecisionOverdue.Reason.OPINION_PENDING));
        await(() -> notices.inbox(person, 1).total() == 2);

        Inbox inbox = notices.inbox(person, 1);
        assertThat(inbox.unread()).isEqualTo(2);
        assertThat(inbox.notices()).allMatch(Notice::unread);
        Notice postponement = inbox.notices().stream().filter(n -> n.kind() == NoticeKind.POSTPONEMENT).findFirst()
                .orElseThrow();
        assertThat(postponement.title()).isEqualTo("要介護認定の処分延期のお知らせ");
        assertThat(postponement.lines()).anyMatch(l -> l.contains("主治医意見書が届いていないため"))
                .anyMatch(l -> l.equals("結果をお知らせできる見込み:未定"));

        assertThat(notices.markRead(other, postponement.id())).as("another person's notice").isFalse();
        assertThat(notices.inbox(person, 1).unread()).isEqualTo(2);
        assertThat(notices.markRead(person, postponement.id())).isTrue();
        assertThat(notices.markRead(person, postponement.id())).as("reading again changes nothing").isTrue();

        Inbox after = notices.inbox(person, 1);
        assertThat(after.unread()).isEqualTo(1);
        assertThat(after.notices()).filteredOn(n -> n.id().equals(postponement.id()))
                .singleElement().satisfies(n -> assertThat(n.readAt()).isNotNull());
        assertThat(after.notices()).filteredOn(n -> n.kind() == NoticeKind.CERTIFICATION_RESULT)
                .singleElement().satisfies(n -> assertThat(n.unread()).isTrue());
        assertThat(notices.inbox(other, 1).total()).isZero();
    }

    @Test
    void paperNoticesWaitOnTheMunicipalitysPrintListUntilPrinted() {
        InsurerNumber insurer = InsurerNumber.withCheckDigit("27" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000)));
        InsuredPerson onPaper = newPerson(insurer.value().substring(0, 5));
        InsuredPerson online = newPerson(insurer.value().substring(0, 5));
        notices.setPreferences(onPaper, new ContactPreferences(true, null, null), RecordedBy.MUNICIPALITY);
        publish(certified(onPaper, UUID.randomUUID()));
        publish(certified(online, UUID.randomUUID()));
        await(() -> notices.inbox(onPaper, 1).total() == 1 && notices.inbox(online, 1).total() == 1);
        awaitNoPublicationsOutstanding();

        List<PrintItem> list = notices.printList(insurer);
        assertThat(list).singleElement().satisfies(item -> {
            assertThat(item.person()).isEqualTo(onPaper);
            assertThat(item.kind()).isEqualTo(NoticeKind.CERTIFICATION_RESULT);
        });
        UUID staff = UUID.randomUUID();
        assertThat(notices.markPrinted(InsurerNumber.withCheckDigit("13101"), List.of(list.get(0).noticeId()), staff)
                .notices()).as("another insurer cannot print it").isZero();
        assertThat(notices.markPrinted(insurer, List.of(list.get(0).noticeId()), staff).notices()).isEqualTo(1);
        assertThat(notices.printList(insurer)).isEmpty();
        assertThat(notices.markPrinted(insurer, List.of(list.get(0).noticeId()), staff).notices())
                .as("printed once").isZero();
    }

    @Test
    void emailAndSmsSayOnlyThatThereIsANotice() throws Exception {
        InsuredPerson person = newPerson("13101");
        notices.setPreferences(person, new ContactPreferences(false, "hanako@example.jp", "090-1234-5678"), RecordedBy.SELF);
        assertThat(notices.preferences(person).sms()).isEqualTo("09012345678");
        UUID caseId = UUID.randomUUID();
        publish(certified(person, caseId));
        await(() -> notices.inbox(person, 1).total() == 1);
        UUID noticeId = notices.inbox(person, 1).notices().get(0).id();
        Path sms = simulator.directory().resolve("sms").resolve(noticeId + ".txt");
        Path email = simulator.directory().resolve("email").resolve(noticeId + ".txt");
        await(() -> Files.exists(sms) && Files.exists(email));
        awaitNoPublicationsOutstanding();

        for (Path message : List.of(sms, email)) {
            String text = Files.readString(message, StandardCharsets.UTF_8);
            String body = text.substring(text.indexOf("\n\n") + 2);
            assertThat(body).startsWith("介護保険のお知らせがあります。マイページでご確認ください。")
                    .contains("https://");
            // nothing of the person or of the notice: numbers, level, dates, case, the board's opinion
            assertThat(body).doesNotContain(person.insurerNo(), person.insuredNo(), "要介護3", "2026", "2027", "令和",
                    caseId.toString(), noticeId.toString(), "審査会");
            assertThat(text).doesNotContain("要介護", person.insuredNo());
        }
        // the full notice is in the inbox, after the card sign-in
        assertThat(notices.inbox(person, 1).notices().get(0).lines()).contains("要介護状態区分:要介護3");
    }

    private CareLevelCertified certified(InsuredPerson person, UUID caseId) {
        return new CareLevelCertified(caseId, person, "23", LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 1),
                LocalDate.of(2027, 11, 30), "審査会の意見:特記事項なし");
    }

    /** Publishes as a module does: inside its writing transaction; the listener runs after the commit. */
    private void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    private void awaitNoPublicationsOutstanding() {
        await(() -> sql.sql("""
                select count(*) from public.event_publication
                 where completion_date is null and listener_id like 'jp.kaigo.notification.%'
                """).query(Integer.class).single() == 0);
    }

    private static InsuredPerson newPerson(String insurerBody) {
        return InsuredPerson.of(InsurerNumber.withCheckDigit(insurerBody).value(),
                String.format("N%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)));
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
