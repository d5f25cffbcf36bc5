package jp.kaigo.person;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kaigo.audit.AccessGroup;
import jp.kaigo.shared.JapaneseDates;
import jp.kaigo.shared.ServiceType;

/**
 * The "who looked" lines in plain Japanese for the person and their family: what the audit trail keeps as codes
 * (events, outcomes such as {@code permit:CONSENTED} or {@code UNKNOWN}, service type codes, purposes typed by a
 * system) becomes words; whatever has no words is left out rather than shown raw.
 */
final class LookedWords {
    /** What was done, by kind of entry and result ({@code seen}/{@code denied} for a disclosure). */
    private static final Map<String, String> DONE = Map.ofEntries(
            Map.entry("disclosure/seen", "見ました"),
            Map.entry("disclosure/denied", "見ようとしましたが、見られませんでした"),
            Map.entry("disclosure/REVIEWED", "緊急時の閲覧を確認しました"),
            Map.entry("disclosure/ENDED", "災害時の閲覧を終えました"),
            Map.entry("eligibility/INSURED", "資格を確認しました"),
            Map.entry("eligibility/NOT_YET_INSURED", "資格を確認しました(その日はまだ資格がありませんでした)"),
            Map.entry("eligibility/LOST", "資格を確認しました(資格がなくなっていました)"),
            Map.entry("eligibility/EXEMPT", "資格を確認しました(適用除外でした)"),
            Map.entry("eligibility/UNKNOWN", "資格を確認しようとしましたが、番号や生年月日が合いませんでした"),
            Map.entry("eligibility/INVALID", "資格を確認しようとしましたが、入力に誤りがありました"),
            Map.entry("eligibility/STOPPED", "資格を確認しようとしましたが、誤りが続いたため止められました"),
            Map.entry("relationship/REGISTERED", "担当事業所として登録しました"),
            Map.entry("relationship/ENDED", "担当を終えました"),
            Map.entry("consent/GIVEN", "同意を記録しました"),
            Map.entry("consent/REFUSED", "同意しないことを記録しました"),
            Map.entry("card-link/LINKED", "マイナンバーカードを登録しました"),
            Map.entry("representative/REGISTERED", "代理人を登録しました"),
            Map.entry("representative/ENDED", "代理人の登録を終えました"));
    /** Purposes a system may send as codes, in words. */
    private static final Map<String, String> PURPOSES = Map.of("care", "介護サービスの提供", "care-management", "ケアマネジメント",
            "medical", "医療の提供", "municipality", "保険者事務");
    private static final Pattern SERVICE_CODE = Pattern.compile("サービス種類 ?([0-9A-Z]{2})");
    private static final Pattern ANSWERED = Pattern.compile("資格確認.*\\(([^()]*証[^()]*)\\)$");
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");

    private LookedWords() {
    }

    /** What was done, in words; never an outcome code. */
    static String done(String event, String result, boolean emergency) {
        if (emergency) {
            return result != null && result.startsWith("break-glass") ? "緊急時の閲覧を始めました" : "緊急時の閲覧として見ました";
        }
        String words = DONE.get(event + "/" + result);
        if (words != null) {
            return words;
        }
        if ("investigation".equals(event)) {
            return "記録を調べました";
        }
        return "disclosure".equals(event) ? "記録を扱いました" : "手続きをしました";
    }

    /** What it was about, in words: an information category, a service by name, what a 資格確認 answered. */
    static String what(String subject) {
        if (subject == null || subject.isBlank()) {
            return null;
        }
        Matcher answered = ANSWERED.matcher(subject);
        if (answered.find()) {
            return answered.group(1);
        }
        Matcher service = SERVICE_CODE.matcher(subject);
        if (service.find()) {
            return ServiceType.find(service.group(1)).map(ServiceType::name).orElse(null);
        }
        return JAPANESE.matcher(subject).find() ? subject : null;
    }

    /** Why, in words; a purpose with no Japanese in it and no known meaning is left out. */
    static String why(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            return null;
        }
        String known = PURPOSES.get(purpose.strip().toLowerCase().replace('_', '-'));
        if (known != null) {
            return known;
        }
        return JAPANESE.matcher(purpose).find() ? purpose.strip() : null;
    }

    /**
     * One group as a sentence: 「〇〇事業所(訪問介護)が 12月5日 に 3回 見ました: 被保険者証、要介護認定」 ({@code who}
     * already in words); a look is counted, other acts are not.
     */
    static String line(AccessGroup group, String who, LocalDate today) {
        StringBuilder line = new StringBuilder(who).append("が ")
                .append(JapaneseDates.shortDay(group.day(), today)).append(" に ");
        boolean look = "disclosure".equals(group.event()) || "eligibility".equals(group.event());
        if (look || group.times() > 1) {
            line.append(group.times()).append("回 ");
        }
        line.append(done(group.event(), group.result(), group.emergency()));
        Set<String> about = new LinkedHashSet<>();
        group.subjects().stream().map(LookedWords::what).filter(w -> w != null).forEach(about::add);
        if (!about.isEmpty()) {
            line.append(": ").append(String.join("、", about));
        }
        List<String> why = group.purposes().stream().map(LookedWords::why).filter(w -> w != null).distinct().toList();
        if (!why.isEmpty() && "disclosure".equals(group.event())) {
            line.append("(目的: ").append(String.join("、", why)).append(")");
        }
        return line.toString();
    }
}
