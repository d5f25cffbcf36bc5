package jp.kaigo.claims;

import static jp.kaigo.ingest.Fields.checked;
import static jp.kaigo.ingest.Fields.code;
import static jp.kaigo.ingest.Fields.integer;
import static jp.kaigo.ingest.Fields.month;
import static jp.kaigo.ingest.Fields.notBefore;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import jp.kaigo.ingest.HistoryImport;
import jp.kaigo.ingest.ImportMode;
import jp.kaigo.ingest.ImportTarget;
import jp.kaigo.ingest.MergeCounts;
import jp.kaigo.ingest.RecordLayout;
import jp.kaigo.ingest.Rejection;
import jp.kaigo.ingest.StagingSummary;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.shared.BenefitsRecorded;
import jp.kaigo.shared.CareLevel;
import jp.kaigo.shared.ClaimsRecorded;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.ServiceType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The 給付実績 file import: the history merge, then the news for the 担当事業所 relationships of which
 * office claimed for whom (the newest service month per office and person). 有効開始日 is the first day of
 * the service month.
 */
final class ClaimsImport implements ImportTarget {
    static final String TABLE = "claims.claim_records";
    /** 介護給付費通知 are given for the last 12 service months only, this one included (older years tell nobody). */
    private static final int STATEMENT_MONTHS = 12;
    private static final int STATEMENTS_PER_EVENT = 10_000;
    private static final java.time.ZoneId JAPAN = java.time.ZoneId.of("Asia/Tokyo");
    static final RecordLayout LAYOUT = claimsLayout();
    private final HistoryImport history;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    ClaimsImport(JdbcTemplate jdbc, InsuredRegistry registry, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.history = new HistoryImport(LAYOUT, TABLE,
                insurer -> registry.insurerName(new InsurerNumber(insurer)).isPresent(), null, jdbc);
    }

    private static RecordLayout claimsLayout() {
        Map<String, String> services = new LinkedHashMap<>();
        ServiceType.all().forEach(s -> services.put(s.code(), s.name()));
        Map<String, String> levels = new LinkedHashMap<>();
        CareLevel.all().forEach(l -> levels.put(l.code(), l.name()));
        return new RecordLayout("claims", "給付実績", List.of(
                month("serviceMonth", "サービス提供年月").mandatory(),
                checked("officeNo", "事業所番号", "10桁(検証番号付き)", OfficeNumber::new).mandatory(),
                code("serviceType", "サービス種類", services).mandatory(),
                code("careLevel", "要介護状態区分", levels),
                integer("days", "サービス実日数", 0, 31),
                integer("units", "単位数", 0, 10_000_000).mandatory(),
                integer("insuranceClaim", "保険請求額", 0, 100_000_000).mandatory(),
                integer("userCharge", "利用者負担額", 0, 100_000_000),
                integer("publicClaim", "公費請求額", 0, 100_000_000),
                checked("planOfficeNo", "居宅介護支援事業所番号", "10桁(検証番号付き)", OfficeNumber::new),
                month("reviewedMonth", "審査年月")),
                List.of(notBefore("reviewedMonth", "審査年月", "serviceMonth", "サービス提供年月")));
    }

    @Override
    public RecordLayout layout() {
        return LAYOUT;
    }

    @Override
    public void checkInsurer(String insurerNo) {
        history.checkInsurer(insurerNo);
    }

    @Override
    public long stage(InputStream copyBinary) {
        return history.stage(copyBinary);
    }

    @Override
    public MergeCounts merge(UUID importId, String insurerNo, ImportMode mode, StagingSummary staged,
            Consumer<Rejection> rejections) {
        MergeCounts counts = history.merge(importId, insurerNo, mode, staged, rejections);
        List<ClaimsRecorded.Claim> claims = jdbc.query("""
                select office_no, insured_no, max(service_month) from claims.claim_records
                 where import_id = ? and insurer_no = ? and not deleted
                 group by office_no, insured_no
                """, (rs, n) -> new ClaimsRecorded.Claim(rs.getString(1), rs.getString(2),
                rs.getDate(3).toLocalDate()), importId, insurerNo);
        if (!claims.isEmpty()) {
            events.publishEvent(new ClaimsRecorded(insurerNo, claims));
        }
        List<BenefitsRecorded.Month> months = jdbc.query("""
                select insured_no, service_month, count(*),
                       sum(insurance_claim + coalesce(public_claim, 0) + coalesce(user_charge, 0)), sum(coalesce(user_charge, 0))
                  from claims.claim_records
                 where import_id = ? and insurer_no = ? and not deleted and service_month >= ?
                 group by insured_no, service_month
                """, (rs, n) -> new BenefitsRecorded.Month(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getInt(3),
                rs.getLong(4), rs.getLong(5)), importId, insurerNo,
                LocalDate.now(JAPAN).withDayOfMonth(1).minusMonths(STATEMENT_MONTHS - 1));
        // in parts, so that a municipality's whole year stays a few small events (each a few seconds of bulk inserts)
        for (int from = 0; from < months.size(); from += STATEMENTS_PER_EVENT) {
            events.publishEvent(new BenefitsRecorded(insurerNo,
                    List.copyOf(months.subList(from, Math.min(months.size(), from + STATEMENTS_PER_EVENT)))));
        }
        return counts;
    }
}
