package jp.kaigo.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One of the office's plans for a person as its care manager works on it, drafts included. */
public record OwnCarePlan(UUID planId, LocalDate planDate, PlanStatus status, String agreement, String declinedNote,
        Instant proposedAt, Instant answeredAt, Instant issuedAt, int items) {

    public boolean may(PlanStatusRules.Act act) {
        return PlanStatusRules.apply(status, act).allowed();
    }

    public String agreementName() {
        return PlanStatus.agreementLabel(agreement);
    }
}
