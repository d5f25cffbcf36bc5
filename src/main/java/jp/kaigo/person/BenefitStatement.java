package jp.kaigo.person;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * 介護給付費通知 of one サービス提供年月 (docs/design/care-documents.md §8): each service the 給付実績 records (office, kind,
 * days, units, the 費用の総額 = 保険請求額 + 公費請求額 + 利用者負担額, and the person's share), with the month's totals.
 */
public record BenefitStatement(YearMonth month, List<Line> lines, long totalCost, long userCharge) {

    public record Line(String officeNo, String officeName, String serviceType, String serviceTypeName, Integer days,
            long units, long totalCost, long userCharge) {
    }

    /** The statements of every month the claims records cover, newest first; {@code names}: office number → name. */
    static List<BenefitStatement> of(List<Map<String, Object>> claims, Function<String, String> names) {
        Map<YearMonth, List<Line>> byMonth = new TreeMap<>(Comparator.reverseOrder());
        for (Map<String, Object> claim : claims) {
            Object month = claim.get("serviceMonth");
            if (month == null) {
                continue;
            }
            long insurance = number(claim.get("insuranceClaim"));
            long publicClaim = number(claim.get("publicClaim"));
            long charge = number(claim.get("userCharge"));
            String office = text(claim.get("officeNo"));
            byMonth.computeIfAbsent(YearMonth.parse(month.toString().substring(0, 7)), m -> new ArrayList<>())
                    .add(new Line(office, office == null ? null : names.apply(office), text(claim.get("serviceType")),
                            text(claim.get("serviceTypeName")), claim.get("days") instanceof Number d ? d.intValue() : null,
                            number(claim.get("units")), insurance + publicClaim + charge, charge));
        }
        List<BenefitStatement> statements = new ArrayList<>();
        Comparator<Line> order = Comparator.comparing(Line::officeNo, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Line::serviceType, Comparator.nullsLast(Comparator.naturalOrder()));
        byMonth.forEach((month, lines) -> statements.add(new BenefitStatement(month, lines.stream().sorted(order).toList(),
                lines.stream().mapToLong(Line::totalCost).sum(), lines.stream().mapToLong(Line::userCharge).sum())));
        return statements;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
