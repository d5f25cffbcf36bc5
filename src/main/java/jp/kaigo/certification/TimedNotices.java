package jp.kaigo.certification;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import jp.kaigo.shared.DecisionOverdue;
import jp.kaigo.shared.InsuredPerson;
import jp.kaigo.shared.RenewalDue;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily job behind the timed notices (design §7.1): a 認定更新勧奨 for each person whose latest 認定 ends in 60
 * days and who has no case open; a 処分延期通知 for each case still open 30 days after its application (介護保険法
 * 27条11項, unverified here). Each looks back {@value #CATCH_UP_DAYS} more days, so a few days of downtime are caught
 * up; the notification module sends each notice once (per 有効期間の終了日, per case), so a day seen twice changes
 * nothing. One instance runs it (ShedLock).
 */
@Component
class TimedNotices {
    static final int RENEWAL_DAYS = 60;
    static final int DECISION_DAYS = 30;
    static final int CATCH_UP_DAYS = 5;
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final JdbcClient sql;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    TimedNotices(JdbcClient sql, TransactionTemplate tx, ApplicationEventPublisher events) {
        this.sql = sql;
        this.tx = tx;
        this.events = events;
    }

    @Scheduled(cron = "0 30 6 * * *", zone = "Asia/Tokyo")
    @SchedulerLock(name = "certification-timed-notices", lockAtMostFor = "PT30M")
    void daily() {
        publishDue(LocalDate.now(JAPAN));
    }

    private record Renewal(String insurerNo, String insuredNo, LocalDate validTo) {
    }

    private record Overdue(UUID caseId, String insurerNo, String insuredNo, LocalDate appliedOn, LocalDate expectedOn,
            String reason, String progress) {
    }

    /** Publishes the notices due on the day; answers how many events were published. */
    int publishDue(LocalDate today) {
        Integer published = tx.execute(status -> {
            List<Renewal> renewals = sql.sql("""
                    select r.insurer_no, r.insured_no, r.cert_valid_to from certification.certification_records r
                     where r.current and not r.deleted and r.result is not null and r.result <> '01'
                       and r.cert_valid_to between :from and :to
                       and not exists (select 1 from certification.certification_records later
                                        where later.insurer_no = r.insurer_no and later.insured_no = r.insured_no
                                          and later.current and not later.deleted and later.cert_valid_to > r.cert_valid_to)
                       and not exists (select 1 from certification.cases c where c.insurer_no = r.insurer_no
                                          and c.insured_no = r.insured_no and c.status = 'open')
                    """).param("from", today.plusDays(RENEWAL_DAYS - CATCH_UP_DAYS)).param("to", today.plusDays(RENEWAL_DAYS))
                    .query((rs, i) -> new Renewal(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class)))
                    .list();
            renewals.forEach(r -> events.publishEvent(new RenewalDue(InsuredPerson.of(r.insurerNo(), r.insuredNo()),
                    r.validTo())));
            List<Overdue> overdue = sql.sql("""
                    select c.case_id, c.insurer_no, c.insured_no, c.applied_on, c.expected_decision_on,
                           c.postponement_reason, r.progress
                      from certification.cases c
                      join certification.certification_records r on r.insurer_no = c.insurer_no
                           and r.insured_no = c.insured_no and r.case_id = c.case_id and r.current
                     where c.status = 'open' and c.applied_on between :from and :to
                    """).param("from", today.minusDays(DECISION_DAYS + CATCH_UP_DAYS))
                    .param("to", today.minusDays(DECISION_DAYS))
                    .query((rs, i) -> new Overdue(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getString(6),
                            rs.getString(7))).list();
            overdue.forEach(o -> events.publishEvent(new DecisionOverdue(o.caseId(),
                    InsuredPerson.of(o.insurerNo(), o.insuredNo()), o.appliedOn(), o.expectedOn(), reason(o))));
            return renewals.size() + overdue.size();
        });
        return published == null ? 0 : published;
    }

    /** The clerk's reason if given, else what the case's 進捗 says (design §7.1). */
    private static DecisionOverdue.Reason reason(Overdue o) {
        if (o.reason() != null && !o.reason().isBlank()) {
            return DecisionOverdue.Reason.OTHER;
        }
        return switch (o.progress()) {
            case "1", "2" -> DecisionOverdue.Reason.SURVEY_PENDING;
            case "3" -> DecisionOverdue.Reason.OPINION_PENDING;
            default -> DecisionOverdue.Reason.UNDER_REVIEW;
        };
    }
}
