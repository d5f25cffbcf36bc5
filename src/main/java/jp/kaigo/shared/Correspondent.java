package jp.kaigo.shared;

import java.util.Arrays;
import java.util.Optional;

/**
 * A party that sends or receives a document (docs/design/certification-online.md §2.1, §2.3): an organisation
 * ({@link Party}), a board (合議体, {@code <insurer_no>-<board_no>}) or, as the sender of an application only,
 * the insured person ({@code <insurer_no>-<insured_no>}). Stored as (kind code, number). The text form never
 * shows a person's numbers.
 */
public record Correspondent(Kind kind, String number) {

    public enum Kind {
        MUNICIPALITY("municipality"),
        OFFICE("office"),
        MEDICAL_INSTITUTION("medical-institution"),
        /** 介護認定審査会の合議体 of a municipality. */
        BOARD("board"),
        /** The insured person themselves (or their registered representative acting for them). */
        PERSON("person");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<Kind> ofCode(String code) {
            return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
        }
    }

    public Correspondent {
        if (kind == null) {
            throw new InvalidValue("kind", "種別", "必須です");
        }
        switch (kind) {
            case MUNICIPALITY -> new InsurerNumber(number);
            case OFFICE -> new OfficeNumber(number);
            case MEDICAL_INSTITUTION -> new MedicalInstitutionCode(number);
            case BOARD -> {
                int dash = number == null ? -1 : number.indexOf('-');
                if (dash != 6 || !number.substring(dash + 1).matches("[0-9]{1,4}")) {
                    throw new InvalidValue("number", "合議体", "保険者番号-合議体番号(1〜4桁)で指定してください");
                }
                new InsurerNumber(number.substring(0, dash));
            }
            case PERSON -> {
                int dash = number == null ? -1 : number.indexOf('-');
                if (dash != 6) {
                    throw new InvalidValue("number", "本人", "保険者番号-被保険者番号で指定してください");
                }
                new InsurerNumber(number.substring(0, dash));
                new InsuredNumber(number.substring(dash + 1));
            }
        }
    }

    /** The organisation as a correspondent (the operator exchanges no documents). */
    public static Correspondent of(Party party) {
        Kind kind = switch (party.kind()) {
            case MUNICIPALITY -> Kind.MUNICIPALITY;
            case OFFICE -> Kind.OFFICE;
            case MEDICAL_INSTITUTION -> Kind.MEDICAL_INSTITUTION;
            case OPERATOR -> throw new InvalidValue("kind", "種別", "運営者は文書をやり取りしません");
        };
        return new Correspondent(kind, party.number());
    }

    public static Correspondent board(InsurerNumber insurer, String boardNo) {
        return new Correspondent(Kind.BOARD, insurer.value() + "-" + boardNo);
    }

    public static Correspondent person(InsurerNumber insurer, InsuredNumber insured) {
        return new Correspondent(Kind.PERSON, insurer.value() + "-" + insured.value());
    }

    /** Rebuilds a stored correspondent (kind code, number). */
    public static Correspondent of(String kindCode, String number) {
        return new Correspondent(Kind.ofCode(kindCode)
                .orElseThrow(() -> new InvalidValue("kind", "種別", "正しくありません")), number);
    }

    /** The organisation, for the organisation kinds. */
    public Optional<Party> party() {
        return switch (kind) {
            case MUNICIPALITY -> Optional.of(Party.municipality(number));
            case OFFICE -> Optional.of(Party.office(number));
            case MEDICAL_INSTITUTION -> Optional.of(Party.medicalInstitution(number));
            case BOARD, PERSON -> Optional.empty();
        };
    }

    /** {@code kind:number}, but only {@code person} for a person (as in receipts, §2.6.1). */
    @Override
    public String toString() {
        return kind == Kind.PERSON ? kind.code() : kind.code() + ":" + number;
    }
}
