package jp.kaigo.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.kaigo.shared.InsuredPerson;
import jp.kaigo.shared.InsurerNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The notification schema's statements: notices, their deliveries, preferences and print batches. */
@Repository
class NoticeBook {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {
    };
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private final JdbcClient sql;

    NoticeBook(JdbcClient sql) {
        this.sql = sql;
    }

    /** A notice made now or found (same person and deduplication key): its id, and whether it is new. */
    record Recorded(UUID noticeId, boolean created) {
    }

    /** Makes the notice unless the person already has one with this deduplication key (then that one is answered). */
    Recorded record(InsuredPerson person, NoticeKind kind, String dedupeKey, String subjectRef, Map<String, String> params) {
        Optional<UUID> created = sql.sql("""
                insert into notification.notices (insurer_no, insured_no, notice_id, kind, dedupe_key, subject_ref, params)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb))
                on conflict (insurer_no, insured_no, dedupe_key) do nothing
                returning notice_id
                """).params(person.insurerNo(), person.insuredNo(), UUID.randomUUID(), kind.code(), dedupeKey, subjectRef,
                JSON.writeValueAsString(params)).query(UUID.class).optional();
        if (created.isPresent()) {
            return new Recorded(created.get(), true);
        }
        UUID existing = sql.sql("""
                select notice_id from notification.notices where insurer_no = ? and insured_no = ? and dedupe_key = ?
                """).params(person.insurerNo(), person.insuredNo(), dedupeKey).query(UUID.class).single();
        return new Recorded(existing, false);
    }

    /** One notice of many made at once: the person's number, the deduplication key and the parameters. */
    record Many(String insuredNo, String dedupeKey, Map<String, String> params) {
    }

    /**
     * Makes one notice of the kind per person of an insurer in one statement (skipping those the person already has
     * with the key), and plans the deliveries their preferences ask for.
     */
    void recordMany(InsurerNumber insurer, NoticeKind kind, List<Many> notices) {
        sql.sql("""
                with made as (
                  insert into notification.notices (insurer_no, insured_no, notice_id, kind, dedupe_key, params)
                  select ?, p, gen_random_uuid(), ?, k, cast(j as jsonb) from unnest(?::text[], ?::text[], ?::text[]) t(p, k, j)
                  on conflict (insurer_no, insured_no, dedupe_key) do nothing
                  returning insurer_no, insured_no, notice_id)
                """ + PLAN_DELIVERIES).params(insurer.value(), kind.code(), persons(notices), keys(notices),
                params(notices), kind.onPaper()).update();
    }

    /**
     * The deliveries the preferences of the persons of the notices in {@code made} ask for, each at most once per notice
     * and channel: email and SMS when an address is set, paper when the person asked for paper and the kind goes on paper
     * (the one parameter).
     */
    private static final String PLAN_DELIVERIES = """
            insert into notification.deliveries (insurer_no, insured_no, notice_id, channel, status)
            select m.insurer_no, m.insured_no, m.notice_id, c.channel, 'pending'
              from made m join notification.preferences p on p.insurer_no = m.insurer_no and p.insured_no = m.insured_no
              cross join lateral (values ('email', p.email is not null), ('sms', p.sms is not null),
                                         ('paper', p.paper and ?)) c(channel, wanted)
             where c.wanted
            on conflict do nothing
            """;

    /**
     * The notices among these (by person and key) with an email or SMS pointer not yet sent (new, failed, or left by an
     * instance that died): those to deliver now.
     */
    List<Map.Entry<InsuredPerson, UUID>> unsentPointers(InsurerNumber insurer, List<Many> notices) {
        return sql.sql("""
                select distinct n.insured_no, n.notice_id
                  from unnest(?::text[], ?::text[]) t(p, k)
                  join notification.notices n on n.insurer_no = ? and n.insured_no = t.p and n.dedupe_key = t.k
                  join notification.deliveries d on d.insurer_no = n.insurer_no and d.insured_no = n.insured_no
                                                and d.notice_id = n.notice_id
                 where d.channel in ('email', 'sms') and d.status in ('pending', 'failed', 'sending')
                """).params(persons(notices), keys(notices), insurer.value())
                .query((rs, n) -> Map.entry(new InsuredPerson(insurer, new jp.kaigo.shared.InsuredNumber(rs.getString(1))),
                        rs.getObject(2, UUID.class))).list();
    }

    private static String[] persons(List<Many> notices) {
        return notices.stream().map(Many::insuredNo).toArray(String[]::new);
    }

    private static String[] keys(List<Many> notices) {
        return notices.stream().map(Many::dedupeKey).toArray(String[]::new);
    }

    private static String[] params(List<Many> notices) {
        return notices.stream().map(m -> JSON.writeValueAsString(m.params())).toArray(String[]::new);
    }

    /** The deliveries the person's preferences ask for (each at most once per notice and channel). */
    void planDeliveries(InsuredPerson person, UUID noticeId, NoticeKind kind) {
        sql.sql("with made (insurer_no, insured_no, notice_id) as (values (?::char(6), ?::varchar(10), ?::uuid)) "
                + PLAN_DELIVERIES).params(person.insurerNo(), person.insuredNo(), noticeId, kind.onPaper()).update();
    }

    /** An email or SMS delivery taken for sending, with the address to send to. */
    record Claimed(Channel channel, String address) {
    }

    /**
     * Takes the notice's email/SMS deliveries that are pending, failed, or taken more than 10 minutes ago by someone
     * who never finished (an instance that died): each becomes {@code sending}, one attempt more.
     */
    List<Claimed> claim(InsuredPerson person, UUID noticeId) {
        return sql.sql("""
                update notification.deliveries d
                   set status = 'sending', attempts = d.attempts + 1, claimed_at = now()
                  from notification.preferences p
                 where d.insurer_no = ? and d.insured_no = ? and d.notice_id = ? and d.channel in ('email', 'sms')
                   and p.insurer_no = d.insurer_no and p.insured_no = d.insured_no
                   and (d.status in ('pending', 'failed')
                        or (d.status = 'sending' and d.claimed_at < now() - interval '10 minutes'))
                returning d.channel, case d.channel when 'email' then p.email else p.sms end
                """).params(person.insurerNo(), person.insuredNo(), noticeId)
                .query((rs, n) -> new Claimed(channel(rs.getString(1)), rs.getString(2))).list();
    }

    void sent(InsuredPerson person, UUID noticeId, Channel channel) {
        sql.sql("""
                update notification.deliveries set status = 'sent', sent_at = now(), last_error = null
                 where insurer_no = ? and insured_no = ? and notice_id = ? and channel = ?
                """).params(person.insurerNo(), person.insuredNo(), noticeId, channel.code()).update();
    }

    void failed(InsuredPerson person, UUID noticeId, Channel channel, String reason, boolean retryable) {
        sql.sql("""
                update notification.deliveries set status = ?, last_error = ?
                 where insurer_no = ? and insured_no = ? and notice_id = ? and channel = ?
                """).params(retryable ? "failed" : "skipped", reason, person.insurerNo(), person.insuredNo(), noticeId,
                channel.code()).update();
    }

    /** The person's notices, newest first, {@code size} a page. */
    Inbox inbox(InsuredPerson person, int page, int size) {
        record Counts(int total, int unread) {
        }
        Counts counts = sql.sql("""
                select count(*), count(*) filter (where read_at is null) from notification.notices
                 where insurer_no = ? and insured_no = ?
                """).params(person.insurerNo(), person.insuredNo())
                .query((rs, n) -> new Counts(rs.getInt(1), rs.getInt(2))).single();
        int pages = Math.max(1, (counts.total() + size - 1) / size);
        int shown = Math.min(Math.max(1, page), pages);
        List<Notice> notices = sql.sql("""
                select notice_id, kind, params, created_at, read_at from notification.notices
                 where insurer_no = ? and insured_no = ?
                 order by created_at desc, notice_id limit ? offset ?
                """).params(person.insurerNo(), person.insuredNo(), size, (shown - 1) * size)
                .query((rs, n) -> notice(rs)).list();
        return new Inbox(notices, shown, pages, counts.total(), counts.unread());
    }

    private static Notice notice(ResultSet rs) throws SQLException {
        NoticeKind kind = NoticeKind.ofCode(rs.getString("kind")).orElseThrow(
                () -> new IllegalStateException("unknown notice kind in notification.notices"));
        Map<String, String> params = JSON.readValue(rs.getString("params"), PARAMS);
        return new Notice(rs.getObject("notice_id", UUID.class), kind, NoticeTexts.lines(kind, params),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("read_at")));
    }

    /** Marks the person's notice read (the first reading counts); false when the person has no such notice. */
    boolean markRead(InsuredPerson person, UUID noticeId) {
        return sql.sql("""
                update notification.notices set read_at = coalesce(read_at, now())
                 where insurer_no = ? and insured_no = ? and notice_id = ?
                """).params(person.insurerNo(), person.insuredNo(), noticeId).update() == 1;
    }

    ContactPreferences preferences(InsuredPerson person) {
        return sql.sql("select paper, email, sms from notification.preferences where insurer_no = ? and insured_no = ?")
                .params(person.insurerNo(), person.insuredNo())
                .query((rs, n) -> new ContactPreferences(rs.getBoolean(1), rs.getString(2), rs.getString(3)))
                .optional().orElse(ContactPreferences.NONE);
    }

    void setPreferences(InsuredPerson person, ContactPreferences prefs, RecordedBy by) {
        sql.sql("""
                insert into notification.preferences (insurer_no, insured_no, paper, email, sms, recorded_by, updated_at)
                values (?, ?, ?, ?, ?, ?, now())
                on conflict (insurer_no, insured_no) do update
                   set paper = excluded.paper, email = excluded.email, sms = excluded.sms,
                       recorded_by = excluded.recorded_by, updated_at = excluded.updated_at
                """).params(person.insurerNo(), person.insuredNo(), prefs.paper(), prefs.email(), prefs.sms(), by.code())
                .update();
    }

    /** The insurer's notices waiting to be printed, oldest first. */
    List<PrintItem> printList(InsurerNumber insurer) {
        return sql.sql("""
                select n.insured_no, n.notice_id, n.kind, n.created_at, n.params
                  from notification.deliveries d
                  join notification.notices n on n.insurer_no = d.insurer_no and n.insured_no = d.insured_no
                                             and n.notice_id = d.notice_id
                 where d.insurer_no = ? and d.channel = 'paper' and d.status = 'pending'
                 order by n.created_at, n.insured_no, n.notice_id
                """).params(insurer.value()).query((rs, n) -> {
                    NoticeKind kind = NoticeKind.ofCode(rs.getString(3)).orElseThrow();
                    return new PrintItem(new InsuredPerson(insurer, new jp.kaigo.shared.InsuredNumber(rs.getString(1))),
                            rs.getObject(2, UUID.class), kind, LocalDate.ofInstant(rs.getTimestamp(4).toInstant(), JAPAN),
                            NoticeTexts.lines(kind, JSON.readValue(rs.getString(5), PARAMS)));
                }).list();
    }

    /**
     * Records a print batch of those of {@code noticeIds} still pending on paper for the insurer and marks them sent;
     * answers how many it covered (ids of other insurers or already printed are left out).
     */
    int markPrinted(InsurerNumber insurer, Collection<UUID> noticeIds, UUID batchId, UUID staffId) {
        sql.sql("insert into notification.print_batches (insurer_no, batch_id, created_by) values (?, ?, ?)")
                .params(insurer.value(), batchId, staffId).update();
        return sql.sql("""
                with printed as (
                  update notification.deliveries set status = 'sent', sent_at = now(), attempts = attempts + 1
                   where insurer_no = ? and channel = 'paper' and status = 'pending' and notice_id = any(?)
                  returning insurer_no, insured_no, notice_id)
                insert into notification.print_items (insurer_no, batch_id, insured_no, notice_id)
                select insurer_no, ?, insured_no, notice_id from printed
                """).params(insurer.value(), noticeIds.toArray(UUID[]::new), batchId).update();
    }

    private static Channel channel(String code) {
        for (Channel c : Channel.values()) {
            if (c.code().equals(code)) {
                return c;
            }
        }
        throw new IllegalStateException("unknown channel in notification.deliveries");
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
