package jp.kaigo.identity;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import jp.kaigo.shared.TooManyAttempts;
import java.time.LocalDate;

import jp.kaigo.audit.AuditEntry;
import jp.kaigo.audit.AuditLog;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.InsuredPersons;
import jp.kaigo.shared.Party;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 本人確認 with the My Number card (facade): the platform hands an office terminal a one-time
 * challenge; the card signs it with its 利用者証明用 key; the platform checks the certificate (J-LIS
 * chain, validity, revocation), the challenge (this office's, unused, at most 60 seconds old) and the
 * signature, then finds the insured person the card is linked to.
 */
@Service
public class MyNumberCards {
    static final int PERSON_CHALLENGES_PER_MINUTE = 600;
    static final Duration CHALLENGE_LIFETIME = Duration.ofSeconds(60);
    static final Duration PERSON_SESSION = Duration.ofMinutes(30);
    private static final String PERSON = "person";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient sql;
    private final CardAuthority jlis;
    private final AuditLog audit;
    private final InsuredPersons persons;

    MyNumberCards(JdbcClient sql, CardAuthority jlis, AuditLog audit, InsuredPersons persons, RequestLimits limits) {
        this.sql = sql;
        this.limits = limits;
        this.persons = persons;
        this.audit = audit;
        this.jlis = jlis;
    }

    private final RequestLimits limits;

    public record Challenge(UUID challengeId, byte[] nonce) {
    }

    /** The person a card stands for: 保険者番号 + 被保険者番号. */
    /** The person a card stands for; {@code actingAs} is the representative's kind, null for the person themselves. */
    public record LinkedPerson(String insurerNo, String insuredNo, String actingAs) {
        public LinkedPerson(String insurerNo, String insuredNo) {
            this(insurerNo, insuredNo, null);
        }

        /** "person", or "representative" for a registered 法定代理人・成年後見人 (audited where a job would be). */
        public String actorKind() {
            return actingAs == null ? "person" : "representative";
        }

    }

    /** A challenge for the card reader at an organisation's terminal. */
    public Challenge newChallenge(Party terminal) {
        return newChallenge(terminal.kind().code(), terminal.number());
    }

    /**
     * A challenge for a person signing in with their own card (マイナポータル-style, no terminal). Anyone may
     * ask, so at most {@value #PERSON_CHALLENGES_PER_MINUTE} a minute are handed out across the platform, and
     * unanswered ones are purged.
     */
    public Challenge newPersonChallenge() {
        int recent = sql.sql("select count(*) from identity.card_challenges where org_kind = ? and used_at is null"
                + " and created_at > now() - interval '1 minute'").params(PERSON).query(Integer.class).single();
        if (recent >= PERSON_CHALLENGES_PER_MINUTE) {
            throw new TooManyAttempts("ただいま混み合っています。1分ほどおいてからもう一度お試しください");
        }
        return newChallenge(PERSON, "");
    }

    /** Unanswered challenges past their lifetime, and answered ones after a day, are deleted. */
    @Scheduled(fixedDelay = 60_000)
    @SchedulerLock(name = "card-challenges-purge", lockAtMostFor = "PT5M")
    public void purgeChallenges() {
        sql.sql("delete from identity.card_challenges where (used_at is null and created_at < now() - ?::interval)"
                + " or used_at < now() - interval '1 day'").params(CHALLENGE_LIFETIME.toSeconds() + " seconds").update();
    }

    private Challenge newChallenge(String kind, String number) {
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        UUID id = UUID.randomUUID();
        sql.sql("insert into identity.card_challenges (challenge_id, org_kind, org_number, nonce) values (:id, :kind, :number, :nonce)")
                .param("id", id).param("kind", kind).param("number", number).param("nonce", nonce).update();
        return new Challenge(id, nonce);
    }

    /** Checks the card's answer to a challenge and returns the person the card is linked to. */
    public LinkedPerson identify(Party terminal, UUID challengeId, byte[] certificate, byte[] signature) {
        X509Certificate cert = checkAnswer(terminal.kind().code(), terminal.number(), challengeId, certificate, signature);
        return linkedPerson(cert).orElseThrow(MyNumberCards::notLinked);
    }

    /**
     * A statement signed at an office terminal with the card: the 利用者証明用 key answers the terminal's
     * challenge (who the person is), the 署名用 key signs the statement (what they declared). Returns the
     * person; the caller keeps the statement, the signature and the 署名用 certificate as evidence.
     */
    public LinkedPerson identifySigned(Party terminal, UUID challengeId, byte[] authCertificate, byte[] authSignature,
            byte[] signCertificate, byte[] statement, byte[] statementSignature) {
        X509Certificate auth = checkAnswer(terminal.kind().code(), terminal.number(), challengeId, authCertificate,
                authSignature);
        LinkedPerson person = linkedPerson(auth).orElseThrow(MyNumberCards::notLinked);
        X509Certificate signing = certificate(signCertificate);
        if (!jlis.vouchesForSigning(signing, auth)) {
            throw new CardRefused("署名用電子証明書が無効です(失効・有効期限切れ、または別のカードの証明書です)");
        }
        if (!verifies(signing, statement, statementSignature)) {
            throw new CardRefused("同意書への署名を確認できません(署名用電子証明書で署名してください)");
        }
        return person;
    }

    /**
     * A person signs in with their card: the person it is linked to, and a 30-minute token for their own
     * data. With {@code actingFor}, a representative signs in with their own card to act for that person
     * (the municipality registered them and has not ended it).
     */
    public PersonSession signInPerson(UUID challengeId, byte[] certificate, byte[] signature, LinkedPerson actingFor) {
        X509Certificate cert = checkAnswer(PERSON, "", challengeId, certificate, signature);
        LinkedPerson own = linkedPerson(cert).orElse(null);
        LinkedPerson person;
        if (actingFor == null || own != null && own.insurerNo().equals(actingFor.insurerNo())
                && own.insuredNo().equals(actingFor.insuredNo())) {
            person = Optional.ofNullable(own).orElseThrow(MyNumberCards::notLinked);
        } else {
            String kind = sql.sql("""
                    select kind from identity.representative_links
                     where issuer = ? and serial = ? and insurer_no = ? and insured_no = ? and ended_at is null
                    """).params(cert.getIssuerX500Principal().getName(), cert.getSerialNumber().toString(16),
                    actingFor.insurerNo(), actingFor.insuredNo()).query(String.class).optional()
                    .orElseThrow(() -> new CardRefused("このカードはこの被保険者の代理人として登録されていません"));
            person = new LinkedPerson(actingFor.insurerNo(), actingFor.insuredNo(), kind);
        }
        String token = StaffAccounts.newToken();
        sql.sql("insert into identity.person_tokens (token_hash, insurer_no, insured_no, acting_as, card_serial, expires_at) "
                + "values (:hash, :insurer, :insured, :acting, :serial, now() + make_interval(mins => :minutes))")
                .param("hash", StaffAccounts.sha256(token)).param("insurer", person.insurerNo())
                .param("insured", person.insuredNo()).param("acting", person.actingAs())
                .param("serial", cert.getSerialNumber().toString(16))
                .param("minutes", (int) PERSON_SESSION.toMinutes()).update();
        audit.record(new AuditEntry("sign-in", person.actorKind(), null, person.actingAs(), person.insurerNo(),
                person.insuredNo(), "本人のログイン(マイナンバーカード)", null, "SUCCESS"));
        return new PersonSession(person, token, PERSON_SESSION.toSeconds());
    }

    /**
     * The municipality registers a representative (法定代理人 {@code legal-agent} or 成年後見人 {@code guardian})
     * of its insured person by the representative's own card (利用者証明用 certificate).
     */
    public void linkRepresentative(byte[] certificate, String insurerNo, String insuredNo, String kind, Party by) {
        if (!"legal-agent".equals(kind) && !"guardian".equals(kind)) {
            throw new InvalidValue("kind", "代理人の種別", "legal-agent(法定代理人)または guardian(成年後見人)を指定してください");
        }
        X509Certificate cert = certificate(certificate);
        if (!jlis.vouchesFor(cert)) {
            throw new CardRefused("カードの証明書が無効です(失効・有効期限切れ、または発行元が不明です)");
        }
        sql.sql("""
                insert into identity.representative_links (issuer, serial, insurer_no, insured_no, kind, registered_by)
                values (?, ?, ?, ?, ?, ?)
                on conflict (issuer, serial, insurer_no, insured_no)
                do update set kind = excluded.kind, registered_by = excluded.registered_by, registered_at = now(),
                              ended_at = null
                """).params(cert.getIssuerX500Principal().getName(), cert.getSerialNumber().toString(16), insurerNo,
                insuredNo, kind, by.toString()).update();
        audit.record(new AuditEntry("representative", by.kind().code(), by.number(), null, insurerNo, insuredNo,
                "代理人の登録(" + ("guardian".equals(kind) ? "成年後見人" : "法定代理人") + ")", null, "REGISTERED"));
    }

    /**
     * Proves that the card is present at the organisation's terminal: its 利用者証明用 key answered this
     * terminal's challenge, and J-LIS vouches for the certificate (whether or not the card is linked).
     */
    public void proveCard(Party terminal, UUID challengeId, byte[] certificate, byte[] signature) {
        checkAnswer(terminal.kind().code(), terminal.number(), challengeId, certificate, signature);
    }

    /** Ends a representative's registration; their tokens for the person stop working at once. */
    public void endRepresentative(byte[] certificate, String insurerNo, String insuredNo, Party by) {
        X509Certificate cert = certificate(certificate);
        int ended = sql.sql("update identity.representative_links set ended_at = now() where issuer = ? and serial = ?"
                + " and insurer_no = ? and insured_no = ? and ended_at is null")
                .params(cert.getIssuerX500Principal().getName(), cert.getSerialNumber().toString(16), insurerNo, insuredNo)
                .update();
        if (ended == 0) {
            throw new InvalidValue("certificate", "代理人のカード", "この被保険者の代理人として登録されていません");
        }
        sql.sql("update identity.person_tokens set revoked_at = now() where insurer_no = ? and insured_no = ?"
                + " and acting_as is not null and card_serial = ? and revoked_at is null")
                .params(insurerNo, insuredNo, cert.getSerialNumber().toString(16)).update();
        audit.record(new AuditEntry("representative", by.kind().code(), by.number(), null, insurerNo, insuredNo,
                "代理人の登録の終了", null, "ENDED"));
    }

    /** The person a card-sign-in token belongs to, while it is valid. */
    public Optional<LinkedPerson> personOf(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return sql.sql("select insurer_no, insured_no, acting_as from identity.person_tokens "
                + "where token_hash = :hash and revoked_at is null and expires_at > now()")
                .param("hash", StaffAccounts.sha256(token))
                .query((rs, i) -> new LinkedPerson(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** Signs the person (or representative) out: the token stops working at once. */
    public void signOutPerson(String token) {
        if (token != null) {
            sql.sql("update identity.person_tokens set revoked_at = now() where token_hash = ? and revoked_at is null")
                    .params(StaffAccounts.sha256(token)).update();
        }
    }

    /** Failed self-links allowed per insured person and per card within {@link #LINK_FAILURE_WINDOW}. */
    static final int LINK_FAILURES = 5;
    static final Duration LINK_FAILURE_WINDOW = Duration.ofHours(24);

    /**
     * The person links their own card: the signed challenge proves the card first; then the registry checks
     * the numbers with the birth date. Answers false when they do not match; after {@link #LINK_FAILURES}
     * such failures for the person or the card within 24 hours, every attempt is refused, so a birth date
     * cannot be found by trying.
     */
    public boolean linkOwnCard(UUID challengeId, byte[] certificate, byte[] signature, String insurerNo, String insuredNo,
            LocalDate birthDate) {
        X509Certificate cert = checkAnswer(PERSON, "", challengeId, certificate, signature);
        String serial = cert.getSerialNumber().toString(16);
        int failures = sql.sql("""
                select count(*) from identity.card_link_failures
                 where failed_at > now() - make_interval(hours => :hours)
                   and ((insurer_no = :insurer and insured_no = :insured) or card_serial = :serial)
                """).param("hours", (int) LINK_FAILURE_WINDOW.toHours()).param("insurer", insurerNo)
                .param("insured", insuredNo).param("serial", serial).query(Integer.class).single();
        if (failures >= LINK_FAILURES) {
            throw new CardRefused("紐付けの試行回数が上限に達しました。24時間後にやり直すか、市町村の窓口で紐付けを依頼してください");
        }
        if (!persons.matches(insurerNo, insuredNo, birthDate)) {
            sql.sql("insert into identity.card_link_failures (insurer_no, insured_no, card_serial) values (?, ?, ?)")
                    .params(insurerNo, insuredNo, serial).update();
            return false;
        }
        // a person with a linked card links another (a renewed or replaced card) only at the municipality's counter
        if (sql.sql("select exists (select 1 from identity.card_links where insurer_no = ? and insured_no = ?)")
                .params(insurerNo, insuredNo).query(Boolean.class).single()) {
            throw new CardRefused("この被保険者には既にカードが紐付けられています(別のカードの紐付けは市町村の窓口で行います)");
        }
        link(certificate, insurerNo, insuredNo, null);
        audit.record(new AuditEntry("card-link", "person", null, null, insurerNo, insuredNo,
                "マイナンバーカードの紐付け(本人)", "本人確認の準備", "LINKED"));
        return true;
    }

    public record PersonSession(LinkedPerson person, String token, long expiresInSeconds) {
    }

    private static CardRefused notLinked() {
        return new CardRefused("このカードは被保険者と紐付けられていません(本人または市町村が紐付けを行ってください)");
    }

    private X509Certificate checkAnswer(String kind, String number, UUID challengeId, byte[] certificate,
            byte[] signature) {
        X509Certificate cert = certificate(certificate);
        limits.takeCardAnswer(cert);
        // the challenge is used up by this attempt, whatever its outcome: a replay never succeeds
        var challenge = sql.sql("""
                update identity.card_challenges set used_at = now()
                 where challenge_id = :id and org_kind = :kind and org_number = :number and used_at is null
                returning nonce, now() - created_at > make_interval(secs => :lifetime)
                """).param("id", challengeId).param("kind", kind).param("number", number)
                .param("lifetime", CHALLENGE_LIFETIME.toSeconds())
                .query((rs, i) -> new Object[] {rs.getBytes(1), rs.getBoolean(2)}).optional()
                .orElseThrow(() -> new CardRefused("チャレンジが無効か使用済みです。もう一度カードを読み取ってください"));
        if ((Boolean) challenge[1]) {
            throw new CardRefused("チャレンジの有効期限(60秒)が切れています。もう一度カードを読み取ってください");
        }
        if (!jlis.vouchesFor(cert)) {
            throw new CardRefused("カードの証明書が無効です(失効・有効期限切れ、または発行元が不明です)");
        }
        if (!verifies(cert, (byte[]) challenge[0], signature)) {
            throw new CardRefused("カードの署名を確認できません(別のカードで署名された可能性があります)");
        }
        return cert;
    }

    /**
     * The municipality links a card at its counter: the card answers this terminal's challenge (the card is
     * there, not a copied certificate), the staff member has checked who the person is; audited with the
     * staff account. A card already linked keeps its link.
     */
    public void linkAtCounter(StaffSession staff, UUID challengeId, byte[] certificate, byte[] signature,
            String insurerNo, String insuredNo) {
        Party counter = staff.organisation();
        checkAnswer(counter.kind().code(), counter.number(), challengeId, certificate, signature);
        link(certificate, insurerNo, insuredNo, counter);
        audit.record(new AuditEntry("card-link", counter.kind().code(), counter.number(), staff.jobType().name(),
                insurerNo, insuredNo, "マイナンバーカードの紐付け(窓口でカードを確認)", "本人確認の準備", "LINKED")
                .by(staff.staffId(), null));
    }

    /**
     * Links a card to an insured person; the caller has established who the person is (the municipality
     * for its own insured; {@code linkedBy} null: the person). A card already linked keeps its link.
     */
    public void link(byte[] certificate, String insurerNo, String insuredNo, Party linkedBy) {
        X509Certificate cert = certificate(certificate);
        if (!jlis.vouchesFor(cert)) {
            throw new CardRefused("カードの証明書が無効です(失効・有効期限切れ、または発行元が不明です)");
        }
        try {
            sql.sql("""
                    insert into identity.card_links (issuer, serial, insurer_no, insured_no, linked_by)
                    values (:issuer, :serial, :insurer, :insured, :by)
                    """).param("issuer", cert.getIssuerX500Principal().getName())
                    .param("serial", cert.getSerialNumber().toString(16)).param("insurer", insurerNo)
                    .param("insured", insuredNo).param("by", linkedBy == null ? "person" : linkedBy.toString()).update();
        } catch (DuplicateKeyException e) {
            throw new InvalidValue("certificate", "カードの証明書", "このカードは既に紐付けられています");
        }
    }

    /**
     * The person linked to the certificate; a renewed card's certificate inherits the link of the
     * certificate it replaced (J-LIS says which), and the new link is stored.
     */
    private Optional<LinkedPerson> linkedPerson(X509Certificate cert) {
        String issuer = cert.getIssuerX500Principal().getName();
        String serial = cert.getSerialNumber().toString(16);
        Optional<LinkedPerson> direct = linkOf(issuer, serial);
        if (direct.isPresent()) {
            return direct;
        }
        for (int hops = 0; hops < 10; hops++) {
            Optional<String> previous = jlis.renewedFrom(serial);
            if (previous.isEmpty()) {
                return Optional.empty();
            }
            Optional<LinkedPerson> inherited = linkOf(issuer, previous.get());
            if (inherited.isPresent()) {
                sql.sql("""
                        insert into identity.card_links (issuer, serial, insurer_no, insured_no, linked_by)
                        values (:issuer, :serial, :insurer, :insured, 'renewal') on conflict do nothing
                        """).param("issuer", issuer).param("serial", cert.getSerialNumber().toString(16))
                        .param("insurer", inherited.get().insurerNo()).param("insured", inherited.get().insuredNo()).update();
                return inherited;
            }
            serial = previous.get();
        }
        return Optional.empty();
    }

    private Optional<LinkedPerson> linkOf(String issuer, String serial) {
        return sql.sql("select insurer_no, insured_no from identity.card_links where issuer = :issuer and serial = :serial")
                .param("issuer", issuer).param("serial", serial)
                .query((rs, i) -> new LinkedPerson(rs.getString(1), rs.getString(2))).optional();
    }

    private static boolean verifies(X509Certificate cert, byte[] nonce, byte[] signature) {
        try {
            Signature check = Signature.getInstance("SHA256withECDSA");
            check.initVerify(cert.getPublicKey());
            check.update(nonce);
            return signature != null && check.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static X509Certificate certificate(byte[] der) {
        try {
            if (der == null) {
                throw new InvalidValue("certificate", "カードの証明書", "必須です");
            }
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new InvalidValue("certificate", "カードの証明書", "X.509 証明書として読めません");
        }
    }
}
