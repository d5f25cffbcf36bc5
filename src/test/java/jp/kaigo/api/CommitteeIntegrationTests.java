package jp.kaigo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import jp.kaigo.portal.PortalTerminal;
import jp.kaigo.shared.Party;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The 介護認定審査会 (design §6.2–§6.4, increment 12): the municipality's 市町村職員 builds a board and an agenda, puts
 * a case whose 一次判定 is in on it, reviews the masking and publishes; the board's member reads the masked packet in
 * the committee room until the meeting date + 7 days, a member of another board sees nothing, and the packet holds
 * no name, address or number of the person.
 */
class CommitteeIntegrationTests extends ExchangeApiTests {
    private ApiClient officer;
    private UUID caseId;

    @BeforeEach
    void openCaseWithItsFirstJudgement() {
        officer = staffOf(clerk(), "officer", "MUNICIPAL_OFFICER");
        caseId = acceptedCase(officer);
        atFirstJudgement(caseId);
        sql.sql("""
                insert into certification.first_judgements (insurer_no, insured_no, case_id, software_interface,
                       dementia_addition, stability, dementia_probability, check_warnings)
                values (:i, :p, :c, '09B', '1', '1', 12.5,
                        '[{"field": "minutesMedical", "label": "基準時間 医療関連行為", "reason": "特別な医療と合いません"}]')
                """).param("i", insurer).param("p", PERSON).param("c", caseId).update();
        // a 調査票 of the case whose 特記事項 names the person, their address, birth date, number and phones (the
        // online 調査票 lands in parallel too: written here as the file interface's columns)
        sql.sql("""
                insert into certification.care_survey_records (insurer_no, insured_no, history_no, revision, valid_from,
                       surveyed_on, item01, item12, disability_independence, notes, import_id, source, case_id)
                values (:i, :p, 1, 1, current_date, current_date, '1', '2', '3', :notes, :c, 'online', :c)
                """).param("i", insurer).param("p", PERSON).param("c", caseId)
                .param("notes", "介護 花子さん(カイゴ ﾊﾅｺ、昭和15年5月6日生)は沖縄県テスト村1番地に長男の介護 太郎と住む。"
                        + "被保険者番号 " + PERSON + "、連絡先 090-1111-2222。歩行は見守りが必要。")
                .update();
    }

    @Test
    void memberSeesOnlyOwnBoardsCase() {
        Member member = member("member.one");
        board(1, member);
        String packetId = publishedPacket(1);

        HttpResponse<String> list = member.portal.get("/portal/committee");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("/portal/committee/packets/" + packetId).contains("第1合議体");
        HttpResponse<String> page = member.portal.get("/portal/committee/packets/" + packetId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("事例番号 1", "要介護2", "一次判定", "歩行は見守りが必要", "状態の安定性: 安定",
                "確認事項: 基準時間 医療関連行為 特別な医療と合いません");
        assertThat(audited("介護認定審査会の審査")).as("the member's reading, as the municipality's 審査会委員")
                .containsExactly("municipality:" + insurer + ":permit:BOARD_CASE");
        assertThat(sql.sql("select progress from certification.certification_records where case_id = :c and current")
                .param("c", caseId).query(String.class).single()).as("on the agenda: 介護認定審査会").isEqualTo("5");

        // the packet is the members' only: the officer's own API refuses a member, and an office
        ApiClient memberOnTheApi = staffOf(clerk(), "member.api", "COMMITTEE_MEMBER");
        assertThat(memberOnTheApi.post("/api/certification/agendas", "{\"boardNo\":\"1\",\"meetingOn\":\""
                + TODAY.plusDays(3) + "\"}").status()).isEqualTo(403);
        assertThat(outcome(careManager.post("/api/certification/boards", "{\"boardNo\":\"9\",\"name\":\"x\"}")))
                .isEqualTo("403:NOT_INVOLVED");
    }

    @Test
    void memberOfAnotherBoardSeesNothing() {
        Member mine = member("member.one");
        Member other = member("member.two");
        board(1, mine);
        board(2, other);
        String packetId = publishedPacket(1);

        HttpResponse<String> list = other.portal.get("/portal/committee");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).doesNotContain("/portal/committee/packets/").contains("いま表示できる資料はありません");
        assertThat(other.portal.get("/portal/committee/packets/" + packetId).statusCode()).as("OTHER_BOARD as not found")
                .isEqualTo(404);
        assertThat(other.portal.get("/portal/committee/packets/" + UUID.randomUUID()).statusCode())
                .as("a guessed id").isEqualTo(404);
        assertThat(audited("介護認定審査会の審査")).containsExactly("municipality:" + insurer + ":deny:OTHER_BOARD");
        assertThat(mine.portal.get("/portal/committee/packets/" + packetId).statusCode()).isEqualTo(200);
    }

    @Test
    void packetClosesAfterMeetingPlusSevenDays() {
        Member member = member("member.one");
        board(1, member);
        String packetId = publishedPacket(1);
        // the meeting was 7 days ago: today is the window's last day
        sql.sql("update certification.agendas set meeting_on = :d where insurer_no = :i")
                .param("d", TODAY.minusDays(7)).param("i", insurer).update();
        assertThat(member.portal.get("/portal/committee").body()).contains(packetId);
        assertThat(member.portal.get("/portal/committee/packets/" + packetId).statusCode()).isEqualTo(200);
        // 8 days ago: closed since midnight
        sql.sql("update certification.agendas set meeting_on = :d where insurer_no = :i")
                .param("d", TODAY.minusDays(8)).param("i", insurer).update();
        assertThat(member.portal.get("/portal/committee").body()).doesNotContain(packetId);
        HttpResponse<String> closed = member.portal.get("/portal/committee/packets/" + packetId);
        assertThat(closed.statusCode()).isEqualTo(403);
        assertThat(closed.body()).doesNotContain("歩行は見守りが必要");
        assertThat(audited("介護認定審査会の審査")).endsWith("municipality:" + insurer + ":deny:WINDOW_CLOSED");
    }

    @Test
    void publishingNeedsEveryCaseReviewed() {
        Member member = member("member.one");
        board(1, member);
        String agenda = agenda(1);
        assertThat(officer.post("/api/certification/agendas/" + agenda + "/cases", "{\"insuredNo\":\"" + PERSON + "\"}")
                .json().get("caseNo").asInt()).isEqualTo(1);
        assertThat(officer.post("/api/certification/agendas/" + agenda + "/cases", "{\"insuredNo\":\"" + PERSON + "\"}")
                .status()).as("a case is on one agenda").isEqualTo(400);

        ApiClient.Response refused = officer.post("/api/certification/agendas/" + agenda + "/publish", "");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("caseNo", "マスキングの確認");
        assertThat(packets()).isZero();
        assertThat(member.portal.get("/portal/committee").body()).doesNotContain("/portal/committee/packets/");
        assertThat(outcome(clerk().post("/api/certification/agendas/" + agenda + "/cases/1/review", "")))
                .as("a municipal clerk who is not 市町村職員").isEqualTo("403:OFFICER_ONLY");

        assertThat(officer.post("/api/certification/agendas/" + agenda + "/cases/1/review", "").status()).isEqualTo(200);
        ApiClient.Response published = officer.post("/api/certification/agendas/" + agenda + "/publish", "");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(packets()).isEqualTo(1);
        assertThat(officer.post("/api/certification/agendas/" + agenda + "/publish", "").status())
                .as("published once").isEqualTo(400);
        assertThat(packets()).isEqualTo(1);
    }

    @Test
    void packetHoldsNoNameAddressOrNumber() {
        Member member = member("member.one");
        board(1, member);
        String agenda = agenda(1);
        officer.post("/api/certification/agendas/" + agenda + "/cases", "{\"insuredNo\":\"" + PERSON + "\"}");
        ApiClient.Response preview = officer.get("/api/certification/agendas/" + agenda + "/cases/1/packet");
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        officer.post("/api/certification/agendas/" + agenda + "/cases/1/review", "");
        String packetId = officer.post("/api/certification/agendas/" + agenda + "/publish", "").json().get("packets")
                .get(0).get("packetId").asString();
        HttpResponse<String> page = member.portal.get("/portal/committee/packets/" + packetId);
        assertThat(page.statusCode()).isEqualTo(200);
        String stored = sql.sql("""
                select payload::text from exchange.document_versions where insurer_no = :i and document_id = :d
                """).param("i", insurer).param("d", UUID.fromString(packetId)).query(String.class).single();

        for (String shown : List.of(preview.body(), page.body(), stored)) {
            assertThat(shown).contains("＊＊＊", "歩行は見守りが必要", "年齢", "女")
                    .doesNotContain("花子", "ハナコ", "ﾊﾅｺ", "カイゴ", "太郎", "テスト村1番地", "1番地", PERSON,
                            "090-1111-2222", "09011112222", "098-123-4567", "昭和15年5月6日", BORN, "テスト内科",
                            "医師 一郎");
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A 介護認定審査会委員 of the municipality: on the API and signed in to the portal. */
    private record Member(String loginId, PortalTerminal portal) {
    }

    private Member member(String loginId) {
        ApiClient.Response created = clerk().post("/api/staff", "{\"loginId\":\"" + loginId + "\",\"password\":\""
                + STAFF_PASSWORD + "\",\"jobType\":\"COMMITTEE_MEMBER\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        byte[] secret = Base32.decode(created.json().get("totpSecret").asString());
        PortalTerminal portal = PortalTerminal.signedIn(pki, port, Party.municipality(insurer), loginId, STAFF_PASSWORD,
                secret);
        return new Member(loginId, portal);
    }

    /** Board n of the municipality with the member from today. */
    private void board(int boardNo, Member member) {
        ApiClient.Response board = officer.post("/api/certification/boards", "{\"boardNo\":\"" + boardNo
                + "\",\"name\":\"テスト合議体" + boardNo + "\"}");
        assertThat(board.status()).as(board.body()).isEqualTo(201);
        ApiClient.Response added = officer.post("/api/certification/boards/" + boardNo + "/members", "{\"loginId\":\""
                + member.loginId() + "\",\"validFrom\":\"" + TODAY.minusDays(30) + "\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
    }

    private String agenda(int boardNo) {
        ApiClient.Response agenda = officer.post("/api/certification/agendas", "{\"boardNo\":\"" + boardNo
                + "\",\"meetingOn\":\"" + TODAY.plusDays(1) + "\"}");
        assertThat(agenda.status()).as(agenda.body()).isEqualTo(201);
        return agenda.json().get("agendaId").asString();
    }

    /** An agenda of the board meeting tomorrow with the case on it, reviewed and published: its packet's id. */
    private String publishedPacket(int boardNo) {
        String agenda = agenda(boardNo);
        ApiClient.Response added = officer.post("/api/certification/agendas/" + agenda + "/cases", "{\"insuredNo\":\""
                + PERSON + "\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(officer.post("/api/certification/agendas/" + agenda + "/cases/1/review", "").status()).isEqualTo(200);
        ApiClient.Response published = officer.post("/api/certification/agendas/" + agenda + "/publish", "");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return published.json().get("packets").get(0).get("packetId").asString();
    }

    private int packets() {
        return sql.sql("select count(*) from exchange.documents where insurer_no = :i and kind = 'committee-packet'")
                .param("i", insurer).query(Integer.class).single();
    }
}
