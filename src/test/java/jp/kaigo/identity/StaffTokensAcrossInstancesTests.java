package jp.kaigo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import jp.kaigo.audit.AuditLog;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.Party;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two platform instances on one database, as configured: a staff member signs out (or is disabled) at one, and
 * their token is refused at the other on the very next request.
 */
@SpringBootTest
class StaffTokensAcrossInstancesTests {
    @Autowired
    StaffAccounts here;
    @Autowired
    JdbcClient sql;
    @Autowired
    AuditLog audit;
    @Value("${kaigo.staff.token-recheck:0s}")
    Duration configured;

    @Test
    void aSignOutAndADisablingApplyAtTheOtherInstanceOnTheNextRequest() {
        StaffAccounts there = new StaffAccounts(sql, audit, configured);
        Party office = Party.office(OfficeNumber.withCheckDigit("4778" + String.format("%05d", System.nanoTime() % 100_000)).value());
        Enrolment admin = here.registerFirstAdmin(office, "admin", "correct horse battery", JobType.CLERK);
        IssuedTokens tokens = signIn(office, admin);
        StaffSession session = there.authenticate(office, tokens.accessToken()).orElseThrow();
        here.signOut(session);
        assertThat(there.authenticate(office, tokens.accessToken())).as("signed out at the other instance").isEmpty();

        IssuedTokens again = signIn(office, admin);
        StaffSession adminThere = there.authenticate(office, again.accessToken()).orElseThrow();
        Enrolment clerk = here.createStaff(adminThere, "clerk.one", "correct horse battery", JobType.CLERK, java.util.List.of());
        IssuedTokens clerkTokens = signIn(office, clerk);
        assertThat(there.authenticate(office, clerkTokens.accessToken())).isPresent();
        here.disable(adminThere, "clerk.one");
        assertThat(there.authenticate(office, clerkTokens.accessToken())).as("disabled at the other instance").isEmpty();
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
