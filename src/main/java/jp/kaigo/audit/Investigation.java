package jp.kaigo.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One audit entry as an investigation shows it: who (organisation, the staff account's stable ID, job, the
 * qualification a rule relied on), whose data, what, why, with what outcome. For municipalities, the operator
 * and an office's own administrator; the person sees {@link AccessRecord} (never a staff account).
 */
public record Investigation(long seq, Instant at, String event, String actorKind, String actorNumber, UUID staffId,
        String staffJob, String qualification, String personInsurer, String personInsured, String subject,
        String purpose, String outcome) {
}
