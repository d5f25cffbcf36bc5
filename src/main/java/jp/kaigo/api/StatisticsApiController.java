package jp.kaigo.api;

import jakarta.servlet.http.HttpServletRequest;
import jp.kaigo.analytics.Dashboard;
import jp.kaigo.analytics.Statistics;
import jp.kaigo.identity.StaffAccounts;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 統計 (2次利用, docs/design/analytics.md) for a municipality's staff over the API, the same as the console's: build the
 * indicators again, read a dashboard (its tables, a suppressed number as "＊" with no number).
 */
@RestController
class StatisticsApiController {
    private final StaffAccounts staff;
    private final Statistics statistics;

    StatisticsApiController(StaffAccounts staff, Statistics statistics) {
        this.staff = staff;
        this.statistics = statistics;
    }

    @PostMapping("/api/statistics/rebuild")
    Statistics.Build rebuild(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http) {
        return statistics.rebuild(StaffController.session(staff, caller, http));
    }

    @GetMapping("/api/statistics")
    Dashboard dashboard(@AuthenticationPrincipal PartyUser caller, HttpServletRequest http,
            @RequestParam(required = false) String area, @RequestParam(required = false) String sex,
            @RequestParam(required = false) String age, @RequestParam(required = false) String level,
            @RequestParam(required = false) String month) {
        return statistics.dashboard(StaffController.session(staff, caller, http), area, sex, age, level, month);
    }
}
