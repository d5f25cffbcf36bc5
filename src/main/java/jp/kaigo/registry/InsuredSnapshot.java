package jp.kaigo.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Everything the registry holds on one insured person that is in force on {@code asOf}, by record type. */
public record InsuredSnapshot(String insurerNo, String insuredNo, LocalDate asOf, Map<String, List<RecordView>> records) {
}
