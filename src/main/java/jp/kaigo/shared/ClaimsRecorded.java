package jp.kaigo.shared;

import java.time.LocalDate;
import java.util.List;

/**
 * Published when 給付実績 were recorded for an insurer's persons: per office and person, the newest
 * service month claimed. The 担当事業所 relationships listen (a claim keeps the relationship alive).
 */
public record ClaimsRecorded(String insurerNo, List<Claim> claims) {

    public record Claim(String officeNo, String insuredNo, LocalDate serviceMonth) {
    }
}
