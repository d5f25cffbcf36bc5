package jp.kaigo.careplan;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kaigo.shared.CareLevel;
import jp.kaigo.shared.CareRecordSource;
import jp.kaigo.shared.PlanStatus;
import jp.kaigo.shared.InformationCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issued (交付済み) care plans as shared records, for {@code access}: the current one of each office and the
 * superseded ones, newest first, each with its 第2表 items in print order; the 原案 shown to the person (record type
 * {@value PlanStatus#PROPOSAL_RECORD}, which access shows only to the person and the office that wrote it). Drafts are never shared.
 */
@Component
class CarePlanRecords implements CareRecordSource {
    private static final Map<String, String> KINDS = Map.of("11", "初回", "12", "紹介", "21", "継続", "51", "初回・紹介",
            "52", "初回・継続", "53", "紹介・継続", "54", "初回・紹介・継続");
    private final JdbcClient sql;

    CarePlanRecords(JdbcClient sql) {
        this.sql = sql;
    }

    @Override
    public List<InformationCategory> categories() {
        return List.of(InformationCategory.CARE_PLAN);
    }

    @Override
    public List<Map<String, Object>> read(InformationCategory category, String insurerNo, String insuredNo) {
        List<Map<String, Object>> plans = new ArrayList<>();
        for (Map<String, Object> row : sql.sql("""
                select plan_id, office_no, status, plan_date, first_plan_date, plan_kind, cert_status, certified_on,
                       cert_valid_from, cert_valid_to, care_level, author_name, assessment, board_opinion, policy,
                       living_support_reason, living_support_other, created_on, proposed_at, answered_at, agreement,
                       declined_note, issued_at
                  from careplan.plans where insurer_no = ? and insured_no = ? and status <> 'draft'
                 order by plan_date desc, issued_at desc nulls first
                """).params(insurerNo, insuredNo).query().listOfRows()) {
            PlanStatus status = PlanStatus.ofCode((String) row.get("status"));
            boolean issued = status == PlanStatus.ISSUED || status == PlanStatus.SUPERSEDED;
            Map<String, Object> plan = new LinkedHashMap<>();
            // a 原案 (shown to the person, not yet issued) is its own record type: access shows it only to the person
            // and the office that wrote it; it carries its id, for the person's answer
            plan.put("recordType", issued ? "care-plan" : PlanStatus.PROPOSAL_RECORD);
            row.forEach((column, value) -> {
                if (value != null && (!column.equals("plan_id") || !issued)) {
                    plan.put(camel(column), value instanceof Date d ? d.toLocalDate().toString()
                            : value instanceof Timestamp t ? t.toInstant().toString() : value);
                }
            });
            if (plan.get("planKind") instanceof String kind && KINDS.containsKey(kind)) {
                plan.put("planKindName", KINDS.get(kind));
            }
            if (plan.get("careLevel") instanceof String level) {
                CareLevel.find(level).ifPresent(l -> plan.put("careLevelName", l.name()));
            }
            if (plan.get("certStatus") instanceof String cert) {
                plan.put("certStatusName", cert.equals("1") ? "申請中" : "認定済");
            }
            plan.put("statusName", status.label());
            if (row.get("agreement") != null) {
                plan.put("agreementName", PlanStatus.agreementLabel((String) row.get("agreement")));
            }
            plan.put("items", rows("""
                    select need_no, goal_no, item_no, need, long_goal, long_period, short_goal, short_period, content,
                           insured_service, service_kind, provider_no, provider_name, frequency, period
                      from careplan.plan_items where plan_id = ? order by need_no, goal_no, item_no
                    """, (UUID) row.get("plan_id")));
            List<Map<String, Object>> week = rows("""
                    select service, weekday, starts_at, ends_at, activity, activity_start, activity_end, other
                      from careplan.plan_week where plan_id = ? order by row_no
                    """, (UUID) row.get("plan_id"));
            week.forEach(w -> {
                if (w.get("weekday") instanceof Integer day && day >= 1 && day <= 7) {
                    w.put("weekdayName", "月火水木金土日".substring(day - 1, day));
                }
            });
            plan.put("week", week);
            plans.add(plan);
        }
        // 第6表・第7表 of each month, newest month first
        for (Map<String, Object> row : sql.sql("""
                select office_no, target_month, sheet, rows::text as rows, received_at from careplan.monthly_sheets
                 where insurer_no = ? and insured_no = ? order by target_month desc, sheet
                """).params(insurerNo, insuredNo).query().listOfRows()) {
            Map<String, Object> sheet = new LinkedHashMap<>();
            String kind = (String) row.get("sheet");
            sheet.put("recordType", "care-plan-" + kind);
            sheet.put("sheetName", switch (kind) {
                case "table6" -> "第6表 サービス利用票(予定)";
                case "table6-actual" -> "第6表 サービス利用票(実績)";
                default -> "第7表 サービス利用票別表";
            });
            sheet.put("officeNo", row.get("office_no"));
            sheet.put("targetMonth", row.get("target_month").toString().substring(0, 7));
            sheet.put("rows", MonthlySheets.rows((String) row.get("rows")));
            plans.add(sheet);
        }
        return plans;
    }

    /** The rows of one of the plan's tables, columns in camelCase, empty values left out. */
    private List<Map<String, Object>> rows(String select, UUID planId) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> row : sql.sql(select).param(planId).query().listOfRows()) {
            Map<String, Object> item = new LinkedHashMap<>();
            row.forEach((column, value) -> {
                if (value != null) {
                    item.put(camel(column), value);
                }
            });
            items.add(item);
        }
        return items;
    }

    private static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
