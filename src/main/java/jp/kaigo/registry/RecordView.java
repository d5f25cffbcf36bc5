package jp.kaigo.registry;

import java.time.LocalDate;
import java.util.Map;

/**
 * One history of a record as the registry holds it: its 履歴番号, validity and fields (keys as in the
 * file layout; every coded field also gets {@code <key>Name} with the code's meaning).
 */
public record RecordView(String recordType, int historyNo, LocalDate validFrom, LocalDate validTo,
        Map<String, Object> fields) {

    /** Whether this history is in force on the day (its period includes it). */
    public boolean inForceOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }
}
