package jp.kaigo.shared;

/**
 * An organisation that connects to the platform: a municipality (保険者番号), a care office
 * (事業所番号) or a medical institution (医療機関コード). The number is validated by its own rule.
 */
public record Party(PartyKind kind, String number) {
    public Party {
        if (kind == null) {
            throw new InvalidValue("kind", "種別", "必須です");
        }
        switch (kind) {
            case MUNICIPALITY -> new InsurerNumber(number);
            case OFFICE -> new OfficeNumber(number);
            case MEDICAL_INSTITUTION -> new MedicalInstitutionCode(number);
            case OPERATOR -> {
                if (number == null || !number.matches("[0-9]{1,10}")) {
                    throw new InvalidValue("number", "運営者番号", "1〜10桁の数字で指定してください");
                }
            }
        }
    }

    public static Party municipality(String insurerNo) {
        return new Party(PartyKind.MUNICIPALITY, insurerNo);
    }

    public static Party office(String officeNo) {
        return new Party(PartyKind.OFFICE, officeNo);
    }

    public static Party operator(String number) {
        return new Party(PartyKind.OPERATOR, number);
    }

    public static Party medicalInstitution(String code) {
        return new Party(PartyKind.MEDICAL_INSTITUTION, code);
    }

    @Override
    public String toString() {
        return kind.code() + ":" + number;
    }
}
