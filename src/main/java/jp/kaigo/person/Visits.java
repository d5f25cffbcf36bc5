package jp.kaigo.person;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person's visits to their own page: a page within {@code kaigo.person.new-visit-after} of the previous one
 * continues the visit, a later one starts a new visit. "New since my last visit" is measured from the last page of
 * the visit before the current one, so reloading the page does not make the news old.
 */
@Repository
class Visits {
    private final JdbcClient sql;
    private final Duration newVisitAfter;

    Visits(JdbcClient sql, @Value("${kaigo.person.new-visit-after:30m}") Duration newVisitAfter) {
        this.sql = sql;
        this.newVisitAfter = newVisitAfter;
    }

    private record Visit(UUID id, Instant startedAt, Instant lastSeenAt) {
    }

    /**
     * Records a page seen now by {@code viewer} ("person" or the representative's kind) and answers when the
     * previous visit ended; empty on the first visit.
     */
    @Transactional
    Optional<Instant> arrive(String insurerNo, String insuredNo, String viewer, Instant now) {
        List<Visit> latest = sql.sql("""
                select visit_id, started_at, last_seen_at from person.visits
                 where insurer_no = ? and insured_no = ? and viewer = ?
                 order by started_at desc limit 2
                """).params(insurerNo, insuredNo, viewer)
                .query((rs, n) -> new Visit(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant())).list();
        if (!latest.isEmpty() && latest.get(0).lastSeenAt().isAfter(now.minus(newVisitAfter))) {
            sql.sql("update person.visits set last_seen_at = ? where visit_id = ?")
                    .params(now.atOffset(ZoneOffset.UTC), latest.get(0).id()).update();
            return latest.size() > 1 ? Optional.of(latest.get(1).lastSeenAt()) : Optional.empty();
        }
        sql.sql("""
                insert into person.visits (visit_id, insurer_no, insured_no, viewer, started_at, last_seen_at)
                values (?, ?, ?, ?, ?, ?)
                """).params(UUID.randomUUID(), insurerNo, insuredNo, viewer, now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC))
                .update();
        return latest.isEmpty() ? Optional.empty() : Optional.of(latest.get(0).lastSeenAt());
    }
}
