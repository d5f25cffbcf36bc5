package jp.kaigo.shared;

import java.time.Instant;
import java.util.UUID;

/**
 * Published by {@code certification} when an online 認定 case moves to another 進捗 (design §1.3): opened at 申請受付,
 * then 認定調査, 意見書, 一次判定, 審査会, 認定 or 取下げ ({@code progress} is the file interface's 進捗 code, 1–7). The
 * offices in charge of the person's care management hear of it as a progress-notice document (I16 §7).
 */
public record CertificationProgressed(UUID caseId, InsuredPerson person, String progress, Instant at) {
    public CertificationProgressed {
        if (caseId == null || person == null || progress == null || at == null) {
            throw new IllegalArgumentException("caseId, person, progress and at are required");
        }
    }
}
