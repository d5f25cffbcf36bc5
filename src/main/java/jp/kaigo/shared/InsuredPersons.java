package jp.kaigo.shared;

import java.time.LocalDate;

/**
 * Whether 保険者番号, 被保険者番号 and 生年月日 name one insured person today (the registry answers; unknown
 * numbers and a wrong birth date are the same "no"). Lets a module check a person without depending on
 * the registry.
 */
public interface InsuredPersons {

    boolean matches(String insurerNo, String insuredNo, LocalDate birthDate);
}
