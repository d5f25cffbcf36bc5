package jp.kaigo.certification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jp.kaigo.certification.CareCertification.AcceptedOpinion;
import jp.kaigo.certification.CaseRevisions.Column;
import jp.kaigo.ingest.DocumentLayout;
import jp.kaigo.ingest.FieldSpec;
import jp.kaigo.ingest.Fields;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.InvalidValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The 主治医意見書 steps of an online case (design §5): the municipality's 作成依頼 recorded on the case's
 * certification history, and an accepted 意見書 kept as a new history of {@code doctor_opinion_records} (every key of
 * the layout a column, V5) with the case moved to 進捗 3. Runs in the caller's transaction.
 */
@Component
class CaseOpinions {
    /** The layout's date fields, kept in the V1 date columns; every other field is text. */
    private static final Set<String> DATES = Set.of("writtenOn", "lastExaminedOn");

    private final JdbcClient sql;
    private final CaseRevisions revisions;
    private final DocumentLayout layout;

    CaseOpinions(JdbcClient sql, CaseRevisions revisions, ObjectProvider<DocumentLayout> layouts) {
        this.sql = sql;
        this.revisions = revisions;
        this.layout = layouts.orderedStream().filter(l -> l.kind() == DocumentKind.DOCTOR_OPINION).findFirst()
                .orElseThrow(() -> new IllegalStateException("no doctor-opinion layout"));
    }

    /**
     * A request sent for the open case: the case's history names the institution asked and the day (so the
     * institution may read the person's 被保険者証 and 認定, AccessRules OPINION_REQUESTED), its progress kept; an
     * earlier 受領日 is cleared, as it belonged to an earlier request. False when the person has no open case.
     */
    boolean requested(InsurerNumber insurer, InsuredNumber insured, String institutionCode, LocalDate requestedOn) {
        Optional<UUID> caseId = openCase(insurer, insured);
        if (caseId.isEmpty()) {
            return false;
        }
        Map<Column, Object> set = new LinkedHashMap<>();
        set.put(Column.OPINION_INSTITUTION, institutionCode);
        set.put(Column.OPINION_REQUESTED_ON, requestedOn);
        set.put(Column.OPINION_RECEIVED_ON, null);
        revisions.revise(insurer, insured, caseId.get(), set);
        return true;
    }

    /**
     * An accepted 意見書: a new history (valid from its 記入日, source online, the case, the document as import id)
     * and the case at 進捗 3 主治医意見書 with its 受領日 — a case already further on stays where it is. Refused
     * ({@link InvalidValue}, the whole acceptance with it) when the person has no open case any more.
     */
    UUID accepted(AcceptedOpinion o) {
        UUID caseId = openCase(o.insurer(), o.insured())
                .orElseThrow(() -> new InvalidValue("document", "主治医意見書",
                        "この方の受付中の認定案件がありません(決定済みか、取り下げられています)"));
        Map<String, String> payload = o.payload();
        int historyNo = sql.sql("""
                select coalesce(max(history_no), 0) + 1 from certification.doctor_opinion_records
                 where insurer_no = :insurer and insured_no = :insured
                """).param("insurer", o.insurer().value()).param("insured", o.insured().value())
                .query(Integer.class).single();
        List<String> columns = new ArrayList<>(List.of("insurer_no", "insured_no", "history_no", "revision",
                "valid_from", "import_id", "source", "case_id", "request_kind", "doctor_kind"));
        List<Object> values = new ArrayList<>(List.of(o.insurer().value(), o.insured().value(), historyNo, 1,
                date(payload.get("writtenOn")), o.documentId(), "online", caseId));
        values.add(o.requestKind());
        values.add(o.doctorKind());
        for (FieldSpec field : layout.fields()) {
            String value = payload.get(field.key());
            columns.add(field.column());
            values.add(value == null || value.isBlank() ? null
                    : DATES.contains(field.key()) ? date(value) : value.strip());
        }
        StringBuilder placeholders = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            placeholders.append(i == 0 ? "" : ", ").append(":v").append(i);
        }
        var insert = sql.sql("insert into certification.doctor_opinion_records (" + String.join(", ", columns)
                + ") values (" + placeholders + ")");
        for (int i = 0; i < values.size(); i++) {
            insert = insert.param("v" + i, values.get(i));
        }
        insert.update();
        revisions.advance(o.insurer(), o.insured(), caseId, Progress.OPINION,
                Map.of(Column.OPINION_RECEIVED_ON, o.receivedOn()));
        return caseId;
    }

    private Optional<UUID> openCase(InsurerNumber insurer, InsuredNumber insured) {
        return sql.sql("""
                select case_id from certification.cases where insurer_no = :insurer and insured_no = :insured
                   and status = 'open'
                """).param("insurer", insurer.value()).param("insured", insured.value()).query(UUID.class).optional();
    }

    private static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : Fields.parseDate(text.strip());
    }
}
