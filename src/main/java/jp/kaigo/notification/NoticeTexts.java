package jp.kaigo.notification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kaigo.shared.CareLevel;
import jp.kaigo.shared.DecisionOverdue;
import jp.kaigo.shared.JapaneseDates;

/** What each kind of notice says, from the codes and dates kept with it (Japanese; the person reads it signed in). */
final class NoticeTexts {
    private NoticeTexts() {
    }

    static List<String> lines(NoticeKind kind, Map<String, String> params) {
        List<String> lines = new ArrayList<>();
        switch (kind) {
            case CERTIFICATION_RESULT -> {
                String level = CareLevel.find(params.getOrDefault("level", "")).map(CareLevel::name).orElse("(不明)");
                lines.add("要介護認定の結果が出ました。");
                lines.add("要介護状態区分:" + level);
                lines.add("認定日:" + date(params.get("certifiedOn")));
                if (params.get("validFrom") != null || params.get("validTo") != null) {
                    lines.add("認定の有効期間:" + date(params.get("validFrom")) + "から" + date(params.get("validTo")) + "まで");
                }
            }
            case RENEWAL_REMINDER -> {
                lines.add("いまの要介護認定の有効期間は " + date(params.get("certValidTo")) + " までです。");
                lines.add("引き続き介護保険のサービスを利用するには、有効期間が終わる前に更新の申請をしてください"
                        + "(有効期間が終わる日の60日前から申請できます)。");
            }
            case POSTPONEMENT -> {
                String reason = reason(params.get("reason"));
                lines.add(date(params.get("appliedOn")) + " に申請された要介護認定は、" + reason
                        + "、申請の日から30日以内に結果をお知らせできません。");
                lines.add("結果をお知らせできる見込み:"
                        + (params.get("expectedOn") == null ? "未定" : date(params.get("expectedOn"))));
            }
        }
        return List.copyOf(lines);
    }

    private static String reason(String code) {
        try {
            return DecisionOverdue.Reason.valueOf(code).label();
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return DecisionOverdue.Reason.OTHER.label();
        }
    }

    private static String date(String iso) {
        return iso == null ? "未定" : JapaneseDates.format(LocalDate.parse(iso));
    }
}
