package jp.kaigo.shared;

/**
 * One insured person, as every module names them: 保険者番号 + 被保険者番号 (a 被保険者番号 is unique only per
 * insurer). The one typed value events and facades pass for a person, instead of two loose strings.
 */
public record InsuredPerson(InsurerNumber insurer, InsuredNumber insured) {
    public InsuredPerson {
        if (insurer == null) {
            throw new InvalidValue(InsurerNumber.FIELD, InsurerNumber.LABEL, "必須です");
        }
        if (insured == null) {
            throw new InvalidValue(InsuredNumber.FIELD, InsuredNumber.LABEL, "必須です");
        }
    }

    /** The person for the two numbers as written, each validated by its own rule. */
    public static InsuredPerson of(String insurerNo, String insuredNo) {
        return new InsuredPerson(new InsurerNumber(insurerNo), new InsuredNumber(insuredNo));
    }

    public String insurerNo() {
        return insurer.value();
    }

    public String insuredNo() {
        return insured.value();
    }

    /** Numbers only, never a name; still personal data: log identifiers of events or rows, not this. */
    @Override
    public String toString() {
        return insurer.value() + "/" + insured.value();
    }
}
