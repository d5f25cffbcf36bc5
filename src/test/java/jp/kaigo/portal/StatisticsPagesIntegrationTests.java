package jp.kaigo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kaigo.identity.PlatformPki;
import jp.kaigo.identity.StaffAccounts;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.ingest.FileImports;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.Party;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 統計 (I18 §1–§5) over {@link StatisticsTown}: the municipality's officer sets its 日常生活圏域, builds the indicators and reads them by area and
 * care level, as tables, charts, CSV and a printable page; a cell of fewer than 10 persons shows ＊; the build is
 * audited as 2次利用; a 審査会委員 of the same municipality may not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatisticsPagesIntegrationTests {
    private static final AtomicInteger NEXT = new AtomicInteger(800);
    private static final String PAGE = "/portal/municipality/statistics";

    @LocalServerPort
    int port;
    @Autowired
    PlatformPki pki;
    @Autowired
    StaffAccounts staff;
    @Autowired
    InsuredRegistry registry;
    @Autowired
    FileImports imports;
    @Autowired
    JdbcClient sql;
    @Autowired
    jp.kaigo.analytics.Statistics statistics;

    String insurer;
    int n;
    StaffSession admin;
    StatisticsTown town;
    YearMonth lastMonth;

    @BeforeEach
    void aSmallTown() {
        n = NEXT.getAndIncrement();
        insurer = InsurerNumber.withCheckDigit("38" + n).value();
        town = StatisticsTown.load(registry, imports, insurer, n);
        lastMonth = town.lastMonth();
        var first = staff.registerFirstAdmin(Party.municipality(insurer), "admin" + n, Browser.STAFF_PASSWORD,
                JobType.CLERK);
        admin = StaffSignIn.session(staff, Party.municipality(insurer), first);
    }

    private PortalTerminal staffMember(String loginId, JobType job) {
        var enrolment = staff.createStaff(admin, loginId, Browser.STAFF_PASSWORD, job, List.of());
        return PortalTerminal.signedIn(pki, port, Party.municipality(insurer), loginId, Browser.STAFF_PASSWORD,
                Base32.decode(enrolment.totpSecret()));
    }

    @Test
    void theOfficerSetsAreasBuildsAndReadsTheIndicatorsWithSmallCellsSuppressed() {
        PortalTerminal officer = staffMember("stat" + n, JobType.MUNICIPAL_OFFICER);
        assertThat(officer.get(PAGE).body()).contains("まだ集計していません").contains("href=\"" + PAGE + "\"");

        HttpResponse<String> bad = officer.form(PAGE + "/areas", PAGE + "/areas", "areas=" + enc("北部,北町\n南部"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("2行目", "「圏域名,町名」の形で書いてください");
        assertThat(officer.get(PAGE + "/areas").body()).as("nothing kept").doesNotContain("北部,北町");
        HttpResponse<String> formula = officer.form(PAGE + "/areas", PAGE + "/areas", "areas=" + enc("=1+1,北町"));
        assertThat(formula.statusCode()).as("a name a spreadsheet would run as a formula").isEqualTo(400);
        assertThat(formula.body()).contains("1行目", "圏域名は = + - @ で始められず");
        HttpResponse<String> saved = officer.form(PAGE + "/areas", PAGE + "/areas", "areas=" + enc("北部,北町\n南部,南町"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);

        HttpResponse<String> built = officer.form(PAGE, PAGE + "/rebuild", "");
        assertThat(built.headers().firstValue("Location").orElseThrow()).endsWith(PAGE + "?built=68");
        String page = officer.get(PAGE).body();
        assertThat(page).contains("認定者数と認定率の推移", "<svg", "id=\"chart-trend\"", "要介護状態区分別の認定者数",
                "サービス種類別の利用者数", "区分支給限度基準額に対する利用率", "この表をCSVでダウンロード");
        assertThat(audited()).as("the build read the records for 2次利用, audited with the staff member")
                .anyMatch(p -> p.contains("2次利用"));

        String levels = new String(officer.download(PAGE + "/levels.csv?month=" + lastMonth).body(),
                StandardCharsets.UTF_8);
        assertThat(levels).contains("要介護2,25,0,25").as("3 persons at 要介護4, 8 at 要介護5: suppressed")
                .contains("要介護4,＊,0,＊", "要介護5,＊,0,＊").contains("認定者計,36,0,36");

        String south = new String(officer.download(PAGE + "/levels.csv?area=" + enc("南部") + "&month=" + lastMonth)
                .body(), StandardCharsets.UTF_8);
        assertThat(south).contains("圏域=南部", "要介護4,＊", "要介護5,＊").doesNotContain("要介護4,3", "要介護5,8")
                .as("the two suppressed cells count 11 together: their total is shown").contains("認定者計,11,0,11");

        String services = new String(officer.download(PAGE + "/services.csv?month=" + lastMonth).body(),
                StandardCharsets.UTF_8);
        assertThat(services).contains("訪問介護,25,125000,1125000");

        HttpResponse<String> print = officer.get(PAGE + "/print?month=" + lastMonth);
        assertThat(print.statusCode()).isEqualTo(200);
        assertThat(print.body()).contains("介護保険の統計", "印刷する", "要介護状態区分別の認定者数").doesNotContain("集計を更新する");

        HttpResponse<String> unknown = officer.get(PAGE + "?level=99");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("要介護状態区分", "選べる値ではありません");
    }

    @Test
    void aCommitteeMemberOfTheSameMunicipalitySeesNoStatistics() {
        PortalTerminal member = staffMember("member" + n, JobType.COMMITTEE_MEMBER);
        HttpResponse<String> page = member.get(PAGE);
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("認定審査会委員のアカウントでは");
        assertThat(member.form(PAGE, PAGE + "/rebuild", "").statusCode()).isEqualTo(403);
        assertThat(sql.sql("select count(*) from analytics.builds where insurer_no = ?").param(insurer)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void extractsArePseudonymisedPerExtractObjectionsHonouredAndEachPersonSeesTheOnesThatIncludedThem() {
        PortalTerminal officer = staffMember("extract" + n, JobType.MUNICIPAL_OFFICER);
        jp.kaigo.shared.InsuredPerson objector = town.person(1);
        jp.kaigo.shared.InsuredPerson other = town.person(2);
        statistics.object(objector, true);
        String extracts = "/portal/municipality/extracts";

        HttpResponse<String> bad = officer.form(extracts, extracts, "purpose=&basis=x&recipient=" + enc("大学")
                + "&from=2026-13&to=" + lastMonth);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("利用目的", "必須です", "提供の根拠", "選んでください", "開始月", "年月を YYYY-MM で書いてください");
        assertThat(count()).as("nothing registered").isZero();

        String research = made(officer.form(extracts, extracts, "purpose=" + enc("在宅生活の継続要因の研究") + "&basis=research"
                + "&recipient=" + enc("テスト大学 介護研究室") + "&from=" + lastMonth + "&to=" + lastMonth));
        String national = made(officer.form(extracts, extracts, "purpose=" + enc("介護DBへの定期提供") + "&basis=national-db"
                + "&recipient=" + enc("厚生労働省") + "&from=" + lastMonth + "&to=" + lastMonth + "&birthMonth=true"));
        assertThat(officer.get(extracts).body()).contains("在宅生活の継続要因の研究", "テスト大学 介護研究室", "67", "68");

        String first = gunzip(officer.download(extracts + "/" + research + ".csv.gz").body());
        String second = gunzip(officer.download(extracts + "/" + national + ".csv.gz").body());
        List<String> rows = first.lines().skip(1).toList();
        assertThat(rows).as("one row per person and month, the objector left out").hasSize(67);
        assertThat(first).as("no direct identifier").doesNotContain("統計 花子", "トウケイ", objector.insuredNo(),
                other.insuredNo(), "番地", "1946-05-10", "1946-05").contains("75-84");
        assertThat(rows).allMatch(r -> r.matches("[0-9a-f]{32}," + insurer + ",.*"));
        assertThat(second.lines().skip(1).toList()).as("the national DB's extract is required by law").hasSize(68)
                .allMatch(r -> r.contains(",1946-05,"));
        java.util.Set<String> a = first.lines().skip(1).map(r -> r.substring(0, 32)).collect(java.util.stream.Collectors.toSet());
        java.util.Set<String> b = second.lines().skip(1).map(r -> r.substring(0, 32)).collect(java.util.stream.Collectors.toSet());
        assertThat(a).hasSize(67).doesNotContainAnyElementsOf(b);

        assertThat(statistics.uses(objector).extracts()).extracting(e -> e.id().toString()).containsExactly(national);
        assertThat(statistics.uses(other).extracts()).extracting(e -> e.id().toString())
                .containsExactlyInAnyOrder(national, research);
        assertThat(statistics.uses(objector).objecting()).isTrue();
        assertThat(audited()).as("made and downloaded, each audited as 2次利用").filteredOn(p -> p.contains("2次利用"))
                .hasSizeGreaterThanOrEqualTo(4);

        PortalTerminal clerk = staffMember("clerk" + n, JobType.CLERK);
        assertThat(clerk.get(PAGE).statusCode()).as("the municipality's staff see the statistics").isEqualTo(200);
        HttpResponse<String> refused = clerk.get(extracts + "/" + research + ".csv.gz");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("個票データの作成・提供は保険者の市町村職員");
    }

    private static String gunzip(byte[] gzipped) {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String made(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.indexOf("made=") + 5);
    }

    private int count() {
        return sql.sql("select count(*) from analytics.extracts where insurer_no = ?").param(insurer)
                .query(Integer.class).single();
    }

    private List<String> audited() {
        return sql.sql("select purpose from audit.entries where person_insurer = ? and person_insured is null")
                .param(insurer).query(String.class).list();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
