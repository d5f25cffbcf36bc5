package jp.kaigo.shared;

import java.time.LocalDate;

/**
 * One month of the office's 第6表 for a person, as its care manager checks it: the 生活援助中心型 visits planned, the care
 * level and 作成(変更)日 of the office's plan in force that month (null when none), and whether a 届出 is due.
 */
public record OwnPlanMonth(LocalDate month, int livingSupportVisits, String careLevel, LocalDate planDate) {

    public Integer count() {
        return LivingSupportVisits.count(careLevel);
    }

    public LivingSupportVisits.Verdict verdict() {
        return LivingSupportVisits.verdict(careLevel, livingSupportVisits);
    }

    public boolean notificationDue() {
        return verdict() == LivingSupportVisits.Verdict.NOTIFY && planDate != null;
    }
}
