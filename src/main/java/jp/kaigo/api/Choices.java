package jp.kaigo.api;

import java.util.Collection;
import java.util.Optional;
import jp.kaigo.shared.Violation;
import java.util.stream.Collectors;
import jp.kaigo.access.Purpose;
import jp.kaigo.shared.CareLevel;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.ServiceType;

/**
 * The API's closed sets of values (利用目的, 要介護状態区分, サービス種類, 情報の種類): each parsed here, and an
 * unknown value refused with the field and every value allowed (never with the value sent).
 */
final class Choices {
    private Choices() {
    }

    /** The purpose named by {@code purpose=care|medical|insurer|operation}, or null when none is given. */
    static Purpose purpose(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        // 2次利用 never reads one person's records: statistics and extracts have their own path (analytics)
        Purpose[] allowed = java.util.Arrays.stream(Purpose.values()).filter(p -> p != Purpose.SECONDARY_USE)
                .toArray(Purpose[]::new);
        return Purpose.byKey(key.strip()).filter(p -> p != Purpose.SECONDARY_USE).orElseThrow(() -> new InvalidValue(
                "purpose", "利用目的", oneOf(allowed, Purpose::key, Purpose::label)));
    }

    /** A 要介護状態区分 code (01, 06, 12, 13, 21–25), or null when none is given. */
    static CareLevel careLevel(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return CareLevel.find(code.strip()).orElseThrow(() -> new InvalidValue("careLevel", CareLevel.LABEL,
                oneOf(CareLevel.all().stream().map(l -> l.code() + "(" + l.name() + ")").toList())));
    }

    /** Unless the code is a current サービス種類コード, the violation (returned, so a request's other fields are checked too). */
    static Optional<Violation> unknownServiceType(String code) {
        if (ServiceType.find(code.strip()).filter(ServiceType::isCurrent).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Violation("serviceType", ServiceType.LABEL, oneOf(ServiceType.all().stream()
                .filter(ServiceType::isCurrent).map(ServiceType::code).sorted().toList())));
    }

    static InformationCategory category(String key) {
        return InformationCategory.byKey(key == null ? "" : key.strip()).orElseThrow(() -> new InvalidValue("category",
                "情報の種類", oneOf(InformationCategory.values(), InformationCategory::key,
                        InformationCategory::label)));
    }

    /** "One of: key(label)、…" for an enum's values. */
    static <E> String oneOf(E[] values, java.util.function.Function<E, String> key, java.util.function.Function<E, String> label) {
        return oneOf(java.util.Arrays.stream(values).map(v -> key.apply(v) + "(" + label.apply(v) + ")").toList());
    }

    static String oneOf(Collection<String> allowed) {
        return "次のいずれかを指定してください: " + allowed.stream().collect(Collectors.joining("、"));
    }
}
