package jp.kaigo.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import jp.kaigo.shared.JapaneseDates;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.PartyKind;
import org.springframework.stereotype.Component;

/**
 * Words the pages show for values kept as codes, for the templates ({@code ${@dates.day(d)}}): a date in 和暦
 * with the 西暦 year, the same text as the records' sheets; a moment as that day and the time in Japan; a 職種
 * and a kind of organisation by name.
 */
@Component("dates")
public class Dates {
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    /** The month of a day (the first of a 対象年月) as the paper writes it: 令和8年(2026年)10月. */
    public String month(LocalDate date) {
        return date == null ? "" : JapaneseDates.formatMonth(java.time.YearMonth.from(date));
    }

    public String day(LocalDate date) {
        return date == null ? "" : JapaneseDates.format(date);
    }

    /** A day in a list, short: 12月5日 this year, 令和7年12月5日 in another. */
    public String shortDay(LocalDate date) {
        return date == null ? "" : JapaneseDates.shortDay(date, LocalDate.now(JAPAN));
    }

    /** A moment in a list, short: 12月5日 10:30 this year. */
    public String shortMoment(Instant at) {
        return at == null ? "" : JapaneseDates.shortDay(at.atZone(JAPAN).toLocalDate(), LocalDate.now(JAPAN)) + " "
                + TIME.format(at.atZone(JAPAN));
    }

    public String moment(Instant at) {
        return at == null ? "" : JapaneseDates.format(at.atZone(JAPAN).toLocalDate()) + " " + TIME.format(at.atZone(JAPAN));
    }

    /** A 職種 as its Japanese name (the audit keeps the enum's name). */
    public String job(String name) {
        return name == null ? "" : JobType.parse(name).map(JobType::label).orElse(name);
    }

    /** A kind of organisation (office, municipality, …) as its Japanese name. */
    public String kind(String code) {
        return code == null ? "" : PartyKind.ofCode(code).map(PartyKind::label).orElse(code);
    }
}
