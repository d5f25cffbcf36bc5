package jp.kaigo.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.kaigo.analytics.Dashboard;
import jp.kaigo.analytics.Statistics;
import jp.kaigo.ingest.FileImports;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.shared.InvalidValue;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 統計 (2次利用, docs/design/analytics.md): the municipality's dashboard with its filters, charts and tables, each
 * table as CSV, a printable page for the 事業計画 committee, 集計を更新する and the 日常生活圏域.
 */
@Controller
class StatisticsController {
    private static final String PAGE = "/portal/municipality/statistics";
    private final SignedIn signedIn;
    private final Statistics statistics;

    StatisticsController(SignedIn signedIn, Statistics statistics) {
        this.signedIn = signedIn;
        this.statistics = statistics;
    }

    @GetMapping({PAGE, PAGE + "/print"})
    String dashboard(HttpServletRequest request, HttpServletResponse response, Model model,
            @RequestParam(required = false) String area, @RequestParam(required = false) String sex,
            @RequestParam(required = false) String age, @RequestParam(required = false) String level,
            @RequestParam(required = false) String month) {
        StaffSession me = signedIn.staff(request, response);
        model.addAttribute("me", me);
        Dashboard dashboard = statistics.dashboard(me, area, sex, age, level, month);
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("query", query(dashboard.filter()));
        return request.getRequestURI().endsWith("/print") ? "portal/municipality/statistics-print"
                : "portal/municipality/statistics";
    }

    @PostMapping(PAGE + "/rebuild")
    String rebuild(HttpServletRequest request, HttpServletResponse response) {
        StaffSession me = signedIn.staff(request, response);
        Statistics.Build build = statistics.rebuild(me);
        return "redirect:" + PAGE + "?built=" + build.persons();
    }

    @GetMapping(PAGE + "/{table}.csv")
    ResponseEntity<byte[]> csv(HttpServletRequest request, HttpServletResponse response, @PathVariable String table,
            @RequestParam(required = false) String area, @RequestParam(required = false) String sex,
            @RequestParam(required = false) String age, @RequestParam(required = false) String level,
            @RequestParam(required = false) String month) {
        StaffSession me = signedIn.staff(request, response);
        Dashboard dashboard = statistics.dashboard(me, area, sex, age, level, month);
        Dashboard.Table t = dashboard.table(table);
        Dashboard.Filter f = dashboard.filter();
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(line(List.of("# " + t.title(), "圏域=" + f.area(), "性別=" + f.sex(), "年齢階級=" + f.age(),
                "要介護状態区分=" + f.level(), "集計=" + dashboard.builtAt(), "＊=秘匿(10人未満)"))).append(line(t.headers()));
        for (Dashboard.Row row : t.rows()) {
            csv.append(line(Stream.concat(Stream.of(row.label()), row.cells().stream()
                    .map(c -> c.number() != null ? String.valueOf(c.number()) : c.text())).toList()));
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(t.id() + "-" + f.month() + ".csv").build().toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping(PAGE + "/areas")
    String areas(HttpServletRequest request, HttpServletResponse response, Model model) {
        StaffSession me = signedIn.staff(request, response);
        model.addAttribute("me", me);
        model.addAttribute("areas", statistics.areas(me));
        return "portal/municipality/statistics-areas";
    }

    @PostMapping(PAGE + "/areas")
    String defineAreas(HttpServletRequest request, HttpServletResponse response, Model model,
            @RequestParam(defaultValue = "") String areas) {
        StaffSession me = signedIn.staff(request, response);
        try {
            statistics.defineAreas(me, areas);
        } catch (InvalidValue e) {
            model.addAttribute("me", me);
            model.addAttribute("areas", areas);
            model.addAttribute("errors", e.violations());
            response.setStatus(400);
            return "portal/municipality/statistics-areas";
        }
        return "redirect:" + PAGE + "?areas=saved";
    }

    private static String query(Dashboard.Filter f) {
        return Stream.of("area=" + f.area(), "sex=" + f.sex(), "age=" + f.age(), "level=" + f.level(),
                f.month() == null ? "" : "month=" + f.month()).filter(s -> !s.isEmpty())
                .map(s -> s.substring(0, s.indexOf('=') + 1)
                        + java.net.URLEncoder.encode(s.substring(s.indexOf('=') + 1), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String line(List<String> cells) {
        return cells.stream().map(FileImports::spreadsheetField).collect(Collectors.joining(",")) + "\r\n";
    }
}
