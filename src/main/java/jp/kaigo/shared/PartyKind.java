package jp.kaigo.shared;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of organisation that connect to the platform, each named by its own national number. */
public enum PartyKind {
    /** 保険者 (市町村・広域連合), named by 保険者番号. */
    MUNICIPALITY("municipality", "保険者"),
    /** 介護サービス事業所, named by 事業所番号. */
    OFFICE("office", "介護事業所"),
    /** 医療機関, named by 医療機関コード. */
    MEDICAL_INSTITUTION("medical-institution", "医療機関"),
    /**
     * The platform's operator (国保中央会, entrusted by the municipalities): loads the office and institution
     * master; sees no person's records. Named by a number of its own (1–10 digits).
     */
    OPERATOR("operator", "運営者");

    private final String code;
    private final String label;

    PartyKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<PartyKind> ofCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
