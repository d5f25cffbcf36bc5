package jp.kaigo.portal;

import java.util.Arrays;
import java.util.List;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.shared.InformationCategory;

/**
 * The categories a person gives or refuses consent for on the portal's consent forms (their own page and an
 * office's terminal). 介護認定審査会資料 is not one of them: it is read only by the members of the 合議体 the case is
 * on, never disclosed on a person's consent (certification-online.md §6.4), so it is neither offered nor accepted.
 */
final class ConsentCategories {
    static final List<InformationCategory> OFFERED = Arrays.stream(InformationCategory.values())
            .filter(category -> category != InformationCategory.COMMITTEE_PACKET).toList();

    private ConsentCategories() {
    }

    /** The category a consent form sent (empty: every category), refusing one that is not offered. */
    static InformationCategory asked(Inputs in, String key) {
        InformationCategory asked = in.category(key);
        if (asked != null && !OFFERED.contains(asked)) {
            in.reject("category", "情報の種類", "介護認定審査会資料は同意の対象ではありません");
        }
        return asked;
    }
}
