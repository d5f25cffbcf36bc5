package jp.kaigo.careplan;

import java.util.List;
import java.util.UUID;
import jp.kaigo.shared.PlanStatus;

/** What an act on a plan did: the plan's status after it, and (交付) the offices it was delivered to. */
public record PlanActReport(UUID planId, PlanStatus status, List<String> deliveredTo) {
}
