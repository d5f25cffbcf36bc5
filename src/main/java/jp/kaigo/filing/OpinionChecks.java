package jp.kaigo.filing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.kaigo.shared.Violation;

/**
 * The checks of a 主治医意見書 that its layout cannot make because they need facts outside the payload (design §5.2,
 * OpinionLayout's class comment): 医療機関コード is the sending institution's (the one its certificate names), and
 * 記入日 lies between the day the 作成依頼 was sent and today. Pure; the API and the portal reach it through
 * {@link DocumentRouting#send}, before anything is stored.
 *
 * <p>A value the layout itself refuses (not 10 digits, not a date) is left to the layout's own message, so one field
 * gets one reason.
 */
final class OpinionChecks {
    static final String INSTITUTION_CODE = "institutionCode";
    static final String INSTITUTION_LABEL = "医療機関コード";
    static final String WRITTEN_ON = "writtenOn";
    static final String WRITTEN_ON_LABEL = "記入日";
    private static final Pattern TEN_DIGITS = Pattern.compile("[0-9]{10}");

    private OpinionChecks() {
    }

    /**
     * The violations of the payload given the sending institution's code, the day (JST) the request it answers was
     * sent and today (JST); empty when it passes.
     */
    static List<Violation> check(Map<String, String> payload, String senderInstitution, LocalDate requestSentOn,
            LocalDate today) {
        if (payload == null) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>();
        String code = stripped(payload.get(INSTITUTION_CODE));
        if (code != null && TEN_DIGITS.matcher(code).matches() && !code.equals(senderInstitution)) {
            violations.add(new Violation(INSTITUTION_CODE, INSTITUTION_LABEL,
                    "送信する医療機関の医療機関コードと一致しません"));
        }
        Optional<LocalDate> written = date(stripped(payload.get(WRITTEN_ON)));
        if (written.isPresent() && requestSentOn != null && written.get().isBefore(requestSentOn)) {
            violations.add(new Violation(WRITTEN_ON, WRITTEN_ON_LABEL,
                    "意見書作成依頼の日(" + requestSentOn + ")より前の日付は指定できません"));
        }
        if (written.isPresent() && written.get().isAfter(today)) {
            violations.add(new Violation(WRITTEN_ON, WRITTEN_ON_LABEL, "未来の日付は指定できません"));
        }
        return violations;
    }

    private static String stripped(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** As the layout reads a date: YYYY-MM-DD or YYYYMMDD, an existing day; anything else is the layout's to refuse. */
    private static Optional<LocalDate> date(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(text.length() == 8 ? LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE)
                    : LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
