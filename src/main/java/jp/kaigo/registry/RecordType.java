package jp.kaigo.registry;

import java.util.Arrays;
import java.util.Optional;
import jp.kaigo.ingest.RecordLayout;

/**
 * The record types a municipality sends, one file each. {@code single}: at most one history is in
 * force on a day (a certificate); otherwise every history in force is listed (usage records).
 */
public enum RecordType {
    INSURED(true, RecordLayouts.insured()),
    CARE_CERTIFICATE(true, RecordLayouts.careCertificate()),
    BURDEN_RATIO(true, RecordLayouts.burdenRatio()),
    BURDEN_LIMIT(true, RecordLayouts.burdenLimit()),
    HOME_MODIFICATION(false, RecordLayouts.homeModification()),
    WELFARE_EQUIPMENT(false, RecordLayouts.welfareEquipment());

    private final boolean single;
    private final RecordLayout layout;

    RecordType(boolean single, RecordLayout layout) {
        this.single = single;
        this.layout = layout;
    }

    /** The name used in URLs, file names and the database. */
    public String key() {
        return layout.recordType();
    }

    public boolean single() {
        return single;
    }

    public RecordLayout layout() {
        return layout;
    }

    /** The table holding this type's revisions, one column per layout field. */
    String table() {
        return "registry." + key().replace('-', '_') + "_records";
    }

    /** The field columns, in layout order, each prefixed with {@code alias.} when an alias is given. */
    String columns(String alias) {
        return layout.columns(alias);
    }

    public static Optional<RecordType> byKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key().equals(key)).findFirst();
    }
}
