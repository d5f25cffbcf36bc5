package jp.kaigo.cli;

import java.io.PrintStream;
import jp.kaigo.audit.AuditLog;
import jp.kaigo.audit.VerificationReport;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code audit verify}: recomputes the audit chain of a database and lists every changed, inserted or
 * removed entry and every daily head that no longer matches. Exit code 0 when intact, 1 otherwise.
 */
final class AuditCommand {
    private AuditCommand() {
    }

    static int run(Commands.Options options, PrintStream out) {
        if (options.positional().size() != 1 || !options.positional().get(0).equals("verify")) {
            throw new IllegalArgumentException("audit の操作は verify です");
        }
        var dataSource = new DriverManagerDataSource(options.required("jdbc-url"), options.get("user", "postgres"),
                options.get("password", ""));
        VerificationReport report;
        try {
            report = AuditLog.verify(dataSource);
        } catch (org.springframework.dao.DataAccessException e) {
            throw new IllegalArgumentException("データベースに接続できないか、監査ログを読めません: "
                    + e.getMostSpecificCause().getClass().getSimpleName());
        }
        out.println("監査ログ " + report.entriesChecked() + " 件を検証しました: "
                + (report.intact() ? "改ざんは見つかりません" : report.problems().size() + " 件の問題があります"));
        report.problems().forEach(p -> out.println("  " + p));
        return report.intact() ? 0 : 1;
    }
}
