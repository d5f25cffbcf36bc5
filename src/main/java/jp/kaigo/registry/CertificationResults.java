package jp.kaigo.registry;

import static jp.kaigo.registry.CareCertificateFiling.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.kaigo.ingest.ImportReport;
import jp.kaigo.ingest.KeyFields;
import jp.kaigo.shared.CareLevelCertified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

/**
 * A 二次判定 recorded online reaches the 被保険者証 history through the registry's own path (design §6.6): one 差分
 * record of the care-certificate layout, submitted as a file import named {@code online-certification-<case>.json},
 * so it gets the same validation, history numbering, merge and rejection report as a municipality's file. The plan
 * office, facility, restriction and service-limit fields are those of the person's current history. A redelivered
 * event finds its history already there (same level, 認定日 and 有効期間開始日) and does nothing; 非該当 changes no
 * 被保険者証.
 */
@Component
class CertificationResults {
    private static final Logger log = LoggerFactory.getLogger(CertificationResults.class);
    private static final String NOT_APPLICABLE = "01";
    /** Copied from the current history: who plans, where the person lives, what is restricted. */
    private static final List<String> KEPT_PREFIXES = List.of("planOffice", "facility", "restriction", "serviceLimit");

    private final CareCertificateFiling filing;

    CertificationResults(CareCertificateFiling filing) {
        this.filing = filing;
    }

    /**
     * After the result's commit, on the event threads, outside any transaction: the import runs its own (it streams
     * the file into staging with COPY). The publication registry re-delivers the event if this did not finish.
     */
    @Async
    @TransactionalEventListener
    void on(CareLevelCertified result) {
        if (NOT_APPLICABLE.equals(result.levelCode())) {
            return;
        }
        List<RecordRevision> histories = filing.histories(result.person());
        boolean filed = histories.stream().filter(r -> r.current() && !r.deleted()).map(r -> r.record().fields())
                .anyMatch(f -> result.levelCode().equals(text(f.get("careLevel")))
                        && result.certifiedOn().toString().equals(text(f.get("certifiedOn")))
                        && Objects.equals(text(result.validFrom()), text(f.get("certValidFrom"))));
        if (filed) {
            return;
        }
        Map<String, String> row = new LinkedHashMap<>();
        row.put("insurerNo", result.person().insurer().value());
        row.put("insuredNo", result.person().insured().value());
        row.put("historyNo", String.valueOf(CareCertificateFiling.nextHistoryNo(histories)));
        row.put("validFrom", result.validFrom().toString());
        row.put(KeyFields.OPERATION, "1");
        CareCertificateFiling.current(histories).ifPresent(c -> c.record().fields().forEach((key, value) -> {
            if (value != null && KEPT_PREFIXES.stream().anyMatch(key::startsWith) && CareCertificateFiling.inLayout(key)) {
                row.put(key, text(value));
            }
        }));
        row.put("careLevel", result.levelCode());
        row.put("certifiedOn", result.certifiedOn().toString());
        row.put("certValidFrom", result.validFrom().toString());
        row.put("certValidTo", result.validTo().toString());
        result.level().monthlyLimitUnits().ifPresent(units -> {
            row.put("limitUnits", String.valueOf(units));
            row.put("limitFrom", result.validFrom().toString());
            row.put("limitTo", result.validTo().toString());
        });
        if (result.boardOpinion() != null) {
            row.put("opinion", result.boardOpinion());
        }
        ImportReport report = filing.file(result.person(), row, "online-certification-" + result.caseId() + ".json");
        if (report.rejectedRows() > 0) {
            log.warn("The online certification of case {} was not filed into the insurance card history: import {} "
                    + "rejected it (see the municipality's import list)", result.caseId(), report.importId());
        }
    }
}
