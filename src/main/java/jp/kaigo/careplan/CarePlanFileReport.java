package jp.kaigo.careplan;

import java.util.List;
import java.util.UUID;

/**
 * What an import of a ケアプランデータ連携 file did: rows read, the draft plans written (to issue them by ID),
 * and every refused row with its line, field and reason (refused rows change nothing; the others are taken).
 */
public record CarePlanFileReport(String fileKind, long rows, List<UUID> planIds, List<Problem> rejections) {

    public record Problem(long line, String field, String label, String reason) {
    }
}
