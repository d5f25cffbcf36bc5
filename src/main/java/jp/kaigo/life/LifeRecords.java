package jp.kaigo.life;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kaigo.shared.CareRecordSource;
import jp.kaigo.shared.InformationCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** LIFE assessments as shared records, for {@code access}: newest evaluation first, items in form order with labels. */
@Component
class LifeRecords implements CareRecordSource {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private final JdbcClient sql;

    LifeRecords(JdbcClient sql) {
        this.sql = sql;
    }

    @Override
    public List<InformationCategory> categories() {
        return List.of(InformationCategory.LIFE);
    }

    @Override
    public List<Map<String, Object>> read(InformationCategory category, String insurerNo, String insuredNo) {
        List<Map<String, Object>> assessments = new ArrayList<>();
        for (Map<String, Object> row : sql.sql("""
                select form, office_no, service_code, evaluate_date, items::text as items from life.assessments
                 where insurer_no = ? and insured_no = ? order by evaluate_date desc, form
                """).params(insurerNo, insuredNo).query().listOfRows()) {
            LifeForms.Form form = LifeForms.FORMS.get((String) row.get("form"));
            Map<String, Object> stored = JSON.readValue((String) row.get("items"), MAP);
            Map<String, Object> assessment = new LinkedHashMap<>();
            assessment.put("recordType", "life");
            assessment.put("form", form.id());
            assessment.put("formName", form.name());
            assessment.put("officeNo", row.get("office_no"));
            assessment.put("serviceCode", row.get("service_code"));
            assessment.put("evaluateDate", row.get("evaluate_date").toString());
            List<Map<String, Object>> items = new ArrayList<>();
            for (LifeForms.Item item : form.items()) {
                Object value = stored.get(item.id());
                if (value != null) {
                    Map<String, Object> shown = new LinkedHashMap<>();
                    shown.put("id", item.id());
                    shown.put("label", item.label());
                    shown.put("value", value);
                    String meaning = item.codes().get(value.toString());
                    if (meaning != null) {
                        shown.put("meaning", meaning);
                    }
                    items.add(shown);
                }
            }
            assessment.put("items", items);
            assessments.add(assessment);
        }
        return assessments;
    }
}
