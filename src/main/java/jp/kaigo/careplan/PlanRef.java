package jp.kaigo.careplan;

import java.time.LocalDate;
import java.util.UUID;
import jp.kaigo.shared.InsuredPerson;
import jp.kaigo.shared.PlanStatus;

/** A care plan as the use cases need to find it: whose, from which office, where it stands. */
record PlanRef(UUID planId, InsuredPerson person, String officeNo, PlanStatus status, LocalDate planDate) {
}
