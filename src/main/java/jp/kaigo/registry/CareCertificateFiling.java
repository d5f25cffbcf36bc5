package jp.kaigo.registry;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kaigo.ingest.FieldSpec;
import jp.kaigo.ingest.FileFormat;
import jp.kaigo.ingest.FileImports;
import jp.kaigo.ingest.ImportMode;
import jp.kaigo.ingest.ImportReport;
import jp.kaigo.ingest.ImportRequest;
import jp.kaigo.ingest.RecordLayout;
import jp.kaigo.shared.InsuredPerson;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry's own path for what happens online to a 被保険者証 (a 二次判定, a 居宅サービス計画作成依頼届出): one 差分
 * record of the care-certificate layout, imported as a file of its own name, so it gets the same validation, history
 * numbering, merge and rejection report as a municipality's file.
 */
@Component
class CareCertificateFiling {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TYPE = RecordType.CARE_CERTIFICATE.key();

    private final InsuredRegistry registry;
    private final FileImports imports;

    CareCertificateFiling(InsuredRegistry registry, FileImports imports) {
        this.registry = registry;
        this.imports = imports;
    }

    /** Every revision of the person's care-certificate histories. */
    List<RecordRevision> histories(InsuredPerson person) {
        return registry.history(person.insurer(), person.insured()).stream()
                .filter(r -> r.record().recordType().equals(TYPE)).toList();
    }

    /** The current history valid from the latest day, if any. */
    static Optional<RecordRevision> current(List<RecordRevision> histories) {
        return histories.stream().filter(r -> r.current() && !r.deleted())
                .max(Comparator.comparing(r -> r.record().validFrom()));
    }

    static int nextHistoryNo(List<RecordRevision> histories) {
        return histories.stream().mapToInt(r -> r.record().historyNo()).max().orElse(0) + 1;
    }

    /** Imports the record (open-ended; every optional field it does not name is left out) as {@code fileName}. */
    ImportReport file(InsuredPerson person, Map<String, String> row, String fileName) {
        RecordLayout layout = RecordType.CARE_CERTIFICATE.layout();
        List<String> omitted = new ArrayList<>(List.of("validTo"));
        for (FieldSpec field : layout.fields()) {
            if (!row.containsKey(field.key()) && !field.required()) {
                omitted.add(field.key());
            }
        }
        byte[] body = JSON.writeValueAsString(Map.of("records", List.of(row))).getBytes(StandardCharsets.UTF_8);
        return imports.importFile(new ImportRequest(person.insurerNo(), TYPE, ImportMode.DIFFERENTIAL, FileFormat.JSON,
                "UTF-8", fileName, omitted), new ByteArrayInputStream(body));
    }

    /** Whether the layout has a field of this key. */
    static boolean inLayout(String key) {
        return RecordType.CARE_CERTIFICATE.layout().fields().stream().anyMatch(f -> f.key().equals(key));
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
