package jp.kaigo.shared;

import java.util.regex.Pattern;

/**
 * 被保険者番号: 10 characters assigned by each insurer, unique per 保険者番号. No national check digit
 * is known (formats-and-codes.md §1.2), so only length and character set are checked.
 */
public record InsuredNumber(String value) {
    public static final String FIELD = "insuredNo";
    public static final String LABEL = "被保険者番号";
    private static final Pattern FORMAT = Pattern.compile("[0-9A-Z]{10}");

    public InsuredNumber {
        if (value == null || value.isEmpty()) {
            throw new InvalidValue(FIELD, LABEL, "必須です");
        }
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidValue(FIELD, LABEL, "半角英大文字・数字10桁で指定してください");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
