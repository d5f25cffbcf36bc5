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
    CLERK("事務");

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
