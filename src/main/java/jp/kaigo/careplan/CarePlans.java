package jp.kaigo.careplan;

import java.sql.Types;
import org.springframework.jdbc.core.SqlParameterValue;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import jp.kaigo.ingest.CsvLines;
import jp.kaigo.ingest.CsvLines.Line;
import jp.kaigo.shared.CareLevel;
import jp.kaigo.shared.CarePlanIssued;
import jp.kaigo.shared.CarePlanProposed;
import jp.kaigo.shared.InsuredPerson;
import jp.kaigo.shared.PlanStatus;
import jp.kaigo.shared.PlanStatusRules;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ケアプラン (facade, writes only): the 居宅介護支援事業所 submits a plan as a draft (by API or by the
 * standard CSV) and issues it (交付); only issued plans are shared. Who may write for a person is
 * decided by {@code access} before these are called.
 */
@Service
public class CarePlans {
    /** CSVバージョン values accepted: 第4.1版 (202407), and 第4版 and 第3版 as tolerated (records-formats.md §1.1). */
    static final Set<String> CSV_VERSIONS = Set.of("202407", "202504", "202208");
    private static final Set<String> PLAN_KINDS = Set.of("11", "12", "21", "51", "52", "53", "54");
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final int TEXT = 4000;
    private final JdbcClient sql;
    private final ApplicationEventPublisher events;

    CarePlans(JdbcClient sql, ApplicationEventPublisher events) {
        this.sql = sql;
        this.events = events;
    }

    /**
     * Writes the plan as a draft of this office (replacing a draft with the same 作成(変更)日); answers
     * its ID. Every problem of the plan is reported at once, and nothing is written then.
     */
    @Transactional
    public UUID submit(String officeNo, CarePlanDraft plan, String source) {
        List<Violation> problems = check(plan);
        if (!problems.isEmpty()) {
            throw new InvalidValue(problems);
        }
        UUID id = upsertHeader(officeNo, plan, source, null);
        replaceItems(id, plan.items());
        replaceWeek(id, plan.week());
        return id;
    }

    /**
     * An act of the office on its own plan ({@link PlanStatusRules}: 原案を示す, 書面・口頭の同意を記録する, 交付), if the office
     * may (still) write for the person ({@code mayWrite}: 保険者番号, 被保険者番号); answers the new status. 交付 supersedes
     * the office's plan before, delivers the plan to every office its 第2表 or 第6表 names, and tells the person.
     */
    @Transactional
    public PlanActReport act(String officeNo, UUID planId, PlanStatusRules.Act act,
            BiPredicate<String, String> mayWrite) {
        if (act != PlanStatusRules.Act.PROPOSE && act != PlanStatusRules.Act.RECORD_AGREEMENT
                && act != PlanStatusRules.Act.ISSUE) {
            throw new IllegalArgumentException("not an office's act on a plan: " + act);
        }
        PlanRef plan = locked(planId, "office_no = ?", officeNo)
                .orElseThrow(() -> new InvalidValue("planId", "計画", "この事業所のケアプランが見つかりません"));
        if (!mayWrite.test(plan.person().insurerNo(), plan.person().insuredNo())) {
            throw new InvalidValue("planId", "計画", "この利用者のケアプランを扱えません(担当の居宅介護支援事業所の介護支援専門員のみ)");
        }
        PlanStatus to = outcome(plan, act);
        switch (act) {
            case PROPOSE -> {
                sql.sql("update careplan.plans set status = 'proposed', proposed_at = now(), answered_at = null,"
                        + " agreement = null, answered_by = null, declined_note = null where plan_id = ?")
                        .param(planId).update();
                events.publishEvent(new CarePlanProposed(plan.person(), planId, officeNo, plan.planDate(),
                        java.time.Instant.now()));
            }
            case RECORD_AGREEMENT -> sql.sql("update careplan.plans set status = 'agreed', answered_at = now(),"
                    + " agreement = 'paper', answered_by = 'office' where plan_id = ?").param(planId).update();
            default -> {
                return new PlanActReport(planId, to, issue(plan));
            }
        }
        return new PlanActReport(planId, to, List.of());
    }

    /**
     * The person's answer to a 原案 shown to them ({@code by}: "person", or the kind of representative answering for
     * them); {@code note}: why not, in their words (kept for the office, ≤ 400 characters).
     */
    @Transactional
    public PlanActReport answer(InsuredPerson person, String by, UUID planId, boolean agree, String note) {
        if (note != null && note.codePointCount(0, note.length()) > 400) {
            throw new InvalidValue("note", "同意しない理由", "400文字以内で入力してください");
        }
        PlanRef plan = locked(planId, "insurer_no = ? and insured_no = ?", person.insurerNo(), person.insuredNo())
                .orElseThrow(() -> new InvalidValue("planId", "計画", "あなたのケアプランが見つかりません"));
        PlanStatus to = outcome(plan, agree ? PlanStatusRules.Act.AGREE : PlanStatusRules.Act.DECLINE);
        sql.sql("update careplan.plans set status = ?, answered_at = now(), agreement = ?, answered_by = ?,"
                + " declined_note = ? where plan_id = ?").params(to.code(), agree ? "online" : null, by,
                agree || note == null || note.isBlank() ? null : note.strip(), planId).update();
        return new PlanActReport(planId, to, List.of());
    }

    private Optional<PlanRef> locked(UUID planId, String whose, Object... values) {
        List<Object> params = new ArrayList<>(List.of(planId));
        params.addAll(List.of(values));
        return plan(" and " + whose + " for update", params.toArray());
    }

    private Optional<PlanRef> plan(String condition, Object... params) {
        return sql.sql("select plan_id, insurer_no, insured_no, office_no, status, plan_date from careplan.plans"
                + " where plan_id = ?" + condition).params(params).query((rs, n) -> new PlanRef(
                rs.getObject(1, UUID.class), InsuredPerson.of(rs.getString(2).strip(), rs.getString(3)), rs.getString(4),
                PlanStatus.ofCode(rs.getString(5)), rs.getDate(6).toLocalDate())).optional();
    }

    private static PlanStatus outcome(PlanRef plan, PlanStatusRules.Act act) {
        PlanStatusRules.Outcome outcome = PlanStatusRules.apply(plan.status(), act);
        if (!outcome.allowed()) {
            throw new InvalidValue("planId", "計画", outcome.refusal().message());
        }
        return outcome.to();
    }

    /** 交付 (the status rules allowed it): supersede, deliver, tell; answers the offices it went to. */
    private List<String> issue(PlanRef plan) {
        String insurer = plan.person().insurerNo();
        String insured = plan.person().insuredNo();
        sql.sql("update careplan.plans set status = 'superseded' where insurer_no = ? and insured_no = ? and office_no = ?"
                + " and status = 'issued'").params(insurer, insured, plan.officeNo()).update();
        sql.sql("update careplan.plans set status = 'issued', issued_at = now() where plan_id = ?")
                .param(plan.planId()).update();
        List<String> recipients = sql.sql("""
                select provider_no from careplan.plan_items where insurer_no = ? and plan_id = ? and provider_no is not null
                union
                select r ->> 'providerNo' from careplan.monthly_sheets, jsonb_array_elements(rows) r
                 where insurer_no = ? and insured_no = ? and office_no = ? and sheet = 'table6' and target_month >= ?
                """).params(insurer, plan.planId(), insurer, insured, plan.officeNo(),
                plan.planDate().withDayOfMonth(1)).query(String.class).list().stream()
                .filter(no -> no != null && !no.equals(plan.officeNo())).sorted().toList();
        for (String recipient : recipients) {
            sql.sql("insert into careplan.deliveries (delivery_id, insurer_no, insured_no, recipient_no, sender_no, plan_id)"
                    + " values (?, ?, ?, ?, ?, ?) on conflict do nothing").params(UUID.randomUUID(), insurer, insured,
                    recipient, plan.officeNo(), plan.planId()).update();
        }
        events.publishEvent(new CarePlanIssued(plan.person(), plan.planId(), plan.officeNo(), plan.planDate(), recipients));
        return recipients;
    }

    /**
     * Imports a ケアプランデータ連携 file (UP1KYO: 第1表, UP2KYO: 第2表) sent by this office. Rows for persons
     * the office may not write for ({@code mayWrite}), of another office, or with a bad value are refused
     * with their line; the others are taken. 第2表 rows replace the items of the office's draft plan with
     * the same 居宅サービス計画作成(変更)日, which its 第1表 must have created.
     */
    @Transactional
    public CarePlanFileReport importStandard(String officeNo, String fileKind, InputStream in, Charset charset,
            BiPredicate<String, String> mayWrite) {
        List<Line> records = CsvLines.read(in, charset);
        List<CarePlanFileReport.Problem> problems = new ArrayList<>();
        List<UUID> plans = switch (fileKind) {
            case "UP1KYO" -> importTable1(officeNo, records, mayWrite, problems);
            case "UP2KYO" -> importTable2(officeNo, records, mayWrite, problems);
            case "UP3KYO" -> importTable3(officeNo, records, mayWrite, problems);
            case "UPPLAN", "UPSIKYU", "UPJSK" -> importMonthly(officeNo, fileKind, records, mayWrite, problems);
            case "DLT1KYO" -> deletePlans(officeNo, records, mayWrite, problems);
            case "DLTPLAN", "DLTJSK" -> deleteMonths(officeNo, fileKind, records, mayWrite, problems);
            default -> throw new InvalidValue("fileKind", "ファイル種別", "UP1KYO(第1表)、UP2KYO(第2表)、UP3KYO(第3表)、"
                    + "UPPLAN(第6表 予定)、UPJSK(第6表 実績)、UPSIKYU(第7表)、DLT1KYO(第1表 削除)、DLTPLAN(第6表 予定削除)"
                    + "または DLTJSK(実績 削除)を指定してください");
        };
        return new CarePlanFileReport(fileKind, records.size(), plans, problems);
    }

    private List<UUID> importTable1(String officeNo, List<Line> records, BiPredicate<String, String> mayWrite,
            List<CarePlanFileReport.Problem> problems) {
        List<UUID> plans = new ArrayList<>();
        for (Line r : records) {
            Row row = new Row(r, problems);
            if (!row.common(28, mayWrite)) {
                continue;
            }
            String office = row.text(13, "officeNo", "介護支援事業者コード");
            if (!officeNo.equals(office)) {
                row.problem("officeNo", "介護支援事業者コード", "送信した事業所の事業所番号ではありません");
                continue;
            }
            LocalDate createdOn = row.date(4, "createdOn", "作成年月日");
            CarePlanDraft plan = new CarePlanDraft(row.insurer, row.insured, row.date(14, "planDate", "居宅サービス計画作成(変更)日"),
                    row.date(15, "firstPlanDate", "初回居宅サービス計画作成日"), row.text(16, "planKind", "計画書区分"),
                    row.text(17, "certStatus", "認定状況区分"), row.date(18, "certifiedOn", "認定日"),
                    row.date(19, "certValidFrom", "認定の有効期間(開始)"), row.date(20, "certValidTo", "認定の有効期間(終了)"),
                    row.text(21, "careLevel", "要介護状態区分"), row.text(8, "authorName", "居宅サービス計画作成者氏名"),
                    row.text(22, "assessment", "課題分析の結果"), row.text(23, "boardOpinion", "介護認定審査会の意見"),
                    row.text(24, "policy", "総合的な援助の方針"), row.text(25, "livingSupportReason", "生活援助中心型の算定理由"),
                    row.text(26, "livingSupportOther", "その他理由"), List.of(), List.of());
            List<Violation> violations = check(plan);
            if (row.failed || !violations.isEmpty()) {
                violations.forEach(v -> row.problem(v.field(), v.label(), v.reason()));
                continue;
            }
            if (issued(officeNo, plan)) {
                row.problem("planDate", "居宅サービス計画作成(変更)日", "この作成(変更)日のケアプランは交付済みです");
                continue;
            }
            plans.add(upsertHeader(officeNo, plan, "csv", createdOn));
        }
        return plans;
    }

    private List<UUID> importTable2(String officeNo, List<Line> records, BiPredicate<String, String> mayWrite,
            List<CarePlanFileReport.Problem> problems) {
        Map<UUID, List<CarePlanDraft.Item>> items = new LinkedHashMap<>();
        Map<UUID, CarePlanDraft.Item> previous = new LinkedHashMap<>();
        for (Line r : records) {
            Row row = new Row(r, problems);
            if (!row.common(22, mayWrite)) {
                continue;
            }
            LocalDate planDate = row.date(5, "planDate", "居宅サービス計画作成(変更)日");
            int needNo = row.number(6, "needNo", "課題NO");
            int goalNo = row.number(8, "goalNo", "援助目標NO");
            int itemNo = row.number(13, "itemNo", "援助内容NO");
            String insured = row.text(15, "insuredService", "保険対象区分");
            if (insured != null && !insured.equals("Y") && !insured.equals("N")) {
                row.problem("insuredService", "保険対象区分", "Y(対象)または N(対象外)を指定してください");
            }
            UUID planId = draftFor(row, officeNo, planDate);
            if (planId == null) {
                continue;
            }
            // a print image: 課題 and 目標 may be left blank on the rows that continue them
            CarePlanDraft.Item before = previous.get(planId);
            boolean sameNeed = before != null && before.needNo() == needNo;
            boolean sameGoal = sameNeed && before.goalNo() == goalNo;
            CarePlanDraft.Item item = new CarePlanDraft.Item(needNo, goalNo, itemNo,
                    carry(row.text(7, "need", "課題"), sameNeed ? before.need() : null),
                    carry(row.text(9, "longGoal", "長期目標"), sameGoal ? before.longGoal() : null),
                    carry(row.text(11, "longPeriod", "長期目標の期間"), sameGoal ? before.longPeriod() : null),
                    carry(row.text(10, "shortGoal", "短期目標"), sameGoal ? before.shortGoal() : null),
                    carry(row.text(12, "shortPeriod", "短期目標の期間"), sameGoal ? before.shortPeriod() : null),
                    row.text(14, "content", "サービス内容"), insured == null ? null : insured.equals("Y"),
                    row.text(16, "serviceKind", "サービス種別"), row.text(17, "providerNo", "サービス事業者コード"),
                    row.text(18, "providerName", "サービス事業所名"), row.text(19, "frequency", "頻度"),
                    row.text(20, "period", "期間"));
            List<Violation> violations = checkItem(item, "");
            if (!violations.isEmpty()) {
                violations.forEach(v -> row.problem(v.field(), v.label(), v.reason()));
                continue;
            }
            List<CarePlanDraft.Item> ofPlan = items.computeIfAbsent(planId, k -> new ArrayList<>());
            if (ofPlan.stream().anyMatch(i -> i.needNo() == needNo && i.goalNo() == goalNo && i.itemNo() == itemNo)) {
                row.problem("itemNo", "援助内容NO", "同じ課題NO・援助目標NO・援助内容NOの行がファイル内で重複しています");
                continue;
            }
            ofPlan.add(item);
            previous.put(planId, item);
        }
        items.forEach((planId, ofPlan) -> {
            replaceItems(planId, ofPlan);
            backToDraft(planId);
        });
        return List.copyOf(items.keySet());
    }

    /** 第3表 rows replace the weekly schedule of the office's draft plan with the same 作成(変更)日. */
    private List<UUID> importTable3(String officeNo, List<Line> records, BiPredicate<String, String> mayWrite,
            List<CarePlanFileReport.Problem> problems) {
        Map<UUID, List<CarePlanDraft.WeekRow>> weeks = new LinkedHashMap<>();
        for (Line r : records) {
            Row row = new Row(r, problems);
            if (!row.common(13, mayWrite)) {
                continue;
            }
            LocalDate planDate = row.date(5, "planDate", "居宅サービス計画作成(変更)日");
            String weekday = row.text(7, "weekday", "曜日");
            CarePlanDraft.WeekRow week = new CarePlanDraft.WeekRow(row.text(6, "service", "介護サービス内容"),
                    weekday == null ? null : weekday.matches("[1-7]") ? Integer.valueOf(weekday) : 0,
                    row.text(8, "startsAt", "開始時間"), row.text(9, "endsAt", "終了時間"),
                    row.text(10, "activity", "主な日常生活上の活動"), row.text(11, "activityStart", "活動の開始時間"),
                    row.text(12, "activityEnd", "活動の終了時間"), row.text(13, "other", "週単位以外のサービス"));
            checkWeek(week, "").forEach(v -> row.problem(v.field(), v.label(), v.reason()));
            UUID planId = draftFor(row, officeNo, planDate);
            if (planId == null) {
                continue;
            }
            weeks.computeIfAbsent(planId, k -> new ArrayList<>()).add(week);
        }
        weeks.forEach((planId, week) -> {
            replaceWeek(planId, week);
            backToDraft(planId);
        });
        return List.copyOf(weeks.keySet());
    }

    /**
     * 第6表 予定 (UPPLAN) or 第7表 (UPSIKYU) from the care manager's office, or 第6表 実績 (UPJSK) from a
     * service office: the rows of each person and 対象年月 replace that month's sheet of the sender. A
     * person-month with a bad row is not taken at all (its other rows are reported too): half a 利用票
     * would show services missing.
     */
    private List<UUID> importMonthly(String officeNo, String fileKind, List<Line> records,
            BiPredicate<String, String> mayWrite, List<CarePlanFileReport.Problem> problems) {
        var layout = MonthlySheets.of(fileKind);
        String sheet = switch (fileKind) {
            case "UPPLAN" -> "table6";
            case "UPJSK" -> "table6-actual";
            default -> "table7";
        };
        Map<List<Object>, List<Map<String, Object>>> months = new LinkedHashMap<>();
        Map<List<Object>, List<Long>> lines = new LinkedHashMap<>();
        Set<List<Object>> failed = new HashSet<>();
        for (Line r : records) {
            Row row = new Row(r, problems);
            if (!row.common(layout.getKey(), mayWrite)) {
                continue;
            }
            YearMonth month;
            try {
                month = MonthlySheets.month(row.record.get(4));
            } catch (IllegalArgumentException e) {
                row.problem("targetMonth", "対象年月", e.getMessage());
                continue;
            }
            List<Object> key = List.of(row.insurer, row.insured, month.atDay(1));
            Map<String, Object> values = new LinkedHashMap<>();
            for (MonthlySheets.Column column : layout.getValue()) {
                String text = row.record.get(column.no() - 1);
                if (text.isEmpty()) {
                    if (column.required()) {
                        row.problem(column.key(), column.label(), "必須です");
                    }
                    continue;
                }
                try {
                    values.put(column.key(), MonthlySheets.parse(column, text, month));
                } catch (InvalidValue e) {
                    e.violations().forEach(v -> row.problem(column.key(), column.label(), v.reason()));
                } catch (IllegalArgumentException e) {
                    row.problem(column.key(), column.label(), e.getMessage());
                }
            }
            if (sheet.equals("table6") && !row.failed && !officeNo.equals(values.get("planOfficeNo"))) {
                row.problem("planOfficeNo", "プラン担当業者コード", "送信した事業所の事業所番号ではありません");
            }
            if (sheet.equals("table6-actual") && !row.failed && !officeNo.equals(values.get("providerNo"))) {
                row.problem("providerNo", "サービス事業者コード", "実績は提供した事業所が送ります(送信した事業所の事業所番号ではありません)");
            }
            lines.computeIfAbsent(key, k -> new ArrayList<>()).add(r.number());
            if (row.failed) {
                failed.add(key);
            } else {
                months.computeIfAbsent(key, k -> new ArrayList<>()).add(values);
            }
        }
        List<UUID> sheets = new ArrayList<>();
        for (var entry : months.entrySet()) {
            if (failed.contains(entry.getKey())) {
                for (long line : lines.get(entry.getKey())) {
                    if (problems.stream().noneMatch(p -> p.line() == line)) {
                        problems.add(new CarePlanFileReport.Problem(line, "targetMonth", "対象年月",
                                "同じ利用者・対象年月の他の行に誤りがあるため、この月の分は取り込みませんでした"));
                    }
                }
                continue;
            }
            List<Object> key = entry.getKey();
            // 予定 and 第7表: the month replaced; 実績: the サービス種類 the file holds replaced, the office's others kept
            // (one 実績 file per サービス種類, records-formats.md §1.8)
            String[] types = entry.getValue().stream().map(v -> String.valueOf(v.get("serviceCode")).substring(0, 2))
                    .distinct().toArray(String[]::new);
            UUID sheetId = sql.sql("""
                    insert into careplan.monthly_sheets (sheet_id, office_no, insurer_no, insured_no, target_month, sheet, rows)
                    values (?, ?, ?, ?, ?, ?, ?::jsonb)
                    on conflict (office_no, insurer_no, insured_no, target_month, sheet)
                    do update set received_at = now(), rows = case when excluded.sheet <> 'table6-actual' then excluded.rows
                        else coalesce((select jsonb_agg(r) from jsonb_array_elements(careplan.monthly_sheets.rows) r
                                        where not (left(r ->> 'serviceCode', 2) = any (?::text[]))), '[]'::jsonb)
                             || excluded.rows end
                    returning sheet_id
                    """).params(UUID.randomUUID(), officeNo, key.get(0), key.get(1), key.get(2),
                    sheet, MonthlySheets.json(entry.getValue()), types).query(UUID.class).single();
            sheets.add(sheetId);
            if (sheet.equals("table6-actual")) {
                // the 実績 flows back to the care manager's office named in it (プラン担当業者コード)
                entry.getValue().stream().map(v -> (String) v.get("planOfficeNo")).filter(p -> !officeNo.equals(p))
                        .distinct().forEach(planOffice -> sql.sql("""
                                insert into careplan.deliveries (delivery_id, insurer_no, insured_no, recipient_no, sender_no,
                                                                 sheet_id)
                                values (?, ?, ?, ?, ?, ?)
                                on conflict (insurer_no, recipient_no, sheet_id) where sheet_id is not null
                                do update set delivered_at = now(), downloaded_at = null
                                """).params(UUID.randomUUID(), key.get(0), key.get(1), planOffice, officeNo, sheetId)
                        .update());
            }
        }
        problems.sort(Comparator.comparingLong(CarePlanFileReport.Problem::line));
        return sheets;
    }

    /**
     * DLT1KYO (records-formats.md §1.5): the office takes back the plans of these 作成(変更)日 with their 第2表 and
     * 第3表; an issued plan is refused by line (it was given to the person: a change is a new 作成(変更)日).
     */
    private List<UUID> deletePlans(String officeNo, List<Line> records, BiPredicate<String, String> mayWrite,
            List<CarePlanFileReport.Problem> problems) {
        List<UUID> deleted = new ArrayList<>();
        for (Line r : records) {
            Row row = new Row(r, problems);
            if (!row.common(4, mayWrite)) {
                continue;
            }
            LocalDate planDate = row.date(4, "planDate", "居宅サービス計画作成(変更)日");
            if (row.failed || planDate == null) {
                row.problem("planDate", "居宅サービス計画作成(変更)日", "必須です");
                continue;
            }
            Optional<PlanRef> plan = sql.sql("select plan_id from careplan.plans where insurer_no = ? and insured_no = ?"
                    + " and office_no = ? and plan_date = ?").params(row.insurer, row.insured, officeNo, planDate)
                    .query(UUID.class).optional().flatMap(id -> locked(id, "true"));
            if (plan.isEmpty()) {
                row.problem("planDate", "居宅サービス計画作成(変更)日", "この作成(変更)日のこの事業所のケアプランはありません");
                continue;
            }
            PlanStatusRules.Outcome outcome = PlanStatusRules.apply(plan.get().status(), PlanStatusRules.Act.DELETE);
            if (!outcome.allowed()) {
                row.problem("planDate", "居宅サービス計画作成(変更)日", outcome.refusal().message());
                continue;
            }
            sql.sql("delete from careplan.plans where insurer_no = ? and plan_id = ?")
                    .params(row.insurer, plan.get().planId()).update();
            deleted.add(plan.get().planId());
        }
        return deleted;
    }

    /**
     * DLTPLAN: the sender's 第6表 予定 and 第7表 of the 削除対象年月; DLTJSK: the sender's 実績 of that month for one サービス
     * 種類 (records-formats.md §1.8; the サービス事業者コード must be the sender's). Answers the sheets changed or deleted.
     */
    private List<UUID> deleteMonths(String officeNo, String fileKind, List<Line> records,
            BiPredicate<String, String> mayWrite, List<CarePlanFileReport.Problem> problems) {
        boolean actual = fileKind.equals("DLTJSK");
        List<UUID> sheets = new ArrayList<>();
        for (Line r : records) {
            Row row = new Row(r, problems);
            if (!row.common(actual ? 6 : 4, mayWrite)) {
                continue;
            }
            YearMonth month;
            try {
                month = MonthlySheets.month(row.record.get(3));
            } catch (IllegalArgumentException e) {
                row.problem("targetMonth", "削除対象年月", e.getMessage());
                continue;
            }
            if (!actual) {
                List<UUID> gone = sql.sql("delete from careplan.monthly_sheets where insurer_no = ? and insured_no = ?"
                        + " and office_no = ? and target_month = ? and sheet in ('table6', 'table7') returning sheet_id")
                        .params(row.insurer, row.insured, officeNo, month.atDay(1)).query(UUID.class).list();
                if (gone.isEmpty()) {
                    row.problem("targetMonth", "削除対象年月", "この年月のこの事業所の第6表・第7表はありません");
                }
                sheets.addAll(gone);
                continue;
            }
            if (!officeNo.equals(row.record.get(4))) {
                row.problem("providerNo", "サービス事業者コード", "実績は提供した事業所が削除します(送信した事業所の事業所番号ではありません)");
                continue;
            }
            String type = row.record.get(5);
            if (!type.matches("[0-9A-Z]{2}")) {
                row.problem("serviceType", "サービス種類コード", "英数字2桁で指定してください");
                continue;
            }
            Optional<UUID> sheet = sql.sql("""
                    update careplan.monthly_sheets set received_at = now(), rows = coalesce((select jsonb_agg(r)
                      from jsonb_array_elements(rows) r where not starts_with(r ->> 'serviceCode', ?)), '[]'::jsonb)
                     where insurer_no = ? and insured_no = ? and office_no = ? and target_month = ? and sheet = 'table6-actual'
                       and exists (select 1 from jsonb_array_elements(rows) r where starts_with(r ->> 'serviceCode', ?))
                    returning sheet_id
                    """).params(type, row.insurer, row.insured, officeNo, month.atDay(1), type).query(UUID.class)
                    .optional();
            if (sheet.isEmpty()) {
                row.problem("serviceType", "サービス種類コード", "この年月・サービス種類のこの事業所の実績はありません");
                continue;
            }
            sql.sql("delete from careplan.monthly_sheets where insurer_no = ? and sheet_id = ? and rows = '[]'::jsonb")
                    .params(row.insurer, sheet.get()).update();
            sql.sql("delete from careplan.deliveries d where insurer_no = ? and sheet_id = ? and not exists"
                    + " (select 1 from careplan.monthly_sheets s where s.insurer_no = d.insurer_no and s.sheet_id = d.sheet_id)")
                    .params(row.insurer, sheet.get()).update();
            // what is left of the month changed: the care manager's office is told again
            sql.sql("update careplan.deliveries set delivered_at = now(), downloaded_at = null where insurer_no = ?"
                    + " and sheet_id = ?").params(row.insurer, sheet.get()).update();
            sheets.add(sheet.get());
        }
        return sheets;
    }

    /**
     * The office's draft plan a 第2表 or 第3表 row belongs to (same person and 作成(変更)日, created by its
     * 第1表); null, with the problem noted, when the row failed or there is none.
     */
    private UUID draftFor(Row row, String officeNo, LocalDate planDate) {
        if (row.failed || planDate == null) {
            return null;
        }
        UUID planId = sql.sql("select plan_id from careplan.plans where insurer_no = ? and insured_no = ?"
                + " and office_no = ? and plan_date = ? and status not in ('issued', 'superseded') for update")
                .params(row.insurer, row.insured, officeNo, planDate).query(UUID.class).optional()
                .orElse(null);
        if (planId == null) {
            row.problem("planDate", "居宅サービス計画作成(変更)日",
                    "この作成(変更)日の第1表(UP1KYO)が未登録か、交付済みです(第1表を先に取り込んでください)");
        }
        return planId;
    }

    /** New 第2表 or 第3表 rows change the words: the plan is a draft again, and an answer of the person lapses. */
    private void backToDraft(UUID planId) {
        sql.sql("update careplan.plans set status = 'draft', proposed_at = null, answered_at = null, agreement = null,"
                + " answered_by = null, declined_note = null where plan_id = ? and status not in ('issued', 'superseded')")
                .param(planId).update();
    }

    private static String carry(String given, String before) {
        return given != null ? given : before;
    }

    private boolean issued(String officeNo, CarePlanDraft plan) {
        return sql.sql("select exists (select 1 from careplan.plans where insurer_no = ? and insured_no = ?"
                + " and office_no = ? and plan_date = ? and status in ('issued', 'superseded'))")
                .params(plan.insurerNo(), plan.insuredNo(), officeNo, plan.planDate())
                .query(Boolean.class).single();
    }

    private UUID upsertHeader(String officeNo, CarePlanDraft p, String source, LocalDate createdOn) {
        return sql.sql("""
                insert into careplan.plans (plan_id, insurer_no, insured_no, office_no, plan_date, first_plan_date,
                    plan_kind, cert_status, certified_on, cert_valid_from, cert_valid_to, care_level, author_name,
                    assessment, board_opinion, policy, living_support_reason, living_support_other, status, source,
                    created_on)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?)
                on conflict (insurer_no, insured_no, office_no, plan_date) do update set
                    first_plan_date = excluded.first_plan_date, plan_kind = excluded.plan_kind,
                    cert_status = excluded.cert_status, certified_on = excluded.certified_on,
                    cert_valid_from = excluded.cert_valid_from, cert_valid_to = excluded.cert_valid_to,
                    care_level = excluded.care_level, author_name = excluded.author_name,
                    assessment = excluded.assessment, board_opinion = excluded.board_opinion, policy = excluded.policy,
                    living_support_reason = excluded.living_support_reason,
                    living_support_other = excluded.living_support_other, source = excluded.source,
                    created_on = excluded.created_on, status = 'draft', proposed_at = null, answered_at = null,
                    agreement = null, answered_by = null, declined_note = null
                 where careplan.plans.status not in ('issued', 'superseded')
                returning plan_id
                """).params(UUID.randomUUID(), p.insurerNo(), p.insuredNo(), officeNo, date(p.planDate()),
                date(p.firstPlanDate()), p.planKind(), p.certStatus(), date(p.certifiedOn()), date(p.certValidFrom()),
                date(p.certValidTo()), p.careLevel(), p.authorName(), p.assessment(), p.boardOpinion(), p.policy(),
                p.livingSupportReason(), p.livingSupportOther(), source, date(createdOn)).query(UUID.class).optional()
                // the plan of this 作成(変更)日 is issued (never changed): the update's condition leaves it alone
                .orElseThrow(() -> new InvalidValue("planDate", "居宅サービス計画作成(変更)日",
                        "この作成(変更)日のケアプランは交付済みです(変更する場合は新しい作成(変更)日で送ってください)"));
    }

    private void replaceItems(UUID planId, List<CarePlanDraft.Item> items) {
        sql.sql("delete from careplan.plan_items where plan_id = ?").param(planId).update();
        for (CarePlanDraft.Item i : items == null ? List.<CarePlanDraft.Item>of() : items) {
            sql.sql("""
                    insert into careplan.plan_items (insurer_no, plan_id, need_no, goal_no, item_no, need, long_goal,
                        long_period, short_goal, short_period, content, insured_service, service_kind, provider_no,
                        provider_name, frequency, period)
                    values ((select insurer_no from careplan.plans where plan_id = ?),
                            ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(planId, planId, i.needNo(), i.goalNo(), i.itemNo(), i.need(), i.longGoal(), i.longPeriod(),
                    i.shortGoal(), i.shortPeriod(), i.content(), i.insuredService(), i.serviceKind(), i.providerNo(),
                    i.providerName(), i.frequency(), i.period()).update();
        }
    }

    private void replaceWeek(UUID planId, List<CarePlanDraft.WeekRow> week) {
        sql.sql("delete from careplan.plan_week where plan_id = ?").param(planId).update();
        int row = 0;
        for (CarePlanDraft.WeekRow w : week == null ? List.<CarePlanDraft.WeekRow>of() : week) {
            sql.sql("""
                    insert into careplan.plan_week (insurer_no, plan_id, row_no, service, weekday, starts_at, ends_at,
                                                    activity, activity_start, activity_end, other)
                    values ((select insurer_no from careplan.plans where plan_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(planId, planId, ++row, w.service(), w.weekday(), w.startsAt(), w.endsAt(), w.activity(),
                    w.activityStart(), w.activityEnd(), w.other()).update();
        }
    }

    /** A date parameter that may be null, typed either way (an untyped null costs the driver a round trip). */
    private static SqlParameterValue date(LocalDate d) {
        return new SqlParameterValue(Types.DATE, d);
    }

    /** Every rule of a plan, each broken one reported with its field. */
    static List<Violation> check(CarePlanDraft p) {
        List<Violation> v = new ArrayList<>();
        valid(v, () -> new InsurerNumber(p.insurerNo()));
        valid(v, () -> new InsuredNumber(p.insuredNo()));
        if (p.planDate() == null) {
            v.add(new Violation("planDate", "居宅サービス計画作成(変更)日", "必須です"));
        }
        if (p.firstPlanDate() == null) {
            v.add(new Violation("firstPlanDate", "初回居宅サービス計画作成日", "必須です"));
        } else if (p.planDate() != null && p.firstPlanDate().isAfter(p.planDate())) {
            v.add(new Violation("firstPlanDate", "初回居宅サービス計画作成日", "居宅サービス計画作成(変更)日より後の日付です"));
        }
        code(v, p.planKind(), PLAN_KINDS, "planKind", "計画書区分");
        code(v, p.certStatus(), Set.of("1", "2"), "certStatus", "認定状況区分");
        code(v, p.livingSupportReason(), Set.of("1", "2", "3"), "livingSupportReason", "生活援助中心型の算定理由");
        if (p.careLevel() != null && CareLevel.find(p.careLevel()).isEmpty()) {
            v.add(new Violation("careLevel", CareLevel.LABEL, "コードが正しくありません"));
        }
        if (p.certValidFrom() != null && p.certValidTo() != null && p.certValidTo().isBefore(p.certValidFrom())) {
            v.add(new Violation("certValidTo", "認定の有効期間(終了)", "開始日より前の日付です"));
        }
        if (p.authorName() == null || p.authorName().isBlank()) {
            v.add(new Violation("authorName", "居宅サービス計画作成者氏名", "必須です"));
        }
        length(v, p.authorName(), 60, "authorName", "居宅サービス計画作成者氏名");
        length(v, p.assessment(), TEXT, "assessment", "課題分析の結果");
        length(v, p.boardOpinion(), TEXT, "boardOpinion", "介護認定審査会の意見");
        length(v, p.policy(), TEXT, "policy", "総合的な援助の方針");
        length(v, p.livingSupportOther(), TEXT, "livingSupportOther", "その他理由");
        List<CarePlanDraft.Item> items = p.items() == null ? List.of() : p.items();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            CarePlanDraft.Item item = items.get(i);
            v.addAll(checkItem(item, "items[" + i + "]."));
            if (!keys.add(item.needNo() + "/" + item.goalNo() + "/" + item.itemNo())) {
                v.add(new Violation("items[" + i + "].itemNo", "援助内容NO", "同じ課題NO・援助目標NO・援助内容NOが重複しています"));
            }
        }
        List<CarePlanDraft.WeekRow> week = p.week() == null ? List.of() : p.week();
        for (int i = 0; i < week.size(); i++) {
            v.addAll(checkWeek(week.get(i), "week[" + i + "]."));
        }
        return v;
    }

    /** A 第3表 row: 曜日 1–7, times HHMM (0000–2400) with the end after the start, texts within length. */
    private static List<Violation> checkWeek(CarePlanDraft.WeekRow w, String prefix) {
        List<Violation> v = new ArrayList<>();
        if (w.weekday() != null && (w.weekday() < 1 || w.weekday() > 7)) {
            v.add(new Violation(prefix + "weekday", "曜日", "1(月)〜7(日)で指定してください"));
        }
        for (String[] time : new String[][] {{w.startsAt(), "startsAt", "開始時間"}, {w.endsAt(), "endsAt", "終了時間"},
            {w.activityStart(), "activityStart", "活動の開始時間"}, {w.activityEnd(), "activityEnd", "活動の終了時間"}}) {
            if (time[0] != null && (!time[0].matches("([01][0-9]|2[0-3])[0-5][0-9]|2400"))) {
                v.add(new Violation(prefix + time[1], time[2], "時刻(HHMM、0000〜2400)で指定してください"));
            }
        }
        if (w.startsAt() != null && w.endsAt() != null && w.endsAt().compareTo(w.startsAt()) <= 0 && v.isEmpty()) {
            v.add(new Violation(prefix + "endsAt", "終了時間", "開始時間より後の時刻にしてください"));
        }
        if (w.service() != null && w.weekday() == null) {
            v.add(new Violation(prefix + "weekday", "曜日", "介護サービス内容があるときは必須です"));
        }
        for (String[] text : new String[][] {{w.service(), "service", "介護サービス内容"}, {w.activity(), "activity", "主な日常生活上の活動"},
            {w.other(), "other", "週単位以外のサービス"}}) {
            length(v, text[0], TEXT, prefix + text[1], text[2]);
        }
        return v;
    }

    private static List<Violation> checkItem(CarePlanDraft.Item item, String prefix) {
        List<Violation> v = new ArrayList<>();
        for (Object[] no : new Object[][] {{item.needNo(), "needNo", "課題NO"}, {item.goalNo(), "goalNo", "援助目標NO"},
            {item.itemNo(), "itemNo", "援助内容NO"}}) {
            if ((int) no[0] < 1 || (int) no[0] > 99) {
                v.add(new Violation(prefix + no[1], (String) no[2], "1〜99で指定してください"));
            }
        }
        if (item.providerNo() != null) {
            valid(v, () -> new OfficeNumber(item.providerNo()), prefix + "providerNo", "サービス事業者コード");
        }
        for (String[] text : new String[][] {{item.need(), "need", "課題"}, {item.longGoal(), "longGoal", "長期目標"},
            {item.shortGoal(), "shortGoal", "短期目標"}, {item.content(), "content", "サービス内容"},
            {item.longPeriod(), "longPeriod", "長期目標の期間"}, {item.shortPeriod(), "shortPeriod", "短期目標の期間"},
            {item.serviceKind(), "serviceKind", "サービス種別"}, {item.providerName(), "providerName", "サービス事業所名"},
            {item.frequency(), "frequency", "頻度"}, {item.period(), "period", "期間"}}) {
            length(v, text[0], TEXT, prefix + text[1], text[2]);
        }
        return v;
    }

    private static void valid(List<Violation> v, Runnable check) {
        try {
            check.run();
        } catch (InvalidValue e) {
            v.addAll(e.violations());
        }
    }

    private static void valid(List<Violation> v, Runnable check, String field, String label) {
        try {
            check.run();
        } catch (InvalidValue e) {
            e.violations().forEach(x -> v.add(new Violation(field, label, x.reason())));
        }
    }

    private static void code(List<Violation> v, String value, Set<String> codes, String field, String label) {
        if (value != null && !codes.contains(value)) {
            v.add(new Violation(field, label, "コードが正しくありません(" + String.join("・", codes.stream().sorted().toList()) + ")"));
        }
    }

    private static void length(List<Violation> v, String value, int max, String field, String label) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            v.add(new Violation(field, label, max + "文字以内で指定してください"));
        }
    }

    /** One CSV row being read: its common columns and the problems found, by line. */
    private static final class Row {
        final List<String> record;
        final List<CarePlanFileReport.Problem> problems;
        final long line;
        String insurer;
        String insured;
        boolean failed;

        Row(Line line, List<CarePlanFileReport.Problem> problems) {
            this.record = line.cells();
            this.problems = problems;
            this.line = line.number();
        }

        /** Column count, CSVバージョン, the person's numbers and whether the office may write for them. */
        boolean common(int columns, BiPredicate<String, String> mayWrite) {
            if (record.size() != columns) {
                problem("file", "項目数", columns + "項目が必要です(" + record.size() + "項目あります)");
                return false;
            }
            if (!CSV_VERSIONS.contains(record.get(0))) {
                problem("csvVersion", "CSVバージョン", "対応していないCSVバージョンです(202407 など)");
                return false;
            }
            try {
                insurer = new InsurerNumber(record.get(1)).value();
                insured = new InsuredNumber(record.get(2)).value();
            } catch (InvalidValue e) {
                e.violations().forEach(v -> problem(v.field(), v.label(), v.reason()));
                return false;
            }
            if (!mayWrite.test(insurer, insured)) {
                problem("insuredNo", "被保険者番号", "この事業所が担当の居宅介護支援事業所として登録されていない利用者です");
                return false;
            }
            return true;
        }

        String text(int column, String field, String label) {
            String value = record.get(column - 1);
            return value.isEmpty() ? null : value;
        }

        LocalDate date(int column, String field, String label) {
            String value = record.get(column - 1);
            if (value.isEmpty() || value.equals("00000000")) {
                return null;
            }
            try {
                return LocalDate.parse(value, BASIC);
            } catch (DateTimeParseException e) {
                problem(field, label, "日付(YYYYMMDD)の形式ではないか、存在しない日付です");
                return null;
            }
        }

        int number(int column, String field, String label) {
            try {
                return Integer.parseInt(record.get(column - 1));
            } catch (NumberFormatException e) {
                problem(field, label, "半角数字で指定してください");
                return 0;
            }
        }

        void problem(String field, String label, String reason) {
            failed = true;
            problems.add(new CarePlanFileReport.Problem(line, field, label, reason));
        }
    }
}
