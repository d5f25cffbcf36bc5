package jp.kaigo.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import jp.kaigo.shared.DecisionOverdue;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.RenewalDue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily job's notices (design §7.1): a 更新勧奨 60 days before the end of the latest 認定 (and on the days after,
 * to catch up), none with a case open; a 処分延期通知 on day 30 of an open case, none once it is decided. The day is
 * given, so the test moves through the calendar without waiting.
 */
@SpringBootTest
@RecordApplicationEvents
class TimedNoticesIntegrationTests {
    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static final InsurerNumber INSURER = InsurerNumber.withCheckDigit("13103");
    private static final LocalDate END = LocalDate.of(2031, 3, 31);
    @Autowired
    TimedNotices notices;
    @Autowired
    CareCertification certification;
    @Autowired
    JdbcClient sql;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ApplicationEvents events;

    @Test
    void renewalIsDueFromSixtyDaysBeforeTheEndAndNotWithACaseOpen() {
        InsuredNumber person = person();
        sql.sql("""
                insert into certification.certification_records (insurer_no, insured_no, history_no, revision, valid_from,
                       application_type, applied_on, progress, result, certified_on, cert_valid_from, cert_valid_to, import_id)
                values (:i, :p, 1, 1, :from, '1', :from, '6', '22', :from, :from, :end, :import)
                """).param("i", INSURER.value()).param("p", person.value()).param("from", END.minusYears(1).plusDays(1))
                .param("end", END).param("import", UUID.randomUUID()).update();
        notices.publishDue(END.minusDays(61));
        assertThat(renewals(person)).as("61 days before").isZero();
        notices.publishDue(END.minusDays(60));
        assertThat(renewals(person)).as("60 days before").isEqualTo(1);
        notices.publishDue(END.minusDays(58));
        assertThat(renewals(person)).as("caught up after downtime (sent once: the notice is deduplicated)").isEqualTo(2);

        certification.openCase(new CareCertification.CaseDraft(INSURER, person, UUID.randomUUID(), "2",
                END.minusDays(57), null));
        notices.publishDue(END.minusDays(57));
        assertThat(renewals(person)).as("an 更新 case is open").isEqualTo(2);
    }

    @Test
    void postponementIsDueOnDayThirtyOfAnOpenCaseOnly() {
        InsuredNumber person = person();
        LocalDate applied = LocalDate.of(2031, 1, 10);
        UUID caseId = certification.openCase(new CareCertification.CaseDraft(INSURER, person, UUID.randomUUID(), "1",
                applied, null));
        notices.publishDue(applied.plusDays(29));
        assertThat(overdue(caseId)).isEmpty();
        notices.publishDue(applied.plusDays(30));
        assertThat(overdue(caseId)).containsExactly(DecisionOverdue.Reason.SURVEY_PENDING);

        sql.sql("update certification.cases set status = 'decided' where case_id = :c").param("c", caseId).update();
        notices.publishDue(applied.plusDays(31));
        assertThat(overdue(caseId)).as("decided: no more").hasSize(1);
    }

    private static InsuredNumber person() {
        return new InsuredNumber(String.format("%010d", NEXT.incrementAndGet() % 10_000_000_000L));
    }

    private long renewals(InsuredNumber person) {
        return events.stream(RenewalDue.class).filter(e -> e.person().insured().equals(person)).count();
    }

    private java.util.List<DecisionOverdue.Reason> overdue(UUID caseId) {
        return events.stream(DecisionOverdue.class).filter(e -> e.caseId().equals(caseId))
                .map(DecisionOverdue::reason).toList();
    }
}
