package jp.kaigo.shared;

import java.util.regex.Pattern;

/**
 * 介護保険事業所番号: 都道府県 (2) + 事業所区分 (1, a digit or a letter other than I/O/Q) + 郡市区 (2)
 * + serial (4) + check digit (modulus 10 weights 2-1 with letters A=10…Z=32; MHLW 資料13).
 */
public record OfficeNumber(String value) {
    public static final String FIELD = "officeNo";
    public static final String LABEL = "事業所番号";
    private static final Pattern FORMAT = Pattern.compile("[0-9]{2}[0-9A-HJ-NPR-Z][0-9]{7}");

    public OfficeNumber {
        validate(value, FIELD, LABEL);
    }

    /** Validates a value for a field with another name (e.g. 居宅介護支援事業所番号 on a card). */
    public static void validate(String value, String field, String label) {
        if (value == null || value.isEmpty()) {
            throw new InvalidValue(field, label, "必須です");
        }
        if (value.length() != 10) {
            throw new InvalidValue(field, label, "10桁で指定してください");
        }
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidValue(field, label,
                    "3桁目は数字または英大文字(I・O・Qを除く)、それ以外は数字で指定してください");
        }
        if (!CheckDigits.isPrefecture(value.substring(0, 2))) {
            throw new InvalidValue(field, label, "先頭2桁の都道府県番号は01〜47です");
        }
        if (CheckDigits.modulus10Weights21(value.substring(0, 9)) != value.charAt(9) - '0') {
            throw new InvalidValue(field, label, "検証番号(10桁目)が正しくありません");
        }
    }

    public static OfficeNumber withCheckDigit(String body) {
        return new OfficeNumber(body + CheckDigits.modulus10Weights21(body));
    }

    /** 事業所区分番号 (position 3). */
    public char category() {
        return value.charAt(2);
    }

    @Override
    public String toString() {
        return value;
    }
}
