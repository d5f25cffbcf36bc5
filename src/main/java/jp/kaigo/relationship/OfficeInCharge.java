package jp.kaigo.relationship;

import java.time.LocalDate;
import java.util.UUID;

/** One 担当事業所 relationship, current ({@code endDate} null) or past, with why it ended. */
public record OfficeInCharge(UUID relationshipId, String insurerNo, String insuredNo, String officeNo, String serviceType, String serviceName,
        LocalDate startDate, String confirmedBy, LocalDate lastClaimOn, LocalDate endDate, String endReason) {
    public boolean current() {
        return endDate == null;
    }
}
