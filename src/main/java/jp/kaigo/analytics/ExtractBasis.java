package jp.kaigo.analytics;

import java.util.Arrays;
import java.util.Optional;

/**
 * On what an extract is provided (docs/design/analytics.md §4), and whether a person's objection keeps them out: the
 * national 介護DB's extract is required by law; research is not.
 */
public enum ExtractBasis {
    NATIONAL_DB("national-db", "国の介護保険総合データベース(介護DB)への提供(法令に基づく)", false),
    RESEARCH("research", "研究のための提供(審査を経たもの)", true),
    PLANNING("planning", "市町村の事業計画・給付適正化のための分析", false);

    private final String key;
    private final String label;
    private final boolean objectionApplies;

    ExtractBasis(String key, String label, boolean objectionApplies) {
        this.key = key;
        this.label = label;
        this.objectionApplies = objectionApplies;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** Whether a person who objected to research extracts is left out. */
    public boolean objectionApplies() {
        return objectionApplies;
    }

    public static Optional<ExtractBasis> byKey(String key) {
        return Arrays.stream(values()).filter(b -> b.key.equals(key)).findFirst();
    }
}
