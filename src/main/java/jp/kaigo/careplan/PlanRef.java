package jp.kaigo.careplan;

import java.time.LocalDate;
import java.util.UUID;
import jp.kaigo.shared.InsuredPerson;

/** A care plan as the use cases need to find it: whose, from which office, where it stands. */
public record PlanRef(UUID planId, InsuredPerson person, String officeNo, PlanStatus status, LocalDate planDate) {
}
