package jp.kaigo.eligibility;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import jp.kaigo.registry.DataReceived;
import jp.kaigo.registry.RecordView;
import jp.kaigo.shared.Violation;

/**
 * The answer of one 資格確認, the same for the API and the portal: the status, and for an insured person the
 * facts of the certificates in force that day. {@code burdenLimitWithheld}: a 負担限度額認定証 exists but the
 * person has not consented to show it to this office. {@code confirmation}: proof of 本人確認 for registering
 * as 担当事業所 (a single 資格確認 of an insured person at an office only). {@code inCharge}: for that same
 * answer, the services this office already serves the person with (empty for a new client), so the monthly
 * re-check of a client says 「担当中」. {@code dataReceived}: when the insurer's data the answer rests on was
 * last received, by record type (absent for a query refused before it reached the data), so that a stale
 * answer shows itself.
 */
public record EligibilityAnswer(Integer index, Status status, String message, LocalDate asOf, LocalDate since,
        DataReceived dataReceived, String insurerNo, String insurerName, String insuredNo, RecordView insured, RecordView careCertificate,
        RecordView burdenRatio, RecordView burdenLimit, boolean burdenLimitWithheld, List<Violation> errors,
        String confirmation, List<InCharge> inCharge) {

    /** One service the asking office is 担当事業所 for, from its start date (which may still lie ahead). */
    public record InCharge(UUID relationshipId, String serviceType, String serviceName, LocalDate startDate) {
    }

    public enum Status {
        INSURED("資格があります"),
        NOT_YET_INSURED("基準日には資格を取得していません"),
        LOST("資格を喪失しています"),
        EXEMPT("基準日には適用除外です"),
        UNKNOWN("該当する被保険者が見つかりません(保険者番号・被保険者番号・生年月日をご確認ください)"),
        INVALID("照会内容に誤りがあります"),
        STOPPED("該当者なしの照会(番号または生年月日の誤り)が続いたため、この照会以降は答えていません");

        private final String message;

        Status(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    static EligibilityAnswer refused(Integer index, Status status, List<Violation> errors) {
        return new EligibilityAnswer(index, status, status.message(), null, null, null, null, null, null, null, null,
                null, null, false, errors, null, null);
    }
}
