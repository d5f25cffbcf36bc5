package jp.kaigo.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import jp.kaigo.shared.JapaneseDates;
import org.springframework.stereotype.Component;

/**
 * Dates as the pages show them, for the templates ({@code ${@dates.day(d)}}): 和暦 with the 西暦 year, the
 * same text as the records' sheets; a moment as that day and the time in Japan.
 */
@Component("dates")
public class Dates {
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    public String day(LocalDate date) {
        return date == null ? "" : JapaneseDates.format(date);
    }

    public String moment(Instant at) {
        return at == null ? "" : JapaneseDates.format(at.atZone(JAPAN).toLocalDate()) + " " + TIME.format(at.atZone(JAPAN));
    }
}
