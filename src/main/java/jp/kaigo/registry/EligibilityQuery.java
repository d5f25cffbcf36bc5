package jp.kaigo.registry;

import java.time.LocalDate;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;

/** 資格確認 by the numbers on the paper card: 保険者番号 + 被保険者番号 + 生年月日, as of a day. */
public record EligibilityQuery(InsurerNumber insurer, InsuredNumber insured, LocalDate birthDate, LocalDate asOf) {
}
