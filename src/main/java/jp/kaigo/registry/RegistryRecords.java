package jp.kaigo.registry;

import java.util.List;
import java.util.Map;
import jp.kaigo.ingest.StoredRecord;
import jp.kaigo.shared.CareRecordSource;
import jp.kaigo.shared.InformationCategory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The three certificates as shared records, for the {@code access} module: 被保険者証 (the 資格 and the
 * 要介護認定 faces), 負担割合証 and 負担限度額認定証, and the 住宅改修費・福祉用具購入費 利用情報 (whose used and remaining
 * amounts {@link ReimbursementTotals} works out); every current history, newest first (per record type).
 */
@Component
class RegistryRecords implements CareRecordSource {
    private static final Map<InformationCategory, List<RecordType>> TYPES = Map.of(
            InformationCategory.INSURANCE_CARD, List.of(RecordType.INSURED, RecordType.CARE_CERTIFICATE),
            InformationCategory.BURDEN_RATIO, List.of(RecordType.BURDEN_RATIO),
            InformationCategory.BURDEN_LIMIT, List.of(RecordType.BURDEN_LIMIT),
            InformationCategory.REIMBURSEMENT, List.of(RecordType.HOME_MODIFICATION, RecordType.WELFARE_EQUIPMENT));
    private final JdbcTemplate jdbc;

    RegistryRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<InformationCategory> categories() {
        return List.copyOf(TYPES.keySet());
    }

    @Override
    public List<Map<String, Object>> read(InformationCategory category, String insurerNo, String insuredNo) {
        return TYPES.get(category).stream().flatMap(type -> StoredRecord.currentHistories(jdbc, type.layout(), type.table(),
                insurerNo, insuredNo).stream()).toList();
    }
}
