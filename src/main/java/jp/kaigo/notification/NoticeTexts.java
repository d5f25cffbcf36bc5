package jp.kaigo.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kaigo.shared.CareLevel;
import jp.kaigo.shared.DecisionOverdue;
import jp.kaigo.shared.JapaneseDates;
import jp.kaigo.shared.PartyKind;

/** What each kind of notice says, from the codes and dates kept with it (Japanese; the person reads it signed in). */
final class NoticeTexts {
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

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
            case BREAK_GLASS -> {
                lines.add(organisation(params) + "が、緊急時の閲覧の手続きで、あなたの介護の情報を見られるようにしました。");
                lines.add("見られる期間:" + moment(params.get("openedAt")) + "から" + moment(params.get("expiresAt"))
                        + "まで");
                lines.add("理由は「わたしの情報を見た記録」で確認できます。心当たりがないときは、お住まいの市町村にご連絡ください。");
            }
            case PLAN_PROPOSED -> {
                lines.add(organisation(params) + "から、ケアプラン(" + date(params.get("planDate"))
                        + " 作成)の原案が届きました。");
                lines.add("「ケアプラン」で内容を確認し、「同意する」か「同意しない」を選んでください。"
                        + "同意したケアプランが交付されると、サービスを提供する事業所にも届きます。");
            }
            case PLAN_ISSUED -> {
                lines.add(organisation(params) + "が、ケアプラン(" + date(params.get("planDate")) + " 作成)を交付しました。");
                lines.add("内容は「ケアプラン」でいつでも確認できます。"
                        + ("0".equals(params.get("recipients")) ? ""
                                : "計画に書かれたサービス事業所(" + params.get("recipients") + "か所)にも届けました。"));
            }
            case BENEFIT_STATEMENT -> {
                lines.add(month(params.get("serviceMonth")) + "にご利用の介護サービスの費用をお知らせします(介護給付費通知)。");
                lines.add("サービスの件数:" + params.get("services") + "件 / 費用の総額:" + yen(params.get("totalCost"))
                        + " / うちあなたの負担:" + yen(params.get("userCharge")));
                lines.add("明細は「介護給付費通知」で確認できます。受けた覚えのないサービスや、日数・回数の違いがあれば、"
                        + "お住まいの市町村にご連絡ください。");
            }
            case BURDEN_RATIO_CHANGED, BURDEN_LIMIT_CHANGED -> {
                boolean ratio = kind == NoticeKind.BURDEN_RATIO_CHANGED;
                lines.add((ratio ? "負担割合証" : "負担限度額認定証") + "の内容が新しくなりました。");
                lines.add((ratio ? "利用者負担の割合:" : "利用者負担段階:") + params.get("value") + "(" + date(params.get("validFrom"))
                        + (params.get("validTo") == null ? "から" : "から" + date(params.get("validTo")) + "まで") + ")");
                lines.add("サービスを利用している事業所は、介護保険資格確認等WEBサービスで新しい内容を確認します。"
                        + "内容は「わたしの介護情報」でいつでも見られます。");
            }
            case CONSENT_RECORDED -> {
                String about = (params.get("partyNumber") == null ? "すべての事業所・医療機関"
                        : organisation(Map.of("organisationKind", params.get("partyKind"), "organisationNumber",
                                params.get("partyNumber")))) + "に、" + params.getOrDefault("categoryLabel", "すべての介護の情報")
                        + "を見せることに";
                String answer = "true".equals(params.get("give")) ? "「同意する」" : "「同意しない(撤回)」";
                lines.add(switch (params.getOrDefault("by", "")) {
                    case "municipality" -> "市町村が、要介護認定の申請のときにいただいた包括同意を登録しました(" + moment(params.get("at"))
                            + ")。あなたを担当する事業所・医療機関は、サービスのために介護の情報を見られます。";
                    case "representative" -> "代理人が、" + about + answer + "と記録しました(" + moment(params.get("at")) + ")。";
                    case "terminal" -> "事業所の端末で、マイナンバーカードの署名により、" + about + answer + "と記録しました("
                            + moment(params.get("at")) + ")。";
                    default -> "事業所が、口頭または書面でいただいた同意を記録しました:" + about + answer + "("
                            + moment(params.get("at")) + ")。";
                });
                lines.add("同意はいつでも「わたしの介護情報」で確かめ、撤回できます。心当たりがないときは、お住まいの市町村にご連絡ください。");
            }
            case FIRST_ACCESS -> {
                lines.add(organisation(params) + "が、はじめてあなたの介護の情報を見ました(" + moment(params.get("at"))
                        + ")。");
                lines.add("見た記録は「わたしの情報を見た記録」で確認できます。心当たりがないときは、同意を取り消すか、"
                        + "お住まいの市町村にご連絡ください。");
            }
        }
        return List.copyOf(lines);
    }

    private static String month(String iso) {
        return JapaneseDates.formatMonth(java.time.YearMonth.parse(iso));
    }

    private static String yen(String amount) {
        return amount == null ? "—" : String.format("%,d円", Long.parseLong(amount));
    }

    private static String reason(String code) {
        try {
            return DecisionOverdue.Reason.valueOf(code).label();
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return DecisionOverdue.Reason.OTHER.label();
        }
    }

    /** 介護事業所「名称」(番号), the kind's label when the name is not in the master. */
    private static String organisation(Map<String, String> params) {
        String kind = PartyKind.ofCode(params.getOrDefault("organisationKind", "")).map(PartyKind::label)
                .orElse("事業所・医療機関");
        String name = params.get("organisationName");
        return kind + (name == null ? "" : "「" + name + "」") + "(" + params.get("organisationNumber") + ")";
    }

    private static String moment(String iso) {
        if (iso == null) {
            return "未定";
        }
        var at = Instant.parse(iso).atZone(JAPAN);
        return JapaneseDates.format(at.toLocalDate()) + " " + String.format("%d:%02d", at.getHour(), at.getMinute());
    }

    private static String date(String iso) {
        return iso == null ? "未定" : JapaneseDates.format(LocalDate.parse(iso));
    }
}
