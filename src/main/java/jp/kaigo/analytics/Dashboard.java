package jp.kaigo.analytics;

import java.time.YearMonth;
import java.util.List;

/**
 * What a dashboard page shows: the filters as chosen and the choices offered, when the indicators were built, and
 * the tables (each also a CSV and a chart). A suppressed number is shown as {@link #SUPPRESSED}.
 */
public record Dashboard(Filter filter, Choices choices, String builtAt, YearMonth from, YearMonth to,
        List<Table> tables) {

    public static final String SUPPRESSED = "＊";
    public static final String NOT_APPLICABLE = "−";

    /** The filters: each a dimension value (計 for all) and the month of the tables that show one month. */
    public record Filter(String area, String sex, String age, String level, YearMonth month) {
    }

    /** A value offered for a filter. */
    public record Choice(String value, String label) {
    }

    public record Choices(List<Choice> areas, List<Choice> sexes, List<Choice> ages, List<Choice> levels,
            List<YearMonth> months) {
    }

    /** One number or text of a table: {@code number} null when suppressed or not a count or sum. */
    public record Cell(String text, Long number) {
        static Cell of(Long number) {
            return new Cell(number == null ? SUPPRESSED : String.format("%,d", number), number);
        }
    }

    public record Row(String label, List<Cell> cells) {
    }

    /**
     * A table: {@code chart} says how the columns {@code series} (indexes into a row's cells) are drawn — trend: a
     * line each over the rows; bars: a bar per row for the first of them, the last row being the total and left out;
     * none.
     */
    public record Table(String id, String title, String note, List<String> headers, List<Row> rows, String chart,
            List<Integer> series) {
    }

    public Table table(String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(
                () -> new jp.kaigo.shared.InvalidValue("table", "表", "ありません"));
    }
}
