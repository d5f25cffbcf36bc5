package jp.kaigo.shared;

import java.util.regex.Pattern;

/**
 * 医療機関コード (10 digits): 都道府県 (2) + 点数表区分 (1: 1 医科, 3 歯科, 4 薬局, 5 老人保健施設,
 * 6 訪問看護ステーション) + 郡市区 (2) + 医療機関等番号 (4) + 検証番号 (1).
 * The check digit is taken over the 7-digit 医療機関コード proper (郡市区 + 番号), modulus 10
 * weights 2-1, as for the 7-digit code on 診療報酬明細書. The 10-digit form's rule is not
 * published (formats-and-codes.md §1.4); this is the stated assumption.
 */
public record MedicalInstitutionCode(String value) {
    public static final String FIELD = "medicalInstitutionCode";
    public static final String LABEL = "医療機関コード";
    private static final Pattern FORMAT = Pattern.compile("[0-9]{2}[13456][0-9]{7}");

    public MedicalInstitutionCode {
        if (value == null || value.isEmpty()) {
            throw new InvalidValue(FIELD, LABEL, "必須です");
        }
        if (value.length() != 10 || !value.chars().allMatch(Character::isDigit)) {
            throw new InvalidValue(FIELD, LABEL, "数字10桁で指定してください");
        }
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidValue(FIELD, LABEL, "3桁目の点数表区分は1・3・4・5・6のいずれかです");
        }
        if (!CheckDigits.isPrefecture(value.substring(0, 2))) {
            throw new InvalidValue(FIELD, LABEL, "先頭2桁の都道府県番号は01〜47です");
        }
        if (CheckDigits.modulus10Weights21(value.substring(3, 9)) != value.charAt(9) - '0') {
            throw new InvalidValue(FIELD, LABEL, "検証番号(10桁目)が正しくありません");
        }
    }

    public static MedicalInstitutionCode withCheckDigit(String body) {
        return new MedicalInstitutionCode(body + CheckDigits.modulus10Weights21(body.substring(3)));
    }

    @Override
    public String toString() {
        return value;
    }
}
