package jp.kaigo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kaigo.access.AccessReason;
import jp.kaigo.identity.Totp;
import jp.kaigo.portal.PortalTerminal;
import jp.kaigo.shared.Party;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The municipality's 審査会 pages in the portal (design §6.2, §6.3, §8.3 step 8): the 市町村職員 creates a board and
 * names its member, creates a meeting, puts the person's case (一次判定 in) on it, is refused publishing until the
 * masking is reviewed, reviews the packet as written beside what the committee gets, and publishes, after which the
 * member finds the packet. Bad input comes back beside its field and changes nothing; the administrator (not a
 * 市町村職員) is shown the denial.
 */
class AgendaPagesIntegrationTests extends ExchangeApiTests {
    private static final String AGENDAS = "/portal/municipality/agendas";
    private static final String BOARDS = "/portal/municipality/boards";
    private static final Pattern AGENDA_PAGE = Pattern.compile("/portal/municipality/agendas/([0-9a-f-]{36})\\?created$");

    private ApiClient admin;
    private PortalTerminal adminPortal;
    private ApiClient officer;
    private PortalTerminal officerPortal;
    private UUID caseId;

    @BeforeEach
    void officerWithAnAcceptedCase() {
        byte[] secret = enrolFirstAdmin(api, "admin.clerk");
        admin = signedInAt(api, "admin.clerk", secret);
        adminPortal = PortalTerminal.signedIn(pki, port, Party.municipality(insurer), "admin.clerk", STAFF_PASSWORD,
                secret);
        byte[] officerSecret = account("officer", "MUNICIPAL_OFFICER");
        officer = signedInAt(admin.withToken(null), "officer", officerSecret);
        officerPortal = PortalTerminal.signedIn(pki, port, Party.municipality(insurer), "officer", STAFF_PASSWORD,
                officerSecret);
        caseId = acceptedCase(officer);
    }

    @Test
    void theOfficerPreparesTheMeetingReviewsTheMaskingAndPublishes() {
        atFirstJudgementWithSurveyNotes();
        PortalTerminal member = PortalTerminal.signedIn(pki, port, Party.municipality(insurer), "member.one",
                STAFF_PASSWORD, account("member.one", "COMMITTEE_MEMBER"));

        HttpResponse<String> boards = officerPortal.get(BOARDS);
        assertThat(boards.statusCode()).isEqualTo(200);
        assertThat(boards.body()).contains("<h1>合議体</h1>", "合議体はまだありません", "id=\"boardNo\"", "id=\"name\"",
                "合議体を作成する");
        HttpResponse<String> board = officerPortal.form(BOARDS, BOARDS, "boardNo=1&name=" + PortalTerminal.enc("北部合議体"));
        assertThat(location(board)).isEqualTo(BOARDS + "/1?created");
        HttpResponse<String> member1 = officerPortal.form(BOARDS + "/1", BOARDS + "/1/members",
                "loginId=member.one&validFrom=" + TODAY.minusDays(30) + "&validTo=");
        assertThat(location(member1)).isEqualTo(BOARDS + "/1?added");
        assertThat(officerPortal.get(BOARDS + "/1?added").body()).contains("委員を追加しました", "member.one", "定めなし");

        HttpResponse<String> list = officerPortal.get(AGENDAS);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("<h1>審査会</h1>", "会議はまだありません", "第1合議体 北部合議体",
                "id=\"boardNo\"", "id=\"meetingOn\"", "会議を作成する");
        HttpResponse<String> created = newAgenda(officerPortal, "boardNo=1&meetingOn=" + TODAY.plusDays(3));
        Matcher id = AGENDA_PAGE.matcher(location(created));
        assertThat(id.find()).as(location(created)).isTrue();
        String agenda = AGENDAS + "/" + id.group(1);
        assertThat(officerPortal.get(agenda + "?created").body()).contains("会議を作成しました", "準備中",
                "案件はまだありません", "id=\"insuredNo\"", "案件を追加する");

        HttpResponse<String> added = officerPortal.form(agenda, agenda + "/cases", "insuredNo=" + PERSON);
        assertThat(location(added)).isEqualTo(agenda + "?added=1");
        HttpResponse<String> withCase = officerPortal.get(agenda + "?added=1");
        assertThat(withCase.body()).contains("id=\"case-1\"", PERSON, "未確認", agenda + "/cases/1", "公開する");

        HttpResponse<String> early = officerPortal.form(agenda, agenda + "/publish", "");
        assertThat(early.statusCode()).as("publishing before the review is refused").isEqualTo(409);
        assertThat(early.body()).contains("id=\"error-publish\"", "マスキングの確認が済んでいない案件があります(事例番号 1)");
        assertThat(packets()).isZero();
        assertThat(agendaStatus()).isEqualTo("draft");

        HttpResponse<String> review = officerPortal.get(agenda + "/cases/1");
        assertThat(review.statusCode()).as(review.body()).isEqualTo(200);
        assertThat(review.body()).contains("マスキングの確認", "記載どおり", "審査会委員に届く資料", "マスキングを確認しました");
        String written = column(review.body(), "surveyNotes", "written");
        String masked = column(review.body(), "surveyNotes", "masked");
        assertThat(written).as("as written: the officer sees what is masked").contains("介護 花子", "090-1111-2222");
        assertThat(masked).as("what the committee gets, masked places marked")
                .contains("<mark class=\"masked\">＊＊＊</mark>", "歩行は見守りが必要")
                .doesNotContain("花子", "090-1111-2222", PERSON, "テスト村1番地");

        HttpResponse<String> reviewed = officerPortal.form(agenda + "/cases/1", agenda + "/cases/1/review", "");
        assertThat(location(reviewed)).isEqualTo(agenda + "?reviewed=1");
        assertThat(officerPortal.get(agenda + "?reviewed=1").body()).contains("事例番号 1 のマスキングを確認済みにしました",
                "確認済").doesNotContain("未確認の案件");

        HttpResponse<String> published = officerPortal.form(agenda, agenda + "/publish", "");
        assertThat(location(published)).isEqualTo(agenda + "?published");
        assertThat(packets()).isEqualTo(1);
        String packetId = sql.sql("select document_id::text from exchange.documents where insurer_no = :i"
                + " and kind = 'committee-packet'").param("i", insurer).query(String.class).single();
        HttpResponse<String> after = officerPortal.get(agenda + "?published");
        assertThat(after.body()).contains("公開しました", "<dd id=\"status\">公開済</dd>", packetId)
                .doesNotContain("id=\"case-form\"", "id=\"publish-form\"");
        assertThat(officerPortal.get(AGENDAS).body()).contains("公開済");
        assertThat(member.get("/portal/committee").body()).as("the member finds the packet")
                .contains("/portal/committee/packets/" + packetId);
    }

    @Test
    void badInputComesBackBesideTheFieldAndChangesNothing() {
        officerPortal.form(BOARDS, BOARDS, "boardNo=1&name=" + PortalTerminal.enc("北部合議体"));

        HttpResponse<String> sameNumber = officerPortal.form(BOARDS, BOARDS, "boardNo=1&name=x");
        assertThat(sameNumber.statusCode()).isEqualTo(400);
        assertThat(field(sameNumber.body(), "boardNo")).contains("この番号の合議体はすでにあります");
        HttpResponse<String> noLogin = officerPortal.form(BOARDS + "/1", BOARDS + "/1/members",
                "loginId=nobody&validFrom=" + TODAY + "&validTo=" + TODAY.minusDays(1));
        assertThat(noLogin.statusCode()).isEqualTo(400);
        assertThat(field(noLogin.body(), "loginId")).contains("認定審査会委員のアカウントではありません", "value=\"nobody\"");
        HttpResponse<String> officerAsMember = officerPortal.form(BOARDS + "/1", BOARDS + "/1/members",
                "loginId=officer&validFrom=" + TODAY);
        assertThat(field(officerAsMember.body(), "loginId")).as("only a 認定審査会委員 may sit on a board")
                .contains("認定審査会委員のアカウントではありません");
        account("member.two", "COMMITTEE_MEMBER");
        HttpResponse<String> endsBeforeStart = officerPortal.form(BOARDS + "/1", BOARDS + "/1/members",
                "loginId=member.two&validFrom=" + TODAY + "&validTo=" + TODAY.minusDays(1));
        assertThat(endsBeforeStart.statusCode()).isEqualTo(400);
        assertThat(field(endsBeforeStart.body(), "validTo")).contains("開始日より前の日付です");
        assertThat(endsBeforeStart.body()).as("the login ID was right").doesNotContain("id=\"error-loginId\"");
        assertThat(count("certification.board_members")).isZero();

        HttpResponse<String> unknownBoard = newAgenda(officerPortal, "boardNo=9&meetingOn=" + TODAY.plusDays(3));
        assertThat(unknownBoard.statusCode()).isEqualTo(400);
        assertThat(field(unknownBoard.body(), "boardNo")).contains("この市町村の合議体にありません");
        HttpResponse<String> past = newAgenda(officerPortal, "boardNo=1&meetingOn=" + TODAY.minusDays(1));
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(field(past.body(), "meetingOn")).contains("過去の日付です", "value=\"" + TODAY.minusDays(1) + "\"");
        assertThat(past.body()).as("the board stays chosen").contains("<option value=\"1\" selected=\"selected\">");
        assertThat(count("certification.agendas")).isZero();

        String agenda = location(newAgenda(officerPortal, "boardNo=1&meetingOn=" + TODAY.plusDays(3)))
                .replace("?created", "");
        HttpResponse<String> noJudgement = officerPortal.form(agenda, agenda + "/cases", "insuredNo=" + PERSON);
        assertThat(noJudgement.statusCode()).isEqualTo(400);
        assertThat(field(noJudgement.body(), "insuredNo")).as("the person's case has no 一次判定 yet")
                .contains("一次判定の取込後に審査会の案件にできます", "value=\"" + PERSON + "\"");
        HttpResponse<String> notANumber = officerPortal.form(agenda, agenda + "/cases", "insuredNo=abc");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(field(notANumber.body(), "insuredNo")).contains("id=\"error-insuredNo\"");
        assertThat(count("certification.agenda_cases")).isZero();
        assertThat(sql.sql("select progress from certification.certification_records where case_id = :c and current")
                .param("c", caseId).query(String.class).single()).as("the case did not move").isNotEqualTo("5");
    }

    @Test
    void theAdministratorIsShownTheDenialAndChangesNothing() {
        HttpResponse<String> page = adminPortal.get(AGENDAS);
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains(AccessReason.OFFICER_ONLY.message()).doesNotContain("会議を作成する");
        assertThat(adminPortal.get(BOARDS).body()).contains(AccessReason.OFFICER_ONLY.message());

        HttpResponse<String> board = adminPortal.form("/portal/municipality", BOARDS, "boardNo=1&name=x");
        assertThat(board.statusCode()).isEqualTo(403);
        assertThat(board.body()).contains(AccessReason.OFFICER_ONLY.message());
        assertThat(count("certification.boards")).isZero();

        officerPortal.form(BOARDS, BOARDS, "boardNo=1&name=x");
        HttpResponse<String> agenda = adminPortal.form("/portal/municipality", AGENDAS,
                "formToken=" + UUID.randomUUID().toString().replace("-", "") + "&boardNo=1&meetingOn=" + TODAY.plusDays(3));
        assertThat(agenda.statusCode()).isEqualTo(403);
        assertThat(agenda.body()).contains(AccessReason.OFFICER_ONLY.message());
        assertThat(count("certification.agendas")).isZero();
    }

    @Test
    void theSameMeetingFormSentTwiceIsOneMeeting() {
        officerPortal.form(BOARDS, BOARDS, "boardNo=1&name=x");
        String token = token(officerPortal.get(AGENDAS).body());
        String form = "formToken=" + token + "&boardNo=1&meetingOn=" + TODAY.plusDays(3);
        String first = location(officerPortal.form(AGENDAS, AGENDAS, form));
        String second = location(officerPortal.form(AGENDAS, AGENDAS, form));
        assertThat(second).as("the second click lands on the meeting the first created").isEqualTo(first);
        assertThat(count("certification.agendas")).isEqualTo(1);

        HttpResponse<String> noToken = officerPortal.form(AGENDAS, AGENDAS, "boardNo=1&meetingOn=" + TODAY.plusDays(3));
        assertThat(noToken.statusCode()).isEqualTo(400);
        assertThat(noToken.body()).contains("審査会のページを開き直してから作成してください");
        assertThat(location(newAgenda(officerPortal, "boardNo=1&meetingOn=" + TODAY.plusDays(3))))
                .as("a new form is a new meeting").isNotEqualTo(first);
        assertThat(count("certification.agendas")).isEqualTo(2);
    }

    // ---------------------------------------------------------------- helpers

    /** 新しい会議 as the page sends it: the fields with the form's token. */
    private static HttpResponse<String> newAgenda(PortalTerminal terminal, String fields) {
        return terminal.form(AGENDAS, AGENDAS, "formToken=" + token(terminal.get(AGENDAS).body()) + "&" + fields);
    }

    private static String token(String page) {
        Matcher m = Pattern.compile("name=\"formToken\" value=\"([0-9a-f]{32})\"").matcher(page);
        assertThat(m.find()).as("the form's token").isTrue();
        return m.group(1);
    }


    /** 一次判定 in, and a 調査票 whose 特記事項 names the person, their address, number and phone. */
    private void atFirstJudgementWithSurveyNotes() {
        atFirstJudgement(caseId);
        sql.sql("""
                insert into certification.care_survey_records (insurer_no, insured_no, history_no, revision, valid_from,
                       surveyed_on, item01, notes, import_id, source, case_id)
                values (:i, :p, 1, 1, current_date, current_date, '1', :notes, :c, 'online', :c)
                """).param("i", insurer).param("p", PERSON).param("c", caseId)
                .param("notes", "介護 花子さんは沖縄県テスト村1番地に住む。被保険者番号 " + PERSON
                        + "、連絡先 090-1111-2222。歩行は見守りが必要。").update();
    }

    /** A new account of the municipality created by its administrator; its one-time-code secret. */
    private byte[] account(String loginId, String jobType) {
        ApiClient.Response created = admin.post("/api/staff", "{\"loginId\":\"" + loginId + "\",\"password\":\""
                + STAFF_PASSWORD + "\",\"jobType\":\"" + jobType + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return Base32.decode(created.json().get("totpSecret").asString());
    }

    /**
     * Signed in on the API with the previous step's one-time code, so that the portal's sign-in with the current
     * code (a code is good once) follows without waiting.
     */
    private static ApiClient signedInAt(ApiClient terminal, String loginId, byte[] secret) {
        ApiClient.Response tokens = terminal.post("/api/staff/sign-in", "{\"loginId\":\"" + loginId
                + "\",\"password\":\"" + STAFF_PASSWORD + "\",\"oneTimeCode\":\""
                + Totp.code(secret, Totp.step(Instant.now()) - 1) + "\"}");
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        return terminal.withToken(tokens.json().get("accessToken").asString());
    }

    /** The field's block on the page: the input, its value and its error beside it. */
    private static String field(String page, String key) {
        Matcher m = Pattern.compile("class=\"field invalid\" id=\"field-" + key + "\">.*?</div>", Pattern.DOTALL)
                .matcher(page);
        assertThat(m.find()).as("the field " + key + " is marked").isTrue();
        return m.group();
    }

    /** One column (written or masked) of one section of the masking review. */
    private static String column(String page, String section, String side) {
        Matcher m = Pattern.compile("id=\"section-" + section + "\">.*?<div class=\"" + side + "\">(.*?)</div>",
                Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as(section + " " + side).isTrue();
        return m.group(1);
    }

    private static String location(HttpResponse<String> redirect) {
        assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
        java.net.URI uri = java.net.URI.create(redirect.headers().firstValue("Location").orElseThrow());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private int packets() {
        return sql.sql("select count(*) from exchange.documents where insurer_no = :i and kind = 'committee-packet'")
                .param("i", insurer).query(Integer.class).single();
    }

    private String agendaStatus() {
        return sql.sql("select status from certification.agendas where insurer_no = :i").param("i", insurer)
                .query(String.class).single();
    }

    private int count(String table) {
        return sql.sql("select count(*) from " + table + " where insurer_no = :i").param("i", insurer)
                .query(Integer.class).single();
    }
}
