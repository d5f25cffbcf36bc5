package jp.kaigo.eligibility;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.TooManyAttempts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Unknown answers in 資格確認 by numbers (a wrong birth date, or numbers that name nobody: the two are never told
 * apart), per office: each is recorded; after {@code limit} within 24 hours
 * the office's 資格確認 by numbers stops for 24 hours (the card still works) and the municipalities of the
 * persons tried see it. Kept in the database (evidence for the municipality, shared by every instance); the
 * locks in force are also held in memory, re-read every few seconds, so the common answer costs no query.
 */
@Component
class BirthDateGuesses {
    private static final Logger log = LoggerFactory.getLogger(BirthDateGuesses.class);
    static final Duration WINDOW = Duration.ofHours(24);
    private final JdbcClient sql;
    private final int limit;
    private final Map<String, Instant> locked = new ConcurrentHashMap<>();

    BirthDateGuesses(JdbcClient sql, @Value("${kaigo.eligibility.wrong-birth-dates-per-day:20}") int limit) {
        this.sql = sql;
        this.limit = limit;
    }

    /** Refuses while the office's 資格確認 by numbers is stopped. */
    void checkNotLocked(Party office) {
        Instant until = locked.get(office.toString());
        if (until != null && until.isAfter(Instant.now())) {
            throw new TooManyAttempts("該当者なしの照会(番号または生年月日の誤り)が続いたため、この事業所の番号入力による資格確認を"
                    + until.atZone(ZoneOffset.ofHours(9)).toLocalDateTime().withNano(0).toString().replace('T', ' ')
                    + "まで停止しています(保険者に通知済み。マイナンバーカードによる資格確認は使えます)");
        }
    }

    /** A wrong birth date for an existing person; returns whether the office is now stopped. */
    boolean record(StaffSession asking, String insurerNo, String insuredNo) {
        Party office = asking.organisation();
        sql.sql("""
                insert into eligibility.birth_date_mismatches (office_kind, office_no, staff_id, insurer_no, insured_no)
                values (?, ?, ?, ?, ?)
                """).params(office.kind().code(), office.number(), asking.staffId(), insurerNo, insuredNo).update();
        int recent = sql.sql("select count(*) from eligibility.birth_date_mismatches where office_no = ? and office_kind = ?"
                + " and tried_at > ?").params(office.number(), office.kind().code(),
                Instant.now().minus(WINDOW).atOffset(ZoneOffset.UTC)).query(Integer.class).single();
        if (recent < limit) {
            return false;
        }
        Instant until = Instant.now().plus(WINDOW);
        sql.sql("insert into eligibility.locks (office_kind, office_no, locked_until) values (?, ?, ?)")
                .params(office.kind().code(), office.number(), until.atOffset(ZoneOffset.UTC)).update();
        locked.put(office.toString(), until);
        log.warn("資格確認 by numbers stopped for office {} after {} wrong birth dates within 24 hours", office.number(), recent);
        return true;
    }

    /** Picks up locks made by other instances, and forgets ended ones. */
    @Scheduled(fixedDelay = 5000)
    void refresh() {
        Map<String, Instant> current = new ConcurrentHashMap<>();
        sql.sql("select office_kind || ':' || office_no, max(locked_until) from eligibility.locks where locked_until > now()"
                + " group by office_kind, office_no")
                .query((rs, n) -> current.put(rs.getString(1), rs.getTimestamp(2).toInstant())).list();
        locked.keySet().retainAll(current.keySet());
        locked.putAll(current);
    }

    /** What the municipality is alerted to: offices that tried wrong birth dates on its insured, in the last 30 days. */
    List<GuessingAlert> alertsFor(String insurerNo) {
        return sql.sql("""
                select m.office_kind, m.office_no, count(*), count(distinct m.insured_no), max(m.tried_at),
                       (select max(l.locked_until) from eligibility.locks l
                         where l.office_no = m.office_no and l.office_kind = m.office_kind)
                  from eligibility.birth_date_mismatches m
                 where m.insurer_no = ? and m.tried_at > now() - interval '30 days'
                 group by m.office_kind, m.office_no
                 order by max(m.tried_at) desc
                """).params(insurerNo).query((rs, n) -> new GuessingAlert(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getInt(4), rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant())).list();
    }
}
