package jp.kaigo.relationship;

import java.time.LocalDate;
import java.util.UUID;

/** One 担当事業所 relationship, current ({@code endDate} null) or past, with why it ended. */
public record OfficeInCharge(UUID relationshipId, String insurerNo, String insuredNo, String officeNo, String serviceType, String serviceName,
        LocalDate startDate, String confirmedBy, LocalDate lastClaimOn, LocalDate endDate, String endReason) {
    public boolean current() {
        return endDate == null;
    }

    /**
     * Started and not ended on the day: a relationship grants nothing before its start date, nor from its end
     * date on (the day it ends, by the office, the person or the registry's 資格喪失).
     */
    public boolean inChargeOn(LocalDate day) {
        return !startDate.isAfter(day) && (endDate == null || endDate.isAfter(day));
    }

    /** Ended on or before the day, at most {@code days} days before it. */
    public boolean endedWithin(LocalDate day, int days) {
        return endDate != null && !endDate.isAfter(day) && !endDate.isBefore(day.minusDays(days));
    }
}
