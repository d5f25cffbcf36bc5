package jp.kaigo.life;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import jp.kaigo.ingest.CsvLines;
import jp.kaigo.ingest.CsvLines.Line;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.ServiceType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * LIFE assessments (facade, writes only): an office sends a LIFE CSV file (line 1: the form, line 2:
 * the item IDs, then one assessment per line; UTF-8 with or without BOM, or Shift_JIS). Who may record
 * for a person is decided by {@code access} ({@code mayWrite}).
 */
@Service
public class LifeAssessments {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcClient sql;

    LifeAssessments(JdbcClient sql) {
        this.sql = sql;
    }

    @Transactional
    public LifeFileReport importFile(String officeNo, byte[] file, BiPredicate<String, String> mayWrite) {
        List<Line> lines = parse(file);
        if (lines.size() < 2) {
            throw new InvalidValue("file", "ファイル", "1行目に様式名、2行目に項目IDが必要です");
        }
        String formId = lines.get(0).cells().get(0).strip();
        LifeForms.Form form = LifeForms.FORMS.get(formId);
        if (form == null) {
            throw new InvalidValue("form", "様式", "取り込める様式は " + String.join("・", LifeForms.FORMS.keySet())
                    + " です(1行目)");
        }
        Map<String, LifeForms.Item> items = new LinkedHashMap<>();
        LifeForms.HEAD.forEach(i -> items.put(i.id(), i));
        form.items().forEach(i -> items.put(i.id(), i));
        List<String> header = lines.get(1).cells().stream().map(String::strip).toList();
        for (String id : header) {
            if (!items.containsKey(id)) {
                throw new InvalidValue("header", "項目ID", "2行目に" + form.name() + "にない項目IDがあります(" + safe(id) + ")");
            }
        }
        for (LifeForms.Item item : items.values()) {
            if (item.required() && !header.contains(item.id())) {
                throw new InvalidValue("header", "項目ID", "2行目に必須の項目IDがありません(" + item.id() + ")");
            }
        }
        List<LifeFileReport.Problem> problems = new ArrayList<>();
        long written = 0;
        for (Line line : lines.subList(2, lines.size())) {
            Map<String, Object> values = new LinkedHashMap<>();
            List<LifeFileReport.Problem> found = new ArrayList<>();
            if (line.cells().size() != header.size()) {
                problems.add(new LifeFileReport.Problem(line.number(), "file", "項目数",
                        header.size() + "項目が必要です(" + line.cells().size() + "項目あります)"));
                continue;
            }
            for (int c = 0; c < header.size(); c++) {
                LifeForms.Item item = items.get(header.get(c));
                String text = line.cells().get(c);
                if (text.isEmpty() || text.equals(" ")) {
                    if (item.required()) {
                        found.add(new LifeFileReport.Problem(line.number(), item.id(), item.label(), "必須です"));
                    }
                    continue;
                }
                try {
                    values.put(item.id(), item.parse(text));
                } catch (IllegalArgumentException e) {
                    found.add(new LifeFileReport.Problem(line.number(), item.id(), item.label(), e.getMessage()));
                }
            }
            String office = (String) values.get("care_facility_id");
            if (found.isEmpty() && !officeNo.equals(office)) {
                found.add(new LifeFileReport.Problem(line.number(), "care_facility_id", "事業所番号", "送信した事業所の事業所番号ではありません"));
            }
            if (found.isEmpty() && ServiceType.find((String) values.get("service_code")).isEmpty()) {
                found.add(new LifeFileReport.Problem(line.number(), "service_code", "サービス種類コード", "コードが正しくありません"));
            }
            if (found.isEmpty()) {
                try {
                    new InsurerNumber((String) values.get("insurer_no"));
                    new InsuredNumber((String) values.get("insured_no"));
                } catch (InvalidValue e) {
                    e.violations().forEach(v -> found.add(new LifeFileReport.Problem(line.number(), v.field(), v.label(), v.reason())));
                }
            }
            if (found.isEmpty() && !mayWrite.test((String) values.get("insurer_no"), (String) values.get("insured_no"))) {
                found.add(new LifeFileReport.Problem(line.number(), "insured_no", "被保険者番号",
                        "この事業所が担当事業所として登録されていない利用者です"));
            }
            if (!found.isEmpty()) {
                problems.addAll(found);
                continue;
            }
            store(form, values);
            written++;
        }
        return new LifeFileReport(form.id(), form.name(), lines.size() - 2L, written, problems);
    }

    private void store(LifeForms.Form form, Map<String, Object> values) {
        Map<String, Object> own = new HashMap<>(values);
        Set.of("care_facility_id", "service_code", "insurer_no", "insured_no", "external_system_management_number")
                .forEach(own::remove);
        LocalDate evaluated = LocalDate.parse((String) values.get(LifeForms.evaluationItem(form)));
        // a re-sent assessment corrects the earlier one, even when it names another insurer (the key holds the
        // insurer, the distribution column on a sharded database, which an update cannot move)
        sql.sql("""
                delete from life.assessments where office_no = ? and service_code = ? and form = ?
                   and external_number = ? and evaluate_date = ? and insurer_no <> ?
                """).params(values.get("care_facility_id"), values.get("service_code"), form.id(),
                values.get("external_system_management_number"), evaluated, values.get("insurer_no")).update();
        sql.sql("""
                insert into life.assessments (assessment_id, form, insurer_no, insured_no, office_no, service_code,
                                              external_number, evaluate_date, items)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                on conflict (insurer_no, office_no, service_code, form, external_number, evaluate_date)
                do update set items = excluded.items, insured_no = excluded.insured_no, updated_at = now()
                """).params(UUID.randomUUID(), form.id(), values.get("insurer_no"), values.get("insured_no"),
                values.get("care_facility_id"), values.get("service_code"), values.get("external_system_management_number"),
                evaluated, JSON.writeValueAsString(own)).update();
    }

    /** Item IDs a user sent are shown only when they look like IDs (never personal data). */
    private static String safe(String id) {
        return id.matches("[A-Za-z0-9_]{1,60}") ? id : "…";
    }

    /** UTF-8 (BOM optional) when it decodes as such, otherwise Shift_JIS; lines numbered from 1. */
    private static List<Line> parse(byte[] file) {
        int bom = file.length >= 3 && (file[0] & 0xFF) == 0xEF && (file[1] & 0xFF) == 0xBB && (file[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return CsvLines.read(new ByteArrayInputStream(file, bom, file.length - bom), StandardCharsets.UTF_8);
        } catch (InvalidValue notUtf8) {
            return CsvLines.read(new ByteArrayInputStream(file, bom, file.length - bom), Charset.forName("windows-31j"));
        }
    }
}
