package jp.kaigo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import jp.kaigo.audit.AuditLog;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.Qualification;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two platform instances on one database, as configured: each caches the tokens it checked, a staff member signs
 * out (or is disabled, or loses a qualification) at one, and their token is refused at the other on the very next
 * request.
 */
@SpringBootTest
class StaffTokensAcrossInstancesTests {
    @Autowired
    StaffAccounts here;
    @Autowired
    JdbcClient sql;
    @Autowired
    AuditLog audit;
    @Autowired
    Environment env;
    @Value("${kaigo.staff.token-recheck:5m}")
    Duration configured;

    @Test
    void aSignOutADisablingAndAWithdrawnQualificationApplyAtTheOtherInstanceOnTheNextRequest() throws Exception {
        TokenRevocations notificationsThere = new TokenRevocations(sql, env);
        notificationsThere.start();
        try {
            StaffAccounts there = new StaffAccounts(sql, audit, notificationsThere, configured);
            await(notificationsThere);
            acrossInstances(there);
        } finally {
            notificationsThere.stop();
        }
    }

    @Test
    void anInstanceThatDoesNotHearRevocationsChecksTheDatabaseOnEveryRequest() {
        StaffAccounts deaf = new StaffAccounts(sql, audit, new TokenRevocations(sql, env), configured);
        Party office = Party.office(OfficeNumber.withCheckDigit("4779" + String.format("%05d", System.nanoTime() % 100_000)).value());
        Enrolment admin = here.registerFirstAdmin(office, "admin", "correct horse battery", JobType.CLERK);
        IssuedTokens tokens = signIn(office, admin);
        StaffSession session = deaf.authenticate(office, tokens.accessToken()).orElseThrow();
        sql.sql("update identity.tokens set revoked_at = now() where session_id = ?").param(session.sessionId()).update();
        assertThat(deaf.authenticate(office, tokens.accessToken())).as("revoked, not announced, not listening").isEmpty();
    }

    private void acrossInstances(StaffAccounts there) {
        Party office = Party.office(OfficeNumber.withCheckDigit("4778" + String.format("%05d", System.nanoTime() % 100_000)).value());
        Enrolment admin = here.registerFirstAdmin(office, "admin", "correct horse battery", JobType.CLERK);
        IssuedTokens tokens = signIn(office, admin);
        StaffSession session = there.authenticate(office, tokens.accessToken()).orElseThrow();
        // the other instance trusts what it checked (a revocation nobody announces stays unseen there)...
        sql.sql("update identity.tokens set revoked_at = now() where session_id = ?").param(session.sessionId()).update();
        assertThat(there.authenticate(office, tokens.accessToken())).as("cached at the other instance").isPresent();
        // ...and forgets it when a sign-out anywhere is announced
        here.signOut(session);
        assertThat(there.authenticate(office, tokens.accessToken())).as("signed out at the other instance").isEmpty();

        IssuedTokens again = signIn(office, admin);
        StaffSession adminThere = there.authenticate(office, again.accessToken()).orElseThrow();
        Enrolment clerk = here.createStaff(adminThere, "clerk.one", "correct horse battery", JobType.CLERK, java.util.List.of());
        IssuedTokens clerkTokens = signIn(office, clerk);
        assertThat(there.authenticate(office, clerkTokens.accessToken())).isPresent();
        here.disable(adminThere, "clerk.one");
        assertThat(there.authenticate(office, clerkTokens.accessToken())).as("disabled at the other instance").isEmpty();

        Enrolment manager = here.createStaff(adminThere, "manager.one", "correct horse battery", JobType.CARE_MANAGER,
                java.util.List.of(new StaffAccounts.AttestedQualification(Qualification.CARE_MANAGER, "47000001",
                        java.time.LocalDate.now().plusYears(1))));
        IssuedTokens managerTokens = signIn(office, manager);
        assertThat(there.authenticate(office, managerTokens.accessToken()).orElseThrow().qualifications())
                .contains(Qualification.CARE_MANAGER);
        here.revoke(adminThere, "manager.one", Qualification.CARE_MANAGER);
        assertThat(there.authenticate(office, managerTokens.accessToken()).orElseThrow().qualifications())
                .as("qualification withdrawn at the other instance").doesNotContain(Qualification.CARE_MANAGER);
    }

    private static void await(TokenRevocations notifications) throws InterruptedException {
        for (int i = 0; i < 100 && !notifications.listening(); i++) {
            Thread.sleep(50);
        }
        assertThat(notifications.listening()).as("listening for revocations").isTrue();
    }

    private IssuedTokens signIn(Party office, Enrolment enrolment) {
        byte[] secret = Base32.decode(enrolment.totpSecret());
        // a fresh time step for each sign-in (a code is accepted once)
        long step = Totp.step(Instant.now());
        IssuedTokens tokens = null;
        for (long s = step; tokens == null; s++) {
            try {
                tokens = here.signIn(office, enrolment.loginId(), "correct horse battery", Totp.code(secret, s));
            } catch (SignInRefused e) {
                if (s > step + 2) {
                    throw e;
                }
            }
        }
        return tokens;
    }
}
