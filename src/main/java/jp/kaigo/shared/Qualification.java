package jp.kaigo.shared;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A qualification (資格) an access rule may rely on (office-master.md §3): recorded on a staff account with its
 * registration number and expiry, attested by the organisation's administrator. The 介護支援専門員 registration
 * number is 8 digits (by prefecture) and its card lasts 5 years.
 */
public enum Qualification {
    CARE_MANAGER("介護支援専門員", "[0-9]{8}"),
    CHIEF_CARE_MANAGER("主任介護支援専門員", "[0-9]{8}"),
    PUBLIC_HEALTH_NURSE("保健師", "[0-9A-Za-z-]{1,20}"),
    SOCIAL_WORKER("社会福祉士", "[0-9A-Za-z-]{1,20}"),
    PHYSICAL_THERAPIST("理学療法士", "[0-9A-Za-z-]{1,20}"),
    OCCUPATIONAL_THERAPIST("作業療法士", "[0-9A-Za-z-]{1,20}"),
    HOUSING_COORDINATOR("福祉住環境コーディネーター2級以上", "[0-9A-Za-z-]{1,20}");

    private final String label;
    private final Pattern number;

    Qualification(String label, String number) {
        this.label = label;
        this.number = Pattern.compile(number);
    }

    public String label() {
        return label;
    }

    /** Whether the registration number has this qualification's form. */
    public boolean validNumber(String value) {
        return value != null && number.matcher(value).matches();
    }

    public static Optional<Qualification> parse(String name) {
        return Arrays.stream(values()).filter(q -> q.name().equals(name) || q.label.equals(name)).findFirst();
    }
}
