package jp.kaigo.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.Party;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A 介護認定審査会委員 is an account of the municipality that holds the 認定審査会 (docs/design/certification-online.md
 * §6.2): no office or medical institution can create one, and no organisation can make one its administrator (§6.4 K1:
 * the member sees only the packets of its 合議体, not the organisation's access log).
 */
@SpringBootTest
class CommitteeMemberAccountsTests {
    private static final String PASSWORD = "correct horse battery";
    @Autowired
    StaffAccounts staff;

    @Test
    void onlyAMunicipalityCreatesACommitteeMember() {
        long n = System.nanoTime() % 10_000;
        Party municipality = Party.municipality(InsurerNumber.withCheckDigit("46" + String.format("%03d", n % 1000)).value());
        StaffSession mayor = admin(municipality);
        Enrolment member = staff.createStaff(mayor, "member.one", PASSWORD, JobType.COMMITTEE_MEMBER, List.of());
        assertThat(staff.staffOf(mayor)).anyMatch(m -> m.loginId().equals(member.loginId())
                && m.jobType() == JobType.COMMITTEE_MEMBER && !m.admin());

        for (Party other : List.of(Party.office(OfficeNumber.withCheckDigit("4776" + String.format("%05d", n)).value()),
                Party.medicalInstitution(jp.kaigo.shared.MedicalInstitutionCode.withCheckDigit(
                        "471" + String.format("%06d", n)).value()))) {
            StaffSession otherAdmin = admin(other);
            assertThatThrownBy(() -> staff.createStaff(otherAdmin, "member.one", PASSWORD, JobType.COMMITTEE_MEMBER,
                    List.of())).as(other.kind().name()).isInstanceOf(InvalidValue.class)
                    .hasMessageContaining("認定審査会委員のアカウントは保険者(市町村)だけが作成できます");
            assertThat(staff.staffOf(otherAdmin)).as("nothing stored").noneMatch(m -> m.loginId().equals("member.one"));
        }
    }

    @Test
    void aCommitteeMemberIsNeverTheAdministrator() {
        long n = System.nanoTime() % 1000;
        Party municipality = Party.municipality(InsurerNumber.withCheckDigit("45" + String.format("%03d", n)).value());
        assertThatThrownBy(() -> staff.registerFirstAdmin(municipality, "admin", PASSWORD, JobType.COMMITTEE_MEMBER))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("認定審査会委員を管理者にはできません");
        assertThat(staff.registerFirstAdmin(municipality, "admin", PASSWORD, JobType.MUNICIPAL_OFFICER)).isNotNull();
    }

    private StaffSession admin(Party organisation) {
        Enrolment enrolment = staff.registerFirstAdmin(organisation, "admin", PASSWORD,
                organisation.kind() == jp.kaigo.shared.PartyKind.MUNICIPALITY ? JobType.MUNICIPAL_OFFICER : JobType.CLERK);
        byte[] secret = Base32.decode(enrolment.totpSecret());
        long step = Totp.step(Instant.now());
        IssuedTokens tokens = null;
        for (long s = step; tokens == null; s++) {
            try {
                tokens = staff.signIn(organisation, enrolment.loginId(), PASSWORD, Totp.code(secret, s));
            } catch (SignInRefused e) {
                if (s > step + 2) {
                    throw e;
                }
            }
        }
        return staff.authenticate(organisation, tokens.accessToken()).orElseThrow();
    }
}
