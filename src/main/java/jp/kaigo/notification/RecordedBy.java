package jp.kaigo.notification;

/** Who set a person's contact preferences: the person, their representative, or the municipality at the counter. */
public enum RecordedBy {
    SELF("self"), REPRESENTATIVE("representative"), MUNICIPALITY("municipality");

    private final String code;

    RecordedBy(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }
}
