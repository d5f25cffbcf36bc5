package jp.kaigo.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The office in charge showed the person a care plan's 原案 to agree to (published by {@code careplan}). */
public record CarePlanProposed(InsuredPerson person, UUID planId, String officeNo, LocalDate planDate,
        Instant proposedAt) {
}
