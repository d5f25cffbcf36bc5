package jp.kaigo.portal;

import java.util.ArrayList;
import java.util.List;
import jp.kaigo.analytics.Dashboard;
import org.springframework.stereotype.Component;

/**
 * Server-drawn SVG charts of a dashboard table (no script, no chart library at run time): a line per series over the
 * months, or a bar per row for the first series (the total row left out). A suppressed value breaks its line or draws
 * no bar, and its label is marked ＊.
 */
@Component("charts")
public class Charts {
    static final int WIDTH = 640;
    static final int HEIGHT = 240;
    static final int LEFT = 64;
    static final int BOTTOM = 40;
    static final int TOP = 28;

    /** A label on the horizontal axis, where its mark is. */
    public record Tick(double x, String label, boolean suppressed) {
    }

    public record Bar(double x, double y, double width, double height, String label, String value) {
    }

    /** One line: its name (the column), its segments ("x,y x,y …", broken where a value is suppressed), its points. */
    public record Line(int index, String name, List<String> segments, List<double[]> points, double legendX) {
    }

    /** A drawn chart: lines or bars, the axis labels, the value at the top of the scale. */
    public record Chart(String kind, String title, List<Line> lines, List<Bar> bars, List<Tick> ticks, String top,
            int width, int height, int left, int baseline) {
    }

    public Chart of(Dashboard.Table table) {
        boolean bars = table.chart().equals("bars");
        List<Dashboard.Row> rows = bars ? table.rows().subList(0, Math.max(0, table.rows().size() - 1)) : table.rows();
        List<Integer> series = bars ? table.series().subList(0, 1) : table.series();
        long max = 1;
        for (Dashboard.Row row : rows) {
            for (int column : series) {
                Long n = row.cells().get(column).number();
                max = n == null ? max : Math.max(max, n);
            }
        }
        long top = niceCeiling(max);
        int baseline = HEIGHT - BOTTOM;
        double step = rows.isEmpty() ? 0 : (WIDTH - LEFT - 16) / (double) rows.size();
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Dashboard.Row row = rows.get(i);
            boolean hidden = series.stream().anyMatch(c -> row.cells().get(c).number() == null);
            ticks.add(new Tick(LEFT + step * i + step / 2, shortLabel(row.label()), hidden));
        }
        List<Line> lines = new ArrayList<>();
        List<Bar> drawn = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            int column = series.get(s);
            List<String> segments = new ArrayList<>();
            List<double[]> points = new ArrayList<>();
            StringBuilder segment = new StringBuilder();
            for (int i = 0; i < rows.size(); i++) {
                Dashboard.Cell cell = rows.get(i).cells().get(column);
                double x = LEFT + step * i + step / 2;
                if (cell.number() == null) {
                    close(segment, segments);
                    continue;
                }
                double y = baseline - (baseline - TOP) * (cell.number() / (double) top);
                if (bars) {
                    drawn.add(new Bar(x - step * 0.35, y, step * 0.7, baseline - y, rows.get(i).label(), cell.text()));
                } else {
                    segment.append(String.format("%.1f,%.1f ", x, y));
                    points.add(new double[] {x, y});
                }
            }
            close(segment, segments);
            if (!bars) {
                lines.add(new Line(s, table.headers().get(column + 1), segments, points, LEFT + 140.0 * s));
            }
        }
        String names = String.join("・", series.stream().map(c -> table.headers().get(c + 1)).toList());
        return new Chart(table.chart(), table.title() + "(" + names + ")", lines, drawn, ticks,
                String.format("%,d", top), WIDTH, HEIGHT, LEFT, baseline);
    }

    private static void close(StringBuilder segment, List<String> segments) {
        if (segment.length() > 0) {
            segments.add(segment.toString().strip());
            segment.setLength(0);
        }
    }

    private static String shortLabel(String label) {
        return label.matches("\\d{4}年\\d{1,2}月") ? label.substring(2) : label.length() > 6 ? label.substring(0, 6) : label;
    }

    /** 1, 2 or 5 times a power of ten, at least the value. */
    static long niceCeiling(long value) {
        long power = 1;
        while (power * 10 <= value) {
            power *= 10;
        }
        for (long m : new long[] {1, 2, 5, 10}) {
            if (m * power >= value) {
                return m * power;
            }
        }
        return 10 * power;
    }
}
