package jp.kaigo.relationship;

import jp.kaigo.audit.AuditEntry;
import jp.kaigo.audit.AuditLog;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.kaigo.shared.ClaimsRecorded;
import jp.kaigo.shared.InsuredPersons;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.NoSuchRecord;
import jp.kaigo.shared.ServiceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * 担当事業所 (facade). A successful 資格確認 at an office yields a short-lived proof of 本人確認
 * ({@link #confirmationFor}); with it the office registers for a service type from a start date.
 * Relationships end by the office, by the person, on 資格喪失, or after {@code claimlessMonths}
 * months without a claim from the office for the person (the claims module tells, by {@link ClaimsRecorded}).
 */
@Service
public class OfficesInCharge {
    private static final Logger log = LoggerFactory.getLogger(OfficesInCharge.class);
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private final JdbcClient sql;
    private final Confirmation confirmations = new Confirmation();
    private final int claimlessMonths;

    private final AuditLog audit;

    private final InsuredPersons persons;

    OfficesInCharge(JdbcClient sql, AuditLog audit, InsuredPersons persons,
            @Value("${kaigo.relationship.claimless-months:3}") int claimlessMonths) {
        this.sql = sql;
        this.persons = persons;
        this.audit = audit;
        this.claimlessMonths = claimlessMonths;
    }

    /** Proof, valid one hour, that this office just confirmed this person by {@code method} (card, numbers). */
    public String confirmationFor(String officeNo, String insurerNo, String insuredNo, String method) {
        return confirmations.issue(officeNo, insurerNo, insuredNo, method, Instant.now());
    }

    /** The person an office's proof of 本人確認 names, while it is valid. */
    public record ConfirmedPerson(String insurerNo, String insuredNo, String method) {
    }

    /** The person this office confirmed with the proof, if it is genuine, this office's and unexpired. */
    public Optional<ConfirmedPerson> confirmedPerson(String officeNo, String confirmation) {
        Confirmation.Claims claims = confirmations.check(confirmation, Instant.now());
        return claims == null || !claims.officeNo().equals(officeNo) ? Optional.empty()
                : Optional.of(new ConfirmedPerson(claims.insurerNo(), claims.insuredNo(), claims.method()));
    }

    /**
     * Registers the office as the person's 担当事業所 (audited with the staff account); the person is the one
     * the proof names. Nothing is granted before the start date. Whether the registration is allowed at all (start
     * date, the person's 資格 and care level, the office's designation) is decided by the caller's rules.
     */
    public UUID register(String officeNo, String confirmation, String serviceTypeCode, LocalDate startDate,
            String staffJob, UUID staffId) {
        ConfirmedPerson person = confirmedPerson(officeNo, confirmation).orElseThrow(() -> new InvalidValue("confirmation",
                "本人確認", "本人確認の結果が無効か期限切れです(1時間以内に、この事業所で資格確認を行ってください)"));
        ServiceType type = ServiceType.find(serviceTypeCode == null ? "" : serviceTypeCode.strip())
                .orElseThrow(() -> new InvalidValue("serviceType", ServiceType.LABEL, "サービス種類コードが正しくありません"));
        if (startDate == null) {
            throw new InvalidValue("startDate", "開始日", "必須です");
        }
        UUID id = UUID.randomUUID();
        try {
            sql.sql("""
                    insert into relationship.offices_in_charge (relationship_id, insurer_no, insured_no, office_no,
                           service_type, start_date, confirmed_by, registered_job)
                    values (:id, :insurer, :insured, :office, :type, :start, :method, :job)
                    """).param("id", id).param("insurer", person.insurerNo()).param("insured", person.insuredNo())
                    .param("office", officeNo).param("type", type.code()).param("start", startDate)
                    .param("method", person.method()).param("job", staffJob).update();
        } catch (DuplicateKeyException e) {
            throw new InvalidValue("serviceType", ServiceType.LABEL, "このサービス種類では既に担当事業所として登録されています");
        }
        audit.record(new AuditEntry("relationship", "office", officeNo, staffJob, person.insurerNo(), person.insuredNo(),
                "担当事業所の登録(サービス種類 " + type.code() + ")", null, "REGISTERED").by(staffId, null));
        return id;
    }

    /** The office ends its own relationship (audited with the staff account); returns it as it was. */
    public OfficeInCharge endByOffice(String officeNo, UUID relationshipId, LocalDate endDate, String staffJob,
            UUID staffId) {
        OfficeInCharge ending = relationship(relationshipId).filter(r -> r.officeNo().equals(officeNo))
                .orElseThrow(() -> new NoSuchRecord("担当事業所の登録が見つかりません"));
        end("office", endDate, "relationship_id = :id and office_no = :office", relationshipId, officeNo, null, null);
        audit.record(new AuditEntry("relationship", "office", officeNo, staffJob, ending.insurerNo(), ending.insuredNo(),
                "担当事業所の終了(サービス種類 " + ending.serviceType() + ")", null, "ENDED").by(staffId, null));
        return ending;
    }

    /** The person ends one of their relationships ({@code actingAs}: their representative's kind, or null); audited. */
    public void endByPerson(String insurerNo, String insuredNo, UUID relationshipId, LocalDate endDate, String actingAs) {
        end("person", endDate, "relationship_id = :id and insurer_no = :insurer and insured_no = :insured", relationshipId,
                null, insurerNo, insuredNo);
        audit.record(new AuditEntry("relationship", actingAs == null ? "person" : "representative", null, actingAs,
                insurerNo, insuredNo, "担当事業所の終了(本人による)", null, "ENDED"));
    }

    /**
     * 資格喪失 as the registry records it, once its date is reached: every open relationship of each such person
     * ends on the day the qualification was lost. Runs nightly (access is refused from the loss day on anyway,
     * by the registry's record); never on a 資格確認's answer. Returns how many relationships ended.
     */
    public int endOnLoss(LocalDate today) {
        Map<String, List<String>> open = new HashMap<>();
        sql.sql("select distinct insurer_no, insured_no from relationship.offices_in_charge where ended_at is null")
                .query((rs, n) -> open.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        int ended = 0;
        for (var insurer : open.entrySet()) {
            for (var lost : persons.lostOnOrBefore(insurer.getKey(), insurer.getValue(), today).entrySet()) {
                ended += sql.sql("""
                        update relationship.offices_in_charge set end_date = greatest(:lost, start_date), end_reason = 'lost',
                               ended_at = now()
                         where insurer_no = :insurer and insured_no = :insured and ended_at is null
                        """).param("lost", lost.getValue()).param("insurer", insurer.getKey())
                        .param("insured", lost.getKey()).update();
            }
        }
        if (ended > 0) {
            log.info("{} 担当事業所 relationships ended on 資格喪失", ended);
        }
        return ended;
    }

    /** 給付実績 arrived: each office's claim for a person keeps their relationship alive (one statement). */
    @EventListener
    void claimsRecorded(ClaimsRecorded recorded) {
        var claims = recorded.claims();
        sql.sql("""
                update relationship.offices_in_charge r
                   set last_claim_on = greatest(coalesce(r.last_claim_on, c.month::date), c.month::date)
                  from unnest(?::text[], ?::text[], ?::text[]) as c(office_no, insured_no, month)
                 where r.office_no = c.office_no and r.insurer_no = ? and r.insured_no = c.insured_no
                   and r.ended_at is null
                """).params(claims.stream().map(ClaimsRecorded.Claim::officeNo).toArray(String[]::new),
                claims.stream().map(ClaimsRecorded.Claim::insuredNo).toArray(String[]::new),
                claims.stream().map(c -> c.serviceMonth().toString()).toArray(String[]::new), recorded.insurerNo())
                .update();
    }

    /**
     * Ends relationships whose office has had no claim for the person (counting from the start when
     * there never was one) for the configured number of months. Runs nightly; returns how many ended.
     */
    public int endWithoutClaims(LocalDate today) {
        int ended = sql.sql("""
                update relationship.offices_in_charge set end_date = :today, end_reason = 'no-claims', ended_at = now()
                 where ended_at is null and coalesce(last_claim_on, start_date) < :cutoff
                """).param("today", today).param("cutoff", today.minusMonths(claimlessMonths))
                .update();
        if (ended > 0) {
            log.info("{} 担当事業所 relationships ended after {} months without claims", ended, claimlessMonths);
        }
        return ended;
    }

    @Scheduled(cron = "0 30 3 * * *", zone = "Asia/Tokyo")
    @SchedulerLock(name = "relationships-nightly-end", lockAtMostFor = "PT2H")
    public void nightly() {
        endOnLoss(LocalDate.now(JAPAN));
        endWithoutClaims(LocalDate.now(JAPAN));
    }

    /** The persons the office is 担当事業所 of now (保険者番号, 被保険者番号), in number order. */
    public List<OfficeInCharge> currentOf(String officeNo) {
        return sql.sql(SELECT + " where office_no = :office and ended_at is null or office_no = :office and end_date > :today"
                + " order by insurer_no, insured_no, service_type")
                .param("office", officeNo).param("today", LocalDate.now(JAPAN)).query(OfficesInCharge::row).list();
    }

    /**
     * The office's relationships with the person that have not ended by the day (started or still to start): the
     * services it already serves them with, so a monthly 資格確認 of a client says 「担当中」 instead of offering
     * a second registration.
     */
    public List<OfficeInCharge> servicesFor(String officeNo, String insurerNo, String insuredNo, LocalDate day) {
        return sql.sql(SELECT + " where insurer_no = :insurer and insured_no = :insured and office_no = :office"
                + " and (end_date is null or end_date > :day) order by service_type")
                .param("insurer", insurerNo).param("insured", insuredNo).param("office", officeNo).param("day", day)
                .query(OfficesInCharge::row).list();
    }

    /** The person's offices, current and past, newest first. */
    public List<OfficeInCharge> officesOf(String insurerNo, String insuredNo) {
        return sql.sql(SELECT + " where insurer_no = :insurer and insured_no = :insured"
                + " order by ended_at is not null, start_date desc, registered_at desc")
                .param("insurer", insurerNo).param("insured", insuredNo).query(OfficesInCharge::row).list();
    }

    public Optional<OfficeInCharge> relationship(UUID relationshipId) {
        return sql.sql(SELECT + " where relationship_id = :id").param("id", relationshipId)
                .query(OfficesInCharge::row).optional();
    }

    private static final String SELECT = """
            select relationship_id, insurer_no, insured_no, office_no, service_type, start_date, confirmed_by,
                   last_claim_on, end_date, end_reason
              from relationship.offices_in_charge""";

    private static OfficeInCharge row(ResultSet rs, int i) throws SQLException {
        return new OfficeInCharge(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), ServiceType.find(rs.getString(5)).map(ServiceType::name).orElse(null),
                rs.getDate(6).toLocalDate(), rs.getString(7), date(rs.getDate(8)), date(rs.getDate(9)), rs.getString(10));
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }


    private void end(String reason, LocalDate endDate, String where, UUID id, String officeNo, String insurerNo,
            String insuredNo) {
        if (endDate == null) {
            throw new InvalidValue("endDate", "終了日", "必須です");
        }
        var statement = sql.sql("update relationship.offices_in_charge set end_date = :end, end_reason = :reason, "
                + "ended_at = now() where ended_at is null and start_date <= :end and " + where)
                .param("end", endDate).param("reason", reason).param("id", id);
        if (officeNo != null) {
            statement = statement.param("office", officeNo);
        }
        if (insurerNo != null) {
            statement = statement.param("insurer", insurerNo).param("insured", insuredNo);
        }
        if (statement.update() == 0) {
            throw new InvalidValue("relationshipId", "担当事業所", "終了できる担当事業所の登録が見つかりません(終了日は開始日以降)");
        }
    }
}
