package jp.kaigo.certification;

/** 進捗 of a 認定 case, as the certification record's {@code progress} codes it (CertificationLayouts.PROGRESS). */
enum Progress {
    RECEIVED("1"), SURVEY("2"), OPINION("3"), FIRST_JUDGEMENT("4"), BOARD("5"), CERTIFIED("6"), WITHDRAWN("7");

    private final String code;

    Progress(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    String label() {
        return CertificationLayouts.PROGRESS.get(code);
    }
}
