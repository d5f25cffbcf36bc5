package jp.kaigo.ingest;

import java.time.LocalDate;
import jp.kaigo.shared.JapaneseDates;
import java.util.Base64;
import java.util.UUID;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.Violation;

/** Collects every violation of a request before answering, so the caller can fix them all at once. */
public final class Inputs {
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private final List<Violation> violations = new ArrayList<>();

    public <T> T value(String text, Function<String, T> parse) {
        try {
            return parse.apply(text == null ? "" : text.strip());
        } catch (InvalidValue e) {
            violations.addAll(e.violations());
            return null;
        }
    }

    public LocalDate date(String text, String field, String label, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                violations.add(new Violation(field, label, "必須です"));
            }
            return null;
        }
        LocalDate date = JapaneseDates.parse(text).orElse(null);
        if (date == null) {
            violations.add(new Violation(field, label,
                    "日付の形式ではないか、存在しない日付です(例: 1937-08-07、19370807、昭和12年8月7日、S12.8.7)"));
        }
        return date;
    }

    /** The three parts of a My Number card's answer to a challenge, each checked. */
    public record CardAnswer(UUID challengeId, byte[] certificate, byte[] signature) {
    }

    public CardAnswer cardAnswer(String challengeId, String certificate, String signature) {
        return new CardAnswer(value(challengeId, v -> uuid(v, "challengeId", "チャレンジID")),
                value(certificate, v -> base64(v, "certificate", "カードの証明書")),
                value(signature, v -> base64(v, "signature", "署名")));
    }

    public static UUID uuid(String value, String field, String label) {
        if (value.isEmpty()) {
            throw new InvalidValue(field, label, "必須です");
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidValue(field, label, "形式が正しくありません");
        }
    }

    public static byte[] base64(String value, String field, String label) {
        if (value.isEmpty()) {
            throw new InvalidValue(field, label, "必須です");
        }
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidValue(field, label, "Base64 として読めません");
        }
    }


    /** An optional information category by its key; empty means every category. */
    public InformationCategory category(String key) {
        return key == null || key.isBlank() ? null : value(key, k -> InformationCategory.byKey(k)
                .orElseThrow(() -> new InvalidValue("category", "情報の種類", "情報の種類が正しくありません")));
    }

    /** A consent decision: {@code give} (true) or {@code refuse}, which also withdraws (false). */
    public boolean consentDecision(String value) {
        Boolean give = value(value, d -> switch (d) {
            case "give" -> true;
            case "refuse" -> false;
            default -> throw new InvalidValue("decision", "同意", "give(同意する)または refuse(同意しない・撤回する)を指定してください");
        });
        return Boolean.TRUE.equals(give);
    }

    /** A violation found by the caller's own rule. */
    public void reject(String field, String label, String reason) {
        violations.add(new Violation(field, label, reason));
    }

    public void check() {
        if (!violations.isEmpty()) {
            throw new InvalidValue(violations);
        }
    }

    public static LocalDate today() {
        return LocalDate.now(JAPAN);
    }
}
