package jp.kaigo.careplan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.kaigo.careplan.StandardCsv.Cell;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A delivered plan or 実績 written back as the ケアプランデータ連携 files the receiving office's software reads — the same
 * layouts the platform imports (records-formats.md §1.3–§1.9): an issued plan as UP1KYO, UP2KYO, UP3KYO and, for each
 * month from the plan's on, its office's UPPLAN and UPSIKYU; a 実績 as UPJSK. Columns the platform does not keep (the
 * person's address, the office's address) are left empty; 作成年月日 is the plan's date when it was not sent.
 */
@Component
class StandardFiles {
    private static final String VERSION = "202407";
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuuMM");
    private final JdbcClient sql;

    StandardFiles(JdbcClient sql) {
        this.sql = sql;
    }

    /** One file: its standard name and its bytes (MS932). */
    record File(String name, byte[] bytes) {
    }

    /** The files of an issued plan for the receiving office ({@code senderName}: 介護支援事業者名, from the master). */
    List<File> plan(UUID planId, String receiverNo, String senderName) {
        Map<String, Object> p = sql.sql("select * from careplan.plans where plan_id = ?").param(planId).query()
                .singleRow();
        String insurer = ((String) p.get("insurer_no")).strip();
        String insured = (String) p.get("insured_no");
        String office = (String) p.get("office_no");
        String created = day(p.get("created_on") != null ? p.get("created_on") : p.get("plan_date"));
        String planDate = day(p.get("plan_date"));
        List<Map<String, Object>> sheets = sql.sql("""
                select sheet, target_month, rows::text as rows from careplan.monthly_sheets
                 where insurer_no = ? and insured_no = ? and office_no = ? and sheet in ('table6', 'table7')
                   and target_month >= ? order by target_month, sheet
                """).params(insurer, insured, office, ((java.sql.Date) p.get("plan_date")).toLocalDate().withDayOfMonth(1))
                .query().listOfRows();
        // a plan for 要支援1・2 comes from 介護予防支援 (46), any other from 居宅介護支援 (43)
        String senderType = "12".equals(p.get("care_level")) || "13".equals(p.get("care_level")) ? "46" : "43";
        String tail = tail(office, senderType, receiverNo, receiverType(receiverNo, sheets));

        StandardCsv table1 = new StandardCsv().record(List.of(Cell.code(VERSION), Cell.code(insurer), Cell.code(insured),
                Cell.code(created), Cell.code(null), Cell.text(null), Cell.text(null), Cell.text(p.get("author_name")),
                Cell.text(senderName), Cell.code(null), Cell.text(null), Cell.text(null), Cell.code(office),
                Cell.code(planDate), Cell.code(day(p.get("first_plan_date"))), Cell.code(p.get("plan_kind")),
                Cell.code(p.get("cert_status")), Cell.code(day(p.get("certified_on"))),
                Cell.code(day(p.get("cert_valid_from"))), Cell.code(day(p.get("cert_valid_to"))),
                Cell.code(p.get("care_level")), Cell.text(p.get("assessment")), Cell.text(p.get("board_opinion")),
                Cell.text(p.get("policy")), Cell.code(p.get("living_support_reason")),
                Cell.text(p.get("living_support_other")), Cell.code(office), Cell.code(null)));
        StandardCsv table2 = new StandardCsv();
        for (Map<String, Object> i : sql.sql("select * from careplan.plan_items where plan_id = ?"
                + " order by need_no, goal_no, item_no").param(planId).query().listOfRows()) {
            Boolean insuredService = (Boolean) i.get("insured_service");
            table2.record(List.of(Cell.code(VERSION), Cell.code(insurer), Cell.code(insured), Cell.code(created),
                    Cell.code(planDate), Cell.code(i.get("need_no")), Cell.text(i.get("need")), Cell.code(i.get("goal_no")),
                    Cell.text(i.get("long_goal")), Cell.text(i.get("short_goal")), Cell.text(i.get("long_period")),
                    Cell.text(i.get("short_period")), Cell.code(i.get("item_no")), Cell.text(i.get("content")),
                    Cell.code(insuredService == null ? null : insuredService ? "Y" : "N"), Cell.text(i.get("service_kind")),
                    Cell.code(i.get("provider_no")), Cell.text(i.get("provider_name")), Cell.text(i.get("frequency")),
                    Cell.text(i.get("period")), Cell.code(office), Cell.code(null)));
        }
        StandardCsv table3 = new StandardCsv();
        for (Map<String, Object> w : sql.sql("select * from careplan.plan_week where plan_id = ? order by row_no")
                .param(planId).query().listOfRows()) {
            table3.record(List.of(Cell.code(VERSION), Cell.code(insurer), Cell.code(insured), Cell.code(created),
                    Cell.code(planDate), Cell.text(w.get("service")), Cell.code(w.get("weekday")),
                    Cell.code(w.get("starts_at")), Cell.code(w.get("ends_at")), Cell.text(w.get("activity")),
                    Cell.code(w.get("activity_start")), Cell.code(w.get("activity_end")), Cell.text(w.get("other"))));
        }
        List<File> files = new ArrayList<>(List.of(new File("UP1KYO_" + tail, table1.bytes()),
                new File("UP2KYO_" + tail, table2.bytes()), new File("UP3KYO_" + tail, table3.bytes())));
        for (Map<String, Object> sheet : sheets) {
            boolean table6 = "table6".equals(sheet.get("sheet"));
            YearMonth month = YearMonth.from(((java.sql.Date) sheet.get("target_month")).toLocalDate());
            files.add(new File((table6 ? "UPPLAN_" : "UPSIKYU_") + MONTH.format(month) + "_" + tail,
                    monthly(table6 ? MonthlySheets.TABLE6 : MonthlySheets.TABLE7, table6 ? 25 : 37, insurer, insured,
                            month, office, (String) sheet.get("rows"))));
        }
        return files;
    }

    /** A 第6表 実績 sheet as UPJSK, for the care manager's office. */
    File actual(UUID sheetId, String receiverNo) {
        Map<String, Object> s = sql.sql("select insurer_no, insured_no, office_no, target_month, rows::text as rows"
                + " from careplan.monthly_sheets where sheet_id = ?").param(sheetId).query().singleRow();
        String office = (String) s.get("office_no");
        YearMonth month = YearMonth.from(((java.sql.Date) s.get("target_month")).toLocalDate());
        List<Map<String, Object>> rows = MonthlySheets.rows((String) s.get("rows"));
        String senderType = rows.stream().map(r -> (String) r.get("serviceCode")).filter(c -> c != null)
                .map(c -> c.substring(0, 2)).findFirst().orElse("00");
        return new File("UPJSK_" + MONTH.format(month) + "_" + tail(office, senderType, receiverNo, "43"),
                monthly(MonthlySheets.TABLE6, 25, ((String) s.get("insurer_no")).strip(), (String) s.get("insured_no"),
                        month, office, (String) s.get("rows")));
    }

    /** The files in one ZIP, as the receiving office downloads them. */
    static byte[] zip(List<File> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (File file : files) {
                zip.putNextEntry(new ZipEntry(file.name()));
                zip.write(file.bytes());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** 第6表 or 第7表 rows by their column numbers (the import's layout), the values back in the file's formats. */
    private static byte[] monthly(List<MonthlySheets.Column> columns, int width, String insurer, String insured,
            YearMonth month, String updater, String rowsJson) {
        StandardCsv csv = new StandardCsv();
        for (Map<String, Object> row : MonthlySheets.rows(rowsJson)) {
            List<Cell> cells = new ArrayList<>();
            for (int no = 1; no <= width; no++) {
                cells.add(Cell.code(null));
            }
            cells.set(0, Cell.code(VERSION));
            cells.set(1, Cell.code(insurer));
            cells.set(2, Cell.code(insured));
            cells.set(4, Cell.code(MONTH.format(month)));
            for (MonthlySheets.Column column : columns) {
                Object value = row.get(column.key());
                if (value != null) {
                    String text = column.kind() == MonthlySheets.Kind.DATE ? day(LocalDate.parse(value.toString()))
                            : value.toString();
                    boolean free = column.key().endsWith("Name") || column.key().equals("planner");
                    cells.set(column.no() - 1, free ? Cell.text(text) : Cell.code(text));
                }
            }
            if (width == 25) {
                cells.set(23, Cell.code(updater)); // 更新業者コード
            }
            csv.record(cells);
        }
        return csv.bytes();
    }

    /** The receiving office's サービス種類コード: the type of its services on the plan's 第6表 (00 when none names it). */
    private static String receiverType(String receiverNo, List<Map<String, Object>> sheets) {
        return sheets.stream().filter(s -> "table6".equals(s.get("sheet")))
                .flatMap(s -> MonthlySheets.rows((String) s.get("rows")).stream())
                .filter(r -> receiverNo.equals(r.get("providerNo")) && r.get("serviceCode") != null)
                .map(r -> r.get("serviceCode").toString().substring(0, 2)).findFirst().orElse("00");
    }

    /** The standard's name tail: 送信元事業所番号_種類_送信先事業所番号_種類_YYYYMMDDHHMMSS.CSV. */
    private static String tail(String sender, String senderType, String receiver, String receiverType) {
        return sender + "_" + senderType + "_" + receiver + "_" + receiverType + "_"
                + STAMP.format(LocalDateTime.now(ZoneId.of("Asia/Tokyo"))) + ".CSV";
    }

    private static String day(Object date) {
        if (date == null) {
            return null;
        }
        LocalDate d = date instanceof java.sql.Date sqlDate ? sqlDate.toLocalDate() : (LocalDate) date;
        return BASIC.format(d);
    }
}
