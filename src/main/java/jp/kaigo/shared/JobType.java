package jp.kaigo.shared;

import java.util.Arrays;
import java.util.Optional;

/** 職種 set on a staff account; what a login may see depends on it (national-design.md A2). */
public enum JobType {
    CARE_MANAGER("介護支援専門員"),
    CARE_WORKER("介護福祉士"),
    HOME_HELPER("訪問介護員"),
    NURSE("看護師"),
    DOCTOR("医師"),
    DENTIST("歯科医師"),
    PHARMACIST("薬剤師"),
    PHYSICAL_THERAPIST("理学療法士"),
    OCCUPATIONAL_THERAPIST("作業療法士"),
    SPEECH_THERAPIST("言語聴覚士"),
    SOCIAL_WORKER("社会福祉士"),
    DIETITIAN("管理栄養士"),
    MUNICIPAL_OFFICER("市町村職員"),
    CLERK("事務"),
    /**
     * 介護認定審査会委員: an account of a municipality (never of another kind of organisation) that sees only the
     * masked 審査会資料 of the cases on an agenda of its own 合議体 (docs/design/certification-online.md §6.2, §6.4 K1).
     */
    COMMITTEE_MEMBER("認定審査会委員");

    private final String label;

    JobType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<JobType> parse(String name) {
        return Arrays.stream(values()).filter(j -> j.name().equals(name) || j.label.equals(name)).findFirst();
    }
}
