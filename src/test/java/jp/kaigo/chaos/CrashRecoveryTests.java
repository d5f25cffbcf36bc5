package jp.kaigo.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/chaos} with small data: the platform as its own process, killed with SIGKILL while a municipal file
 * arrives (its PostgreSQL orphaned, as after a crash of the JVM) and under 包括同意 registrations (its PostgreSQL
 * killed too, a stale {@code postmaster.pid} left, as after a power loss), restarted, what was in flight sent again;
 * then a second instance on the same database, revocations across the two and the second killed under 資格確認 load.
 * See {@link Chaos} for every check; here they must all hold.
 */
class CrashRecoveryTests {
    @Test
    void aCrashLosesNothingAndASecondInstanceTakesOverUnderLoad() throws Exception {
        Path work = Files.createTempDirectory("kaigo-crash-");
        boolean passed = false;
        try {
            Chaos.Outcome outcome = Chaos.run(new Chaos.Settings(2_000, 1, 0, 6, 4, 6, 20_261_205L, true), work);
            assertThat(outcome.problems).as("what the crashes lost, half applied or doubled").isEmpty();
            assertThat(outcome.number("restarts")).isEqualTo(1);
            assertThat(outcome.number("imports_resent")).isEqualTo(1);
            assertThat(outcome.number("consents_answered")).as("consents registered before the crash").isPositive();
            assertThat(outcome.number("revocation_checks")).isEqualTo(4);
            assertThat(outcome.number("load_answered_after_kill")).as("資格確認 answered by the survivor").isPositive();
            assertThat(outcome.number("audit_verifications")).isEqualTo(2);
            passed = true;
        } finally {
            if (!passed) { // the platforms' logs, for whoever reads the failure
                Path logs = Files.createDirectories(Path.of("target", "chaos-logs"));
                try (var files = Files.list(work)) {
                    for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                        Files.copy(log, logs.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Chaos.delete(work);
        }
    }
}
