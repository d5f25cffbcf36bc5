package jp.kaigo.audit;

import java.time.Instant;

/** One access to a person's data, as the person sees it: which organisation, which job, when, what, why. */
public record AccessRecord(Instant at, String event, String actorKind, String actorNumber, String staffJob,
        String subject, String purpose, String outcome) {
}
