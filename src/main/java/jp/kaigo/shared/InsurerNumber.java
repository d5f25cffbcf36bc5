package jp.kaigo.shared;

/** 介護保険 保険者番号: 都道府県番号 (2) + 保険者別番号 (3) + 検証番号 (1, modulus 10 weights 2-1). */
public record InsurerNumber(String value) {
    public static final String FIELD = "insurerNo";
    public static final String LABEL = "保険者番号";

    public InsurerNumber {
        if (value == null || value.isEmpty()) {
            throw new InvalidValue(FIELD, LABEL, "必須です");
        }
        if (value.length() != 6 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidValue(FIELD, LABEL, "数字6桁で指定してください");
        }
        if (!CheckDigits.isPrefecture(value.substring(0, 2))) {
            throw new InvalidValue(FIELD, LABEL, "先頭2桁の都道府県番号は01〜47です");
        }
        if (CheckDigits.modulus10Weights21(value.substring(0, 5)) != value.charAt(5) - '0') {
            throw new InvalidValue(FIELD, LABEL, "検証番号(6桁目)が正しくありません");
        }
    }

    /** The full number for a 5-digit body (prefecture + serial), with its check digit appended. */
    public static InsurerNumber withCheckDigit(String body) {
        return new InsurerNumber(body + CheckDigits.modulus10Weights21(body));
    }

    public int prefecture() {
        return Integer.parseInt(value.substring(0, 2));
    }

    @Override
    public String toString() {
        return value;
    }
}
