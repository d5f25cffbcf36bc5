package jp.kaigo.portal;

import java.time.Instant;
import jp.kaigo.identity.Enrolment;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.identity.Totp;
import jp.kaigo.shared.Party;
import org.bouncycastle.util.encoders.Base32;

/** A staff member enrolled with {@link Browser#STAFF_PASSWORD} signed in as the sign-in page would: their session. */
final class StaffSignIn {
    private StaffSignIn() {
    }

    static StaffSession session(StaffAccounts staff, Party organisation, Enrolment enrolment) {
        var tokens = staff.signIn(organisation, enrolment.loginId(), Browser.STAFF_PASSWORD,
                Totp.code(Base32.decode(enrolment.totpSecret()), Totp.step(Instant.now())));
        return staff.authenticate(organisation, tokens.accessToken()).orElseThrow();
    }
}
