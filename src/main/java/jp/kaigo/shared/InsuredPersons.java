package jp.kaigo.shared;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * Whether 保険者番号, 被保険者番号 and 生年月日 name one insured person today (the registry answers; unknown
 * numbers and a wrong birth date are the same "no"). Lets a module check a person without depending on
 * the registry.
 */
public interface InsuredPersons {

    boolean matches(String insurerNo, String insuredNo, LocalDate birthDate);

    /** Of these insured persons of the insurer, those whose 資格喪失日 as recorded is on or before the day, with it. */
    Map<String, LocalDate> lostOnOrBefore(String insurerNo, Collection<String> insuredNos, LocalDate day);
}
