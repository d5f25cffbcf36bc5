package jp.kaigo.registry;

import static jp.kaigo.ingest.Fields.checked;
import static jp.kaigo.ingest.Fields.code;
import static jp.kaigo.ingest.Fields.codes;
import static jp.kaigo.ingest.Fields.date;
import static jp.kaigo.ingest.Fields.text;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.kaigo.ingest.DocumentLayout;
import jp.kaigo.ingest.ImportReport;
import jp.kaigo.ingest.KeyFields;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.PlanOfficeNotified;
import jp.kaigo.shared.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * 居宅サービス計画作成依頼(変更)届出書 (docs/design/care-documents.md §4): its layout, and — once the municipality
 * accepted one — the 被保険者証 history's 居宅介護支援事業者等 and 届出年月日, entered through the registry's own path as
 * {@link CertificationResults} does ({@link CareCertificateFiling}): the current history with the plan office replaced,
 * from the plan's start, imported as {@code plan-office-<document>.json}. A redelivered event finds it
 * filed and does nothing; a person without a 認定 history gets nothing entered (logged with the document's id).
 */
@Configuration(proxyBeanMethods = false)
class PlanOffices {
    private static final Logger log = LoggerFactory.getLogger(PlanOffices.class);
    static final String SELF_MADE = "4";
    private static final Set<String> KEYS = Set.of("insurerNo", "insuredNo", "historyNo", "validFrom", "validTo");

    private final CareCertificateFiling filing;

    PlanOffices(CareCertificateFiling filing) {
        this.filing = filing;
    }

    /** The 届出書's items: 新規 or 変更, who makes the plan, from when, why it changes. */
    @Bean
    DocumentLayout carePlanNotification() {
        return new DocumentLayout(DocumentKind.CARE_PLAN_NOTIFICATION, DocumentKind.CARE_PLAN_NOTIFICATION.label(),
                "2026-1", List.of(
                        code("notificationKind", "届出区分", codes("1", "新規", "2", "変更")).mandatory(),
                        code("planKind", "居宅介護支援事業者等区分", codes("1", "居宅介護支援事業者", "2", "介護予防支援事業者",
                                "3", "地域包括支援センター", SELF_MADE, "自己作成")).mandatory(),
                        checked("officeNo", "事業所番号", "事業所番号(検証番号付き)",
                                s -> OfficeNumber.validate(s, "officeNo", OfficeNumber.LABEL)),
                        text("officeName", "事業所名", 100),
                        date("startOn", "計画作成の開始年月日").mandatory(),
                        text("changeReason", "変更の理由", 200)),
                List.of(v -> !SELF_MADE.equals(v.get("planKind")) && v.get("officeNo") == null
                                ? Optional.of(new Violation("officeNo", "事業所番号", "自己作成以外は必須です"))
                                : Optional.empty(),
                        v -> "2".equals(v.get("notificationKind")) && v.get("changeReason") == null
                                ? Optional.of(new Violation("changeReason", "変更の理由", "変更の届出では必須です"))
                                : Optional.empty()));
    }

    @Async
    @TransactionalEventListener
    void on(PlanOfficeNotified notified) {
        List<RecordRevision> histories = filing.histories(notified.person());
        Optional<RecordRevision> current = CareCertificateFiling.current(histories);
        if (current.isEmpty()) {
            log.warn("The 届出 of document {} was accepted, but the person has no 被保険者証 (認定) history to enter it in",
                    notified.documentId());
            return;
        }
        Map<String, Object> fields = current.get().record().fields();
        if (notified.notifiedOn().toString().equals(asText(fields.get("planOffice1NotifiedOn")))
                && notified.planKind().equals(asText(fields.get("planOffice1Kind")))
                && java.util.Objects.equals(notified.officeNo(), asText(fields.get("planOffice1No")))) {
            return; // filed already (a redelivered event)
        }
        Map<String, String> row = new LinkedHashMap<>();
        row.put("insurerNo", notified.person().insurerNo());
        row.put("insuredNo", notified.person().insuredNo());
        row.put("historyNo", String.valueOf(CareCertificateFiling.nextHistoryNo(histories)));
        LocalDate currentFrom = current.get().record().validFrom();
        row.put("validFrom", (notified.from().isAfter(currentFrom) ? notified.from() : currentFrom).toString());
        row.put(KeyFields.OPERATION, "1");
        fields.forEach((key, value) -> {
            if (value != null && !KEYS.contains(key) && !key.startsWith("planOffice")
                    && CareCertificateFiling.inLayout(key)) {
                row.put(key, asText(value));
            }
        });
        row.put("planOffice1Kind", notified.planKind());
        if (notified.officeNo() != null) {
            row.put("planOffice1No", notified.officeNo());
        }
        if (notified.officeName() != null) {
            row.put("planOffice1Name", notified.officeName());
        }
        row.put("planOffice1NotifiedOn", notified.notifiedOn().toString());
        ImportReport report = filing.file(notified.person(), row, "plan-office-" + notified.documentId() + ".json");
        if (report.rejectedRows() > 0) {
            log.warn("The 届出 of document {} was not entered into the insurance card history: import {} rejected it",
                    notified.documentId(), report.importId());
        }
    }

    private static String asText(Object value) {
        return CareCertificateFiling.text(value);
    }
}
