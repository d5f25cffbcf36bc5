package jp.kaigo.shared;

import java.util.Arrays;

/** Where a care plan stands (docs/design/care-documents.md §7.1); the code is what the database keeps. */
public enum PlanStatus {
    DRAFT("draft", "作成中"),
    PROPOSED("proposed", "原案を本人に提示中"),
    AGREED("agreed", "本人の同意済み(未交付)"),
    DECLINED("declined", "本人が同意していません"),
    ISSUED("issued", "交付済み(現在の計画)"),
    SUPERSEDED("superseded", "交付済み(以前の計画)");

    /** The record type of a plan shown to the person and not yet issued (原案), as {@code access} reads it. */
    public static final String PROPOSAL_RECORD = "care-plan-proposal";

    private final String code;
    private final String label;

    PlanStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** How the person's agreement was given ({@code careplan.plans.agreement}: online, paper), as the person reads it. */
    public static String agreementLabel(String agreement) {
        return agreement == null ? null
                : agreement.equals("online") ? "本人の画面で同意" : "書面・口頭で同意(事業所が記録)";
    }

    public static PlanStatus ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown plan status " + code));
    }
}
