package jp.kaigo.shared;

/**
 * 被保険者番号: 10 characters assigned by each insurer, unique per 保険者番号. No national check digit
 * is known (formats-and-codes.md §1.2), so only length and character set are checked.
 */
public record InsuredNumber(String value) {
    public static final String FIELD = "insuredNo";
    public static final String LABEL = "被保険者番号";

    public InsuredNumber {
        if (value == null || value.isEmpty()) {
            throw new InvalidValue(FIELD, LABEL, "必須です");
        }
        if (!isFormat(value)) {
            throw new InvalidValue(FIELD, LABEL, "半角英大文字・数字10桁で指定してください");
        }
    }

    /** [0-9A-Z]{10}, checked without a regex: this runs for every row of every file. */
    private static boolean isFormat(String value) {
        if (value.length() != 10) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
