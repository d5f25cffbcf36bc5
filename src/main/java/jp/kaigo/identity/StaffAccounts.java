package jp.kaigo.identity;

import java.time.ZoneId;
import java.time.LocalDate;
import jp.kaigo.shared.Qualification;
import java.util.Set;
import java.util.EnumSet;
import java.time.ZoneOffset;
import jp.kaigo.audit.AuditEntry;
import jp.kaigo.audit.AuditLog;
import jp.kaigo.audit.Investigation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Optional;
import java.util.UUID;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.PartyKind;
import org.bouncycastle.util.encoders.Base32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts and sign-in (facade): staff ID + password (Argon2id) + one-time code (RFC 6238),
 * always under the organisation's client certificate. Five failures in a row lock the account for 15
 * minutes. An access token lives 60 minutes, a refresh token 8 hours; sign-out revokes both. The first
 * administrator of an organisation registers under its certificate; administrators then create and
 * disable their staff.
 */
@Service
public class StaffAccounts {
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    public static final Duration ACCESS_TTL = Duration.ofMinutes(60);
    public static final Duration REFRESH_TTL = Duration.ofHours(8);
    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);
    private static final String REFUSED = "ID・パスワード・ワンタイムパスワードのいずれかが正しくありません";
    private static final Logger log = LoggerFactory.getLogger(StaffAccounts.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient sql;
    private final AuditLog audit;
    private final Argon2PasswordEncoder passwords = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    /** Hashed once, compared against when the login ID is unknown, so that timing tells nothing. */
    private final String decoy;
    /**
     * Valid access tokens, trusted for up to {@code kaigo.staff.token-recheck} (and never past the Japanese day
     * they were checked on, when qualifications may lapse) while {@link TokenRevocations} listens: a sign-out, a
     * refresh, a disabled account or a changed qualification is announced to every instance on the database,
     * which drops the cached tokens it names. When the listener is down, or the recheck is 0s, every request
     * checks the database.
     */
    private final Map<String, Cached> sessions = new ConcurrentHashMap<>();
    /** Counts revocations seen, so that a check that raced with one is not cached. */
    private final AtomicLong revocationsSeen = new AtomicLong();
    private final long recheckNanos;
    private final TokenRevocations revocations;

    StaffAccounts(JdbcClient sql, AuditLog audit, TokenRevocations revocations,
            @org.springframework.beans.factory.annotation.Value("${kaigo.staff.token-recheck:5m}") Duration recheck) {
        this.audit = audit;
        this.sql = sql;
        this.revocations = revocations;
        this.recheckNanos = recheck.toNanos();
        this.decoy = passwords.encode("decoy-password-never-used");
        revocations.subscribe(this::forget);
    }

    private record Account(UUID staffId, String loginId, JobType jobType, boolean admin, String passwordHash,
            byte[] totpSecret, long lastTotpStep, int failedAttempts, Instant lockedUntil, Instant disabledAt) {
    }

    /** The organisation's first administrator, registered under its certificate; refused once it has staff. */
    @Transactional
    public Enrolment registerFirstAdmin(Party organisation, String loginId, String password, JobType jobType) {
        sql.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", "staff:" + organisation)
                .query().singleValue();
        Integer existing = sql.sql("select count(*) from identity.staff where org_kind = :kind and org_number = :number")
                .param("kind", organisation.kind().code()).param("number", organisation.number())
                .query(Integer.class).single();
        if (existing > 0) {
            throw new InvalidValue("loginId", "職員ID", "管理者は登録済みです(職員の追加は管理者が行います)");
        }
        return create(organisation, loginId, password, jobType, true);
    }

    /** A new staff account of the administrator's organisation. */
    @Transactional
    public Enrolment createStaff(StaffSession admin, String loginId, String password, JobType jobType,
            List<AttestedQualification> qualifications) {
        requireAdmin(admin);
        Enrolment enrolment = create(admin.organisation(), loginId, password, jobType, false);
        for (AttestedQualification q : qualifications == null ? List.<AttestedQualification>of() : qualifications) {
            attest(admin, loginId, q.qualification(), q.number(), q.validUntil());
        }
        return enrolment;
    }

    /** One account as its organisation's administrator sees it. */
    public record StaffMember(String loginId, JobType jobType, boolean admin, boolean disabled, boolean locked,
            String qualifications) {
    }

    /** The administrator's organisation's accounts, by login ID. */
    public List<StaffMember> staffOf(StaffSession admin) {
        requireAdmin(admin);
        return sql.sql("""
                select login_id, job_type, admin, disabled_at is not null, coalesce(locked_until > now(), false),
                       array(select q.qualification || '|' || q.number || '|' || q.valid_until
                               from identity.staff_qualifications q
                              where q.staff_id = s.staff_id and q.revoked_at is null and q.valid_until >= current_date
                              order by q.attested_at)
                  from identity.staff s where org_kind = :kind and org_number = :number order by login_id
                """).param("kind", admin.organisation().kind().code()).param("number", admin.organisation().number())
                .query((rs, i) -> new StaffMember(rs.getString(1), JobType.valueOf(rs.getString(2)), rs.getBoolean(3),
                        rs.getBoolean(4), rs.getBoolean(5), labels((String[]) rs.getArray(6).getArray()))).list();
    }

    /** Disables an account of the administrator's organisation and revokes its sessions at once. */
    @Transactional
    public void disable(StaffSession admin, String loginId) {
        requireAdmin(admin);
        int changed = sql.sql("""
                update identity.staff set disabled_at = now()
                 where org_kind = :kind and org_number = :number and login_id = :login and disabled_at is null
                """).param("kind", admin.organisation().kind().code()).param("number", admin.organisation().number())
                .param("login", loginId).update();
        if (changed == 0) {
            throw new InvalidValue("loginId", "職員ID", "有効な職員が見つかりません");
        }
        UUID staffId = account(admin.organisation(), loginId, false).orElseThrow().staffId();
        revoked(new TokenRevocations.Revoked.Staff(staffId));
        sql.sql("""
                update identity.tokens t set revoked_at = now() from identity.staff s
                 where t.staff_id = s.staff_id and s.org_kind = :kind and s.org_number = :number
                   and s.login_id = :login and t.revoked_at is null
                """).param("kind", admin.organisation().kind().code()).param("number", admin.organisation().number())
                .param("login", loginId).update();
    }

    /** Signs in; every refusal says the same thing, except a lock-out, which says when to try again. */
    @Transactional(noRollbackFor = SignInRefused.class)
    public IssuedTokens signIn(Party organisation, String loginId, String password, String oneTimeCode) {
        try {
            IssuedTokens tokens = checkAndIssue(organisation, loginId, password, oneTimeCode);
            audit.record(entry(organisation, null, "sign-in", "職員のログイン"));
            return tokens;
        } catch (SignInRefused e) {
            IdentityMetrics.SIGN_IN_REFUSALS.increment();
            audit.record(new AuditEntry("sign-in", organisation.kind().code(), organisation.number(), null, null, null,
                    "職員のログイン", null, "REFUSED"));
            throw e;
        }
    }

    private IssuedTokens checkAndIssue(Party organisation, String loginId, String password, String oneTimeCode) {
        Instant now = Instant.now();
        Optional<Account> found = account(organisation, loginId, true);
        if (found.isEmpty()) {
            passwords.matches(password == null ? "" : password, decoy);
            throw new SignInRefused(REFUSED);
        }
        Account a = found.get();
        if (a.lockedUntil() != null && a.lockedUntil().isAfter(now)) {
            throw new SignInRefused("ロックされています。しばらく待ってから、または管理者に連絡してから再度お試しください");
        }
        boolean passwordOk = password != null && passwords.matches(password, a.passwordHash());
        long step = oneTimeCode == null ? -1 : Totp.matchingStep(a.totpSecret(), oneTimeCode.strip(), now, a.lastTotpStep());
        if (!passwordOk || step < 0 || a.disabledAt() != null) {
            int failures = a.failedAttempts() + 1;
            sql.sql("""
                    update identity.staff set failed_attempts = :failures,
                           locked_until = case when :failures >= :max then :until else locked_until end
                     where staff_id = :id
                    """).param("failures", failures).param("max", MAX_FAILURES)
                    .param("until", now.plus(LOCK).atOffset(ZoneOffset.UTC)).param("id", a.staffId()).update();
            if (failures >= MAX_FAILURES) {
                log.info("staff account {} locked after {} failed sign-ins", a.staffId(), failures);
            }
            throw new SignInRefused(REFUSED);
        }
        sql.sql("update identity.staff set failed_attempts = 0, locked_until = null, last_totp_step = :step where staff_id = :id")
                .param("step", step).param("id", a.staffId()).update();
        return issue(a.staffId(), UUID.randomUUID(), now);
    }

    /** New tokens for a session whose refresh token is valid; the old refresh token is used up. */
    @Transactional(noRollbackFor = SignInRefused.class)
    public IssuedTokens refresh(Party organisation, String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new SignInRefused("更新用トークンを指定してください");
        }
        Instant now = Instant.now();
        var row = sql.sql("""
                select t.session_id, t.staff_id from identity.tokens t join identity.staff s using (staff_id)
                 where t.token_hash = :hash and t.kind = 'refresh' and t.revoked_at is null and t.expires_at > :now
                   and s.disabled_at is null and s.org_kind = :kind and s.org_number = :number
                """).param("hash", sha256(refreshToken)).param("now", now.atOffset(ZoneOffset.UTC))
                .param("kind", organisation.kind().code()).param("number", organisation.number())
                .query((rs, i) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).optional()
                .orElseThrow(() -> new SignInRefused("再ログインしてください(更新用トークンが無効です)"));
        revokeSession(row[0]);
        return issue(row[1], row[0], now);
    }

    /** Ends the session of this access token (its refresh token too). */
    @Transactional
    public void signOut(StaffSession session) {
        revokeSession(session.sessionId());
        audit.record(entry(session.organisation(), session.jobType().name(), "sign-out", "職員のログアウト"));
    }

    /** Sign-ins (successful or not) and sign-outs are audited: the organisation and job type, never the login ID. */
    private static AuditEntry entry(Party organisation, String job, String event, String subject) {
        return new AuditEntry(event, organisation.kind().code(), organisation.number(), job, null, null, subject, null,
                "SUCCESS");
    }

    /** The session an access token belongs to, if the token is valid under this organisation's certificate. */
    public Optional<StaffSession> authenticate(Party organisation, String accessToken) {
        if (accessToken == null || accessToken.isBlank()) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        LocalDate today = LocalDate.now(JAPAN);
        Cached cached = sessions.get(accessToken);
        if (cached != null && revocations.listening() && now - cached.checkedAt() < recheckNanos
                && cached.day().equals(today) && cached.expiresAt().isAfter(Instant.now())) {
            return Optional.of(cached.session()).filter(s -> s.organisation().equals(organisation));
        }
        long seenBefore = revocationsSeen.get();
        Optional<Cached> found = sql.sql("""
                select t.session_id, s.staff_id, s.login_id, s.job_type, s.admin, t.expires_at,
                       array(select q.qualification from identity.staff_qualifications q
                              where q.staff_id = s.staff_id and q.revoked_at is null
                                and q.valid_until >= :today) as qualifications
                  from identity.tokens t join identity.staff s using (staff_id)
                 where t.token_hash = :hash and t.kind = 'access' and t.revoked_at is null and t.expires_at > now()
                   and s.disabled_at is null and s.org_kind = :kind and s.org_number = :number
                """).param("hash", sha256(accessToken)).param("kind", organisation.kind().code())
                .param("number", organisation.number()).param("today", today)
                .query((rs, i) -> new Cached(new StaffSession(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        organisation, rs.getString(3), JobType.valueOf(rs.getString(4)), rs.getBoolean(5),
                        qualifications((String[]) rs.getArray(7).getArray())), rs.getTimestamp(6).toInstant(), today, now))
                .optional();
        if (found.isEmpty()) {
            sessions.remove(accessToken);
            return Optional.empty();
        }
        if (sessions.size() > 50_000) {
            sessions.clear();
        }
        if (recheckNanos > 0 && revocationsSeen.get() == seenBefore) {
            sessions.put(accessToken, found.get());
        }
        return Optional.of(found.get().session());
    }

    /** The qualifications in force as the administrator reads them: "介護支援専門員 47000001(2030-03-31まで)、…". */
    private static String labels(String[] held) {
        List<String> shown = new java.util.ArrayList<>();
        for (String row : held) {
            String[] f = row.split("\\|");
            shown.add(Qualification.parse(f[0]).map(Qualification::label).orElse(f[0]) + " " + f[1] + "(" + f[2] + "まで)");
        }
        return String.join("、", shown);
    }

    private static Set<Qualification> qualifications(String[] names) {
        Set<Qualification> held = EnumSet.noneOf(Qualification.class);
        for (String name : names) {
            Qualification.parse(name).ifPresent(held::add);
        }
        return held;
    }

    /** A qualification as its administrator attested it. */
    public record AttestedQualification(Qualification qualification, String number, LocalDate validUntil) {
    }

    /**
     * The administrator attests a staff member's qualification of the same organisation (number and expiry;
     * audited with both accounts). It counts from the staff member's next sign-in or token check, until expiry.
     */
    public void attest(StaffSession admin, String loginId, Qualification qualification, String number,
            LocalDate validUntil) {
        requireAdmin(admin);
        if (qualification == null) {
            throw new InvalidValue("qualification", "資格", "資格の種類を選んでください");
        }
        if (!qualification.validNumber(number == null ? null : number.strip())) {
            throw new InvalidValue("number", "登録番号", qualification.label() + "の登録番号の形式が正しくありません"
                    + (qualification == Qualification.CARE_MANAGER ? "(8桁の数字)" : ""));
        }
        LocalDate today = LocalDate.now(JAPAN);
        if (validUntil == null || validUntil.isBefore(today) || validUntil.isAfter(today.plusYears(10))) {
            throw new InvalidValue("validUntil", "有効期限", "今日から10年以内の有効期限を指定してください(期限切れの資格は登録できません)");
        }
        UUID staffId = account(admin.organisation(), loginId, false).map(Account::staffId)
                .orElseThrow(() -> new InvalidValue("loginId", "職員ID", "この事業所の職員IDではありません"));
        sql.sql("""
                insert into identity.staff_qualifications (staff_id, qualification, number, valid_until, attested_by)
                values (?, ?, ?, ?, ?)
                """).params(staffId, qualification.name(), number.strip(), validUntil, admin.staffId()).update();
        revoked(new TokenRevocations.Revoked.Staff(staffId));
        audit.record(new AuditEntry("qualification", admin.organisation().kind().code(), admin.organisation().number(),
                admin.jobType().name(), null, null, "資格の確認・登録(" + qualification.label() + "、" + validUntil + "まで)",
                null, "ATTESTED").by(admin.staffId(), qualification.label()));
    }

    /** The administrator withdraws a staff member's qualification (e.g. the registration lapsed); audited. */
    public void revoke(StaffSession admin, String loginId, Qualification qualification) {
        requireAdmin(admin);
        UUID staffId = account(admin.organisation(), loginId, false).map(Account::staffId)
                .orElseThrow(() -> new InvalidValue("loginId", "職員ID", "この事業所の職員IDではありません"));
        int revoked = sql.sql("update identity.staff_qualifications set revoked_at = now()"
                + " where staff_id = ? and qualification = ? and revoked_at is null")
                .params(staffId, qualification.name()).update();
        if (revoked == 0) {
            throw new InvalidValue("qualification", "資格", "この職員にはこの資格が登録されていません");
        }
        revoked(new TokenRevocations.Revoked.Staff(staffId));
        audit.record(new AuditEntry("qualification", admin.organisation().kind().code(), admin.organisation().number(),
                admin.jobType().name(), null, null, "資格の登録の取消し(" + qualification.label() + ")", null, "REVOKED")
                .by(admin.staffId(), qualification.label()));
    }

    /** The organisation's own access log (its staff's audit entries, newest first), for its administrator. */
    public List<Investigation> accessLog(StaffSession admin) {
        requireAdmin(admin);
        return audit.byOrganisation(admin.organisation().kind().code(), admin.organisation().number(), 2000);
    }

    /** A token checked against the database on {@code day} (in Japan) at {@code checkedAt} (System.nanoTime). */
    private record Cached(StaffSession session, Instant expiresAt, LocalDate day, long checkedAt) {
    }

    /**
     * The jobs an administrator of this kind of organisation may give an account, in {@link JobType} order: every
     * job, except that only a municipality (which holds the 認定審査会) has 認定審査会委員 (certification-online.md §6.2).
     */
    public static List<JobType> jobTypesOffered(PartyKind kind) {
        return java.util.Arrays.stream(JobType.values())
                .filter(job -> job != JobType.COMMITTEE_MEMBER || kind == PartyKind.MUNICIPALITY).toList();
    }

    private Enrolment create(Party organisation, String loginId, String password, JobType jobType,
            boolean admin) {
        checkLoginId(loginId);
        checkPassword(loginId, password);
        if (jobType == null) {
            throw new InvalidValue("jobType", "職種", "必須です");
        }
        if (!jobTypesOffered(organisation.kind()).contains(jobType)) {
            // design §6.2: the 審査会委員 is an account of the municipality that holds the 認定審査会
            throw new InvalidValue("jobType", "職種", "認定審査会委員のアカウントは保険者(市町村)だけが作成できます");
        }
        if (jobType == JobType.COMMITTEE_MEMBER && admin) {
            // (decision) an administrator reads the organisation's access log; a 審査会委員 sees only packets (§6.4 K1)
            throw new InvalidValue("jobType", "職種", "認定審査会委員を管理者にはできません");
        }
        if (account(organisation, loginId, false).isPresent()) {
            throw new InvalidValue("loginId", "職員ID", "既に使われている職員IDです");
        }
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        sql.sql("""
                insert into identity.staff (staff_id, org_kind, org_number, login_id, job_type, admin,
                                            password_hash, totp_secret)
                values (:id, :kind, :number, :login, :job, :admin, :hash, :secret)
                """).param("id", UUID.randomUUID()).param("kind", organisation.kind().code())
                .param("number", organisation.number()).param("login", loginId).param("job", jobType.name())
                .param("admin", admin).param("hash", passwords.encode(password)).param("secret", secret).update();
        String base32 = Base32.toBase32String(secret).replace("=", "");
        String uri = "otpauth://totp/kaigo-platform:" + organisation.number() + "-" + loginId + "?secret=" + base32
                + "&issuer=kaigo-platform&algorithm=SHA1&digits=6&period=" + Totp.STEP_SECONDS;
        return new Enrolment(loginId, base32, uri);
    }

    private Optional<Account> account(Party organisation, String loginId, boolean forUpdate) {
        if (loginId == null) {
            return Optional.empty();
        }
        return sql.sql("""
                select staff_id, login_id, job_type, admin, password_hash, totp_secret, last_totp_step, failed_attempts,
                       locked_until, disabled_at
                  from identity.staff where org_kind = :kind and org_number = :number and login_id = :login
                """ + (forUpdate ? " for update" : "")).param("kind", organisation.kind().code())
                .param("number", organisation.number()).param("login", loginId)
                .query((rs, i) -> new Account(rs.getObject(1, UUID.class), rs.getString(2), JobType.valueOf(rs.getString(3)),
                        rs.getBoolean(4), rs.getString(5), rs.getBytes(6), rs.getLong(7), rs.getInt(8),
                        instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10))))
                .optional();
    }

    private IssuedTokens issue(UUID staffId, UUID sessionId, Instant now) {
        String access = newToken();
        String refresh = newToken();
        for (Object[] t : new Object[][] {{access, "access", ACCESS_TTL}, {refresh, "refresh", REFRESH_TTL}}) {
            sql.sql("""
                    insert into identity.tokens (token_hash, session_id, staff_id, kind, expires_at)
                    values (:hash, :session, :staff, :kind, :expires)
                    """).param("hash", sha256((String) t[0])).param("session", sessionId).param("staff", staffId)
                    .param("kind", t[1]).param("expires", now.plus((Duration) t[2]).atOffset(ZoneOffset.UTC)).update();
        }
        return new IssuedTokens(access, ACCESS_TTL.toSeconds(), refresh, REFRESH_TTL.toSeconds());
    }

    /** Forgets cached tokens here and announces it to every instance (sign-out, refresh, disable, qualifications). */
    private void revoked(TokenRevocations.Revoked what) {
        forget(what);
        revocations.announce(what);
    }

    /** Forgets the cached tokens a revocation names, here. */
    private void forget(TokenRevocations.Revoked what) {
        revocationsSeen.incrementAndGet();
        if (what instanceof TokenRevocations.Revoked.Session s) {
            sessions.values().removeIf(c -> c.session().sessionId().equals(s.sessionId()));
        } else if (what instanceof TokenRevocations.Revoked.Staff s) {
            sessions.values().removeIf(c -> c.session().staffId().equals(s.staffId()));
        } else {
            sessions.clear();
        }
    }

    private void revokeSession(UUID sessionId) {
        sql.sql("update identity.tokens set revoked_at = now() where session_id = :session and revoked_at is null")
                .param("session", sessionId).update();
        revoked(new TokenRevocations.Revoked.Session(sessionId));
    }

    private static void requireAdmin(StaffSession session) {
        if (!session.admin()) {
            throw new NotPermitted("管理者のみが行える操作です");
        }
    }

    private static void checkLoginId(String loginId) {
        if (loginId == null || !loginId.matches("[A-Za-z0-9._-]{3,32}")) {
            throw new InvalidValue("loginId", "職員ID", "半角英数字と . _ - の3〜32文字で指定してください");
        }
    }

    private static void checkPassword(String loginId, String password) {
        if (password == null || password.length() < 12 || password.length() > 128) {
            throw new InvalidValue("password", "パスワード", "12〜128文字で指定してください");
        }
        if (password.toLowerCase().contains(loginId.toLowerCase())) {
            throw new InvalidValue("password", "パスワード", "職員IDを含まないものにしてください");
        }
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** A colleague's account, as another staff member of the organisation names it: its id and job. */
    public record Colleague(UUID staffId, JobType jobType) {
    }

    /**
     * The enabled account of the organisation with this login ID (empty when there is none, or it is disabled), so
     * that a staff member can be named for a task, such as a survey assigned to the municipality's own surveyor.
     */
    public Optional<Colleague> colleague(Party organisation, String loginId) {
        return account(organisation, loginId, false).filter(a -> a.disabledAt() == null)
                .map(a -> new Colleague(a.staffId(), a.jobType()));
    }

    /**
     * The login IDs of the organisation's accounts among these staff ids (disabled ones too: a past member stays
     * named), so that a list of who does a task can name them the way colleagues do.
     */
    public java.util.Map<UUID, String> loginIds(Party organisation, java.util.Collection<UUID> staffIds) {
        if (staffIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<UUID, String> named = new java.util.HashMap<>();
        sql.sql("""
                select staff_id, login_id from identity.staff
                 where org_kind = :kind and org_number = :number and staff_id in (:ids)
                """).param("kind", organisation.kind().code()).param("number", organisation.number())
                .param("ids", List.copyOf(staffIds)).query().listOfRows()
                .forEach(row -> named.put((UUID) row.get("staff_id"), (String) row.get("login_id")));
        return named;
    }
}
