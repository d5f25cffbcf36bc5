package jp.kaigo.api;

import static jp.kaigo.api.MunicipalityFiles.INSURED_HEADER;
import static jp.kaigo.api.MunicipalityFiles.insuredRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.kaigo.audit.AuditEntry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import javax.sql.DataSource;
import jp.kaigo.audit.AccessRecord;
import jp.kaigo.audit.AuditLog;
import jp.kaigo.cli.Commands;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every 資格確認 leaves an entry the application cannot change, and a change made behind its back is found. */
class AuditTrailIntegrationTests extends MunicipalityApiTests {
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Value("${spring.datasource.url}")
    String jdbcUrl;

    @Test
    void everyEligibilityCheckIsRecordedAndThePersonSeesWhoAsked() {
        api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, "0000000001", 1, "2020-04-01", null, "1940-05-06", null) + "\n");
        office.post("/api/eligibility", "{\"insurerNo\":\"" + insurer
                + "\",\"insuredNo\":\"0000000001\",\"birthDate\":\"1940-05-06\",\"asOf\":\"2026-05-01\"}");
        office.post("/api/eligibility", "{\"insurerNo\":\"" + insurer
                + "\",\"insuredNo\":\"0000000001\",\"birthDate\":\"1940-05-07\",\"asOf\":\"2026-05-01\"}");
        List<AccessRecord> accesses = audit.accessesTo(insurer, "0000000001");
        assertThat(accesses).hasSize(2);
        assertThat(accesses).extracting(AccessRecord::outcome).containsExactly("UNKNOWN", "INSURED");
        assertThat(accesses).allSatisfy(a -> {
            assertThat(a.actorKind()).isEqualTo("office");
            assertThat(a.actorNumber()).isEqualTo(officeNo);
            assertThat(a.purpose()).isEqualTo("資格確認");
        });
        assertThat(audit.verify().intact()).isTrue();
    }

    /**
     * Callers append each other's entries (whoever finds the appender free writes what is queued). A caller
     * whose own transaction then rolls back must take no entry with it, its own included: the trail is
     * written apart from the callers' transactions.
     */
    @Test
    void entriesRecordedSideBySideAreAllKeptEvenWhenACallersTransactionRollsBack() throws Exception {
        String insured = "0000000077";
        var transactions = new TransactionTemplate(transactionManager);
        int threads = 8;
        int perThread = 40;
        var pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                boolean rollsBack = t % 2 == 0;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        var entry = new AuditEntry("test", "office", officeNo, "CARE_MANAGER", insurer, insured,
                                "テスト", "資格確認", rollsBack ? "ROLLED_BACK_CALLER" : "PLAIN_CALLER");
                        if (rollsBack) {
                            transactions.executeWithoutResult(status -> {
                                jdbc.queryForObject("select 1", Integer.class); // the transaction holds a connection
                                audit.record(entry);
                                status.setRollbackOnly();
                            });
                        } else {
                            audit.record(entry);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(audit.accessesTo(insurer, insured)).extracting(AccessRecord::outcome)
                .hasSize(threads * perThread)
                .containsOnly("ROLLED_BACK_CALLER", "PLAIN_CALLER")
                .filteredOn("ROLLED_BACK_CALLER"::equals).hasSize(threads / 2 * perThread);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void theApplicationCannotChangeOrDeleteTheTrail() {
        office.post("/api/eligibility", "{\"insurerNo\":\"" + insurer
                + "\",\"insuredNo\":\"0000000002\",\"birthDate\":\"1940-05-06\"}");
        for (String edit : List.of("update audit.entries set outcome = 'INSURED'", "delete from audit.entries",
                "truncate audit.entries", "delete from audit.chain_heads")) {
            assertThatThrownBy(() -> jdbc.update(edit)).as(edit).rootCause().hasMessageContaining("permission denied");
        }
    }

    @Test
    void verificationFindsAnEditedARemovedAndAnInsertedEntry() throws Exception {
        for (int i = 0; i < 4; i++) {
            office.post("/api/eligibility", "{\"insurerNo\":\"" + insurer
                    + "\",\"insuredNo\":\"000000009" + i + "\",\"birthDate\":\"1940-05-06\"}");
        }
        assertThat(audit.verify().intact()).isTrue();
        long last = jdbc.queryForObject("select max(seq) from audit.entries", Long.class);
        // a database administrator (the owner, not the application's role) edits the trail behind its back
        try (Connection owner = dataSource.getConnection(); Statement sql = owner.createStatement()) {
            sql.execute("reset role");
            try {
                sql.execute("update audit.entries set outcome = 'INSURED' where seq = " + (last - 2));
                var edited = audit.verify();
                assertThat(edited.problems()).containsExactly("記録 " + (last - 2) + ": 内容が書き換えられています");
                var out = new ByteArrayOutputStream();
                int code = Commands.run(new String[] {"audit", "verify", "--jdbc-url", jdbcUrl},
                        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
                assertThat(code).as("the audit verify command").isEqualTo(1);
                assertThat(out.toString(StandardCharsets.UTF_8))
                        .contains("記録 " + (last - 2) + ": 内容が書き換えられています");

                sql.execute("create temp table removed as select * from audit.entries where seq = " + (last - 1));
                sql.execute("delete from audit.entries where seq = " + (last - 1));
                assertThat(String.join("\n", audit.verify().problems())).contains("記録 " + (last - 1) + " が削除されています");
                sql.execute("insert into audit.entries select * from removed");
                sql.execute("update audit.entries set outcome = 'UNKNOWN' where seq = " + (last - 2));
                assertThat(audit.verify().intact()).isTrue();
            } finally {
                sql.execute("set role kaigo_app");
            }
        }
    }

    /** A trail cut short at its end (the last entries removed, or a backup restored without them) is found too. */
    @Test
    void verificationFindsTheLastEntriesRemoved() throws Exception {
        for (int i = 0; i < 3; i++) {
            office.post("/api/eligibility", "{\"insurerNo\":\"" + insurer
                    + "\",\"insuredNo\":\"000000008" + i + "\",\"birthDate\":\"1940-05-06\"}");
        }
        assertThat(audit.verify().intact()).isTrue();
        long last = jdbc.queryForObject("select max(seq) from audit.entries", Long.class);
        try (Connection owner = dataSource.getConnection(); Statement sql = owner.createStatement()) {
            sql.execute("reset role");
            try {
                sql.execute("create temp table tail as select * from audit.entries where seq >= " + (last - 1));
                sql.execute("delete from audit.entries where seq >= " + (last - 1));
                assertThat(audit.verify().problems())
                        .containsExactly("記録 " + (last - 1) + "〜" + last + " が削除されています(チェーンの末尾)");
                sql.execute("insert into audit.entries select * from tail");
                assertThat(audit.verify().intact()).isTrue();
            } finally {
                sql.execute("set role kaigo_app");
            }
        }
    }
}
