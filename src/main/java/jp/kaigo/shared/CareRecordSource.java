package jp.kaigo.shared;

import java.util.List;
import java.util.Map;

/**
 * Implemented by each module that holds shared care records, for the {@code access} module only: exits
 * never read care records directly, they ask {@code access}, which decides and then reads through this.
 */
public interface CareRecordSource {

    /** The categories this source holds. */
    List<InformationCategory> categories();

    /** Every current record of the category for the person, newest first: fields by layout key. */
    List<Map<String, Object>> read(InformationCategory category, String insurerNo, String insuredNo);

    /**
     * Whether the medical institution was asked by the insurer to write the person's 主治医意見書 (or wrote
     * one): such an institution may see what the rules allow it without a consent.
     */
    default boolean opinionRequested(String institutionCode, String insurerNo, String insuredNo) {
        return false;
    }
}
