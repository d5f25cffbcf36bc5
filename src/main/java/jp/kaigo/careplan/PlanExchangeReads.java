package jp.kaigo.careplan;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.kaigo.shared.CarePlanDelivery;
import jp.kaigo.shared.InsuredPerson;
import jp.kaigo.shared.LivingSupportVisits;
import jp.kaigo.shared.OwnCarePlan;
import jp.kaigo.shared.OwnPlanMonth;
import jp.kaigo.shared.PlanExchangeSource;
import jp.kaigo.shared.PlanStatus;
import jp.kaigo.shared.StandardPlanFiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The exchange's reads, for {@code access} only: an office's own plans, its deliveries, a delivery as the standard's files. */
@Component
class PlanExchangeReads implements PlanExchangeSource {
    private final JdbcClient sql;
    private final StandardFiles standardFiles;

    PlanExchangeReads(JdbcClient sql, StandardFiles standardFiles) {
        this.sql = sql;
        this.standardFiles = standardFiles;
    }

    @Override
    public List<OwnCarePlan> ownPlans(String officeNo, InsuredPerson person) {
        return sql.sql("""
                select plan_id, plan_date, status, agreement, declined_note, proposed_at, answered_at, issued_at,
                       (select count(*) from careplan.plan_items i where i.insurer_no = p.insurer_no and i.plan_id = p.plan_id)
                  from careplan.plans p where insurer_no = ? and insured_no = ? and office_no = ?
                 order by plan_date desc
                """).params(person.insurerNo(), person.insuredNo(), officeNo).query((rs, n) -> new OwnCarePlan(
                rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate(), PlanStatus.ofCode(rs.getString(3)),
                rs.getString(4), rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)),
                instant(rs.getTimestamp(8)), rs.getInt(9))).list();
    }

    @Override
    public List<OwnPlanMonth> ownMonths(String officeNo, InsuredPerson person) {
        return sql.sql("""
                select s.target_month, s.rows::text, p.care_level, p.plan_date
                  from careplan.monthly_sheets s
                  left join lateral (select care_level, plan_date from careplan.plans p
                                      where p.insurer_no = s.insurer_no and p.insured_no = s.insured_no
                                        and p.office_no = s.office_no
                                        and p.plan_date < s.target_month + interval '1 month'
                                      order by p.plan_date desc limit 1) p on true
                 where s.insurer_no = ? and s.insured_no = ? and s.office_no = ? and s.sheet = 'table6'
                 order by s.target_month desc
                """).params(person.insurerNo(), person.insuredNo(), officeNo).query((rs, n) -> new OwnPlanMonth(
                rs.getDate(1).toLocalDate(), livingSupportVisits(rs.getString(2)), rs.getString(3),
                localDate(rs.getDate(4)))).list();
    }

    /** The 生活援助中心型 visits of a 第6表 month: the サービス回数 of its rows with such a サービスコード. */
    private static int livingSupportVisits(String rowsJson) {
        return MonthlySheets.rows(rowsJson).stream()
                .filter(r -> LivingSupportVisits.isLivingSupport((String) r.get("serviceCode")))
                .mapToInt(r -> r.get("times") instanceof Number t ? t.intValue() : 1).sum();
    }

    @Override
    public List<CarePlanDelivery> deliveriesTo(String officeNo, int limit) {
        return deliveries("d.recipient_no = ? order by d.delivered_at desc limit ?", officeNo, limit);
    }

    @Override
    public Optional<CarePlanDelivery> delivery(UUID deliveryId, String officeNo) {
        return deliveries("d.delivery_id = ? and d.recipient_no = ?", deliveryId, officeNo).stream().findFirst();
    }

    @Override
    @Transactional
    public StandardPlanFiles download(CarePlanDelivery delivery, String senderName) {
        Map<String, Object> d = sql.sql("select plan_id, sheet_id, recipient_no from careplan.deliveries"
                + " where delivery_id = ?").param(delivery.deliveryId()).query().singleRow();
        String recipient = (String) d.get("recipient_no");
        List<StandardFiles.File> files = d.get("plan_id") != null
                ? standardFiles.plan((UUID) d.get("plan_id"), recipient, senderName)
                : List.of(standardFiles.actual((UUID) d.get("sheet_id"), recipient));
        sql.sql("update careplan.deliveries set downloaded_at = now() where delivery_id = ? and downloaded_at is null")
                .param(delivery.deliveryId()).update();
        return new StandardPlanFiles(files.get(0).name().replaceFirst("^[A-Z0-9]+_", "CAREPLAN_").replace(".CSV", ".zip"),
                StandardFiles.zip(files), files.stream().map(StandardFiles.File::name).toList());
    }

    private List<CarePlanDelivery> deliveries(String condition, Object... params) {
        return sql.sql("""
                select d.delivery_id, d.insurer_no, d.insured_no, d.sender_no, p.plan_date, s.target_month,
                       d.delivered_at, d.downloaded_at
                  from careplan.deliveries d
                  left join careplan.plans p on p.insurer_no = d.insurer_no and p.plan_id = d.plan_id
                  left join careplan.monthly_sheets s on s.insurer_no = d.insurer_no and s.sheet_id = d.sheet_id
                 where\s""" + condition).params(params).query((rs, n) -> new CarePlanDelivery(rs.getObject(1, UUID.class),
                InsuredPerson.of(rs.getString(2).strip(), rs.getString(3)), rs.getString(4), localDate(rs.getDate(5)),
                localDate(rs.getDate(6)), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)))).list();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static LocalDate localDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
