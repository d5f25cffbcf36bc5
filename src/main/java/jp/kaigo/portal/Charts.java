package jp.kaigo.portal;

import java.util.ArrayList;
import java.util.List;
import jp.kaigo.analytics.Dashboard;
import org.springframework.stereotype.Component;

/**
 * Server-drawn SVG charts of a dashboard table's first column (no script, no chart library at run time): a trend
 * line over the months or a bar per row (the total row left out). A suppressed value breaks the line / draws no bar
 * and is marked ＊ under its label.
 */
@Component("charts")
public class Charts {
    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    static final int LEFT = 64;
    static final int BOTTOM = 40;
    static final int TOP = 16;

    /** A label on the horizontal axis, where its mark is. */
    public record Tick(double x, String label, boolean suppressed) {
    }

    public record Bar(double x, double y, double width, double height, String label, String value) {
    }

    /** A drawn chart: polyline segments (each "x,y x,y …"), bars, the value at the top of the scale. */
    public record Chart(String kind, String title, List<String> segments, List<double[]> points, List<Bar> bars,
            List<Tick> ticks, String top, int width, int height, int left, int baseline) {
    }

    public Chart of(Dashboard.Table table) {
        List<Dashboard.Row> rows = table.chart().equals("bars") ? table.rows().subList(0, Math.max(0, table.rows().size() - 1))
                : table.rows();
        long max = 1;
        for (Dashboard.Row row : rows) {
            Long n = row.cells().get(0).number();
            if (n != null) {
                max = Math.max(max, n);
            }
        }
        long top = niceCeiling(max);
        int plotHeight = HEIGHT - BOTTOM - TOP;
        int baseline = HEIGHT - BOTTOM;
        double step = rows.isEmpty() ? 0 : (WIDTH - LEFT - 16) / (double) rows.size();
        List<Tick> ticks = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        List<String> segments = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        StringBuilder segment = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            Dashboard.Row row = rows.get(i);
            double x = LEFT + step * i + step / 2;
            Long n = row.cells().get(0).number();
            ticks.add(new Tick(x, shortLabel(row.label()), n == null));
            if (n == null) {
                if (segment.length() > 0) {
                    segments.add(segment.toString().strip());
                    segment.setLength(0);
                }
                continue;
            }
            double y = baseline - plotHeight * (n / (double) top);
            if (table.chart().equals("bars")) {
                bars.add(new Bar(x - step * 0.35, y, step * 0.7, baseline - y, row.label(), row.cells().get(0).text()));
            } else {
                segment.append(String.format("%.1f,%.1f ", x, y));
                points.add(new double[] {x, y});
            }
        }
        if (segment.length() > 0) {
            segments.add(segment.toString().strip());
        }
        return new Chart(table.chart(), table.title() + "(" + table.headers().get(1) + ")", segments, points, bars,
                ticks, String.format("%,d", top), WIDTH, HEIGHT, LEFT, baseline);
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
