package jp.kaigo.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.kaigo.shared.CareLevelCertified;
import jp.kaigo.shared.DecisionOverdue;
import jp.kaigo.shared.RenewalDue;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Makes a notice from each event of §7.1, after the publisher's commit, asynchronously, in a transaction of its own
 * ({@link ApplicationModuleListener}); the event publication registry re-delivers an event whose listener did not
 * finish (a crash, a restart), and the deduplication key makes the second delivery a no-op.
 */
@Component
class NoticeListeners {
    private final NoticeDesk desk;

    NoticeListeners(NoticeDesk desk) {
        this.desk = desk;
    }

    /** 認定結果通知, once per case. */
    @ApplicationModuleListener
    void on(CareLevelCertified event) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("level", event.levelCode());
        params.put("certifiedOn", event.certifiedOn().toString());
        if (event.validFrom() != null) {
            params.put("validFrom", event.validFrom().toString());
        }
        if (event.validTo() != null) {
            params.put("validTo", event.validTo().toString());
        }
        desk.give(event.person(), NoticeKind.CERTIFICATION_RESULT, "result:" + event.caseId(), event.caseId().toString(),
                params);
    }

    /** 認定更新勧奨, once per 認定有効期間終了日. */
    @ApplicationModuleListener
    void on(RenewalDue event) {
        desk.give(event.person(), NoticeKind.RENEWAL_REMINDER, "renewal:" + event.certValidTo(), null,
                Map.of("certValidTo", event.certValidTo().toString()));
    }

    /** 処分延期通知, once per case. */
    @ApplicationModuleListener
    void on(DecisionOverdue event) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("appliedOn", event.appliedOn().toString());
        if (event.expectedOn() != null) {
            params.put("expectedOn", event.expectedOn().toString());
        }
        params.put("reason", event.reason().name());
        desk.give(event.person(), NoticeKind.POSTPONEMENT, "postponement:" + event.caseId(), event.caseId().toString(),
                params);
    }
}
