package jp.kaigo.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two platform instances on one database: each has its own audit writer, and together they keep one chain that
 * verifies, with every entry once.
 */
@SpringBootTest
class AuditChainWritersTests {
    @Autowired
    AuditLog first;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBatchThatCrossesIntoANewDayWritesTheDaysChainHeadWithIt() throws Exception {
        first.record(new AuditEntry("eligibility", "office", "4770000000", "CLERK", "479999", "0000000001", "資格確認",
                "care", "BEFORE"));
        // as if the chain's last entry had been written yesterday (Japan time): the next batch closes that day
        java.time.LocalDate yesterday = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).minusDays(1);
        jdbc.update("update audit.chain_tip set day = ?", yesterday);
        long tipSeq = jdbc.queryForObject("select seq from audit.chain_tip", Long.class);
        AuditLog restarted = new AuditLog(jdbc);
        try {
            restarted.record(new AuditEntry("eligibility", "office", "4770000000", "CLERK", "479999", "0000000001",
                    "資格確認", "care", "AFTER"));
        } finally {
            restarted.stop();
        }
        assertThat(jdbc.queryForObject("select last_seq from audit.chain_heads where day = ?", Long.class, yesterday))
                .isEqualTo(tipSeq);
        assertThat(first.verify().problems()).isEmpty();
    }

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    /** A change and its entry commit together: rolled back, neither is there; the writer appends after the committed one. */
    @Test
    void anEntryRecordedInATransactionCommitsOrRollsBackWithIt() throws Exception {
        String insurer = "478" + String.format("%03d", (int) (System.nanoTime() % 1000));
        AuditEntry rolledBack = new AuditEntry("consent", "municipality", insurer, null, insurer, "0000000001",
                "包括同意の登録(更新申請)", null, "GIVEN");
        try {
            tx.executeWithoutResult(status -> {
                first.recordInTransaction(rolledBack);
                throw new IllegalStateException("the change fails after its entry was written");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(jdbc.queryForObject("select count(*) from audit.entries where person_insurer = ?", Long.class, insurer))
                .as("the entry of a change rolled back").isZero();

        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?>[] meanwhile = new Future<?>[1];
            tx.executeWithoutResult(status -> {
                first.recordInTransaction(new AuditEntry("consent", "municipality", insurer, null, insurer, "0000000002",
                        "包括同意の登録(更新申請)", null, "GIVEN"));
                // a request writing through the writer meanwhile waits for this transaction, then chains after it
                meanwhile[0] = other.submit(() -> first.record(new AuditEntry("eligibility", "office", "4770000000",
                        "CLERK", insurer, "0000000003", "資格確認", "care", "AFTER")));
            });
            meanwhile[0].get(30, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
        assertThat(jdbc.queryForList("select person_insured from audit.entries where person_insurer = ? order by seq",
                String.class, insurer)).containsExactly("0000000002", "0000000003");
        assertThat(first.verify().problems()).isEmpty();
        assertThatThrownBy(() -> first.recordInTransaction(rolledBack)).as("outside a transaction")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void twoWritersOnOneDatabaseKeepOneIntactChain() throws Exception {
        AuditLog second = new AuditLog(jdbc);
        String insurer = "479" + String.format("%03d", (int) (System.nanoTime() % 1000));
        int threads = 8;
        int perThread = 300;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                AuditLog writer = t % 2 == 0 ? first : second;
                String insured = String.format("%010d", t);
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        writer.record(new AuditEntry("eligibility", "office", "4770000000", "CLERK", insurer, insured,
                                "資格確認", "care", writer == first ? "FIRST" : "SECOND"));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            second.stop();
        }
        long written = jdbc.queryForObject("select count(*) from audit.entries where person_insurer = ?", Long.class, insurer);
        assertThat(written).isEqualTo((long) threads * perThread);
        assertThat(jdbc.queryForObject("select count(distinct seq) = count(*) from audit.entries", Boolean.class))
                .as("every sequence number once").isTrue();
        VerificationReport report = first.verify();
        assertThat(report.problems()).isEmpty();
        assertThat(report.intact()).isTrue();
    }
}
