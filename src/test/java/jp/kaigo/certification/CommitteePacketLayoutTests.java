package jp.kaigo.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.kaigo.ingest.DocumentLayout;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.Violation;
import org.junit.jupiter.api.Test;

/**
 * The committee-packet layout (design §6.3): the packet is its sections as text, nothing else — a packet carrying a
 * field of the person (a name, a number) is refused by the exchange before anything is stored; a section is one line.
 */
class CommitteePacketLayoutTests {
    private static final DocumentLayout PACKET = Packets.committeePacket();

    private static Map<String, String> packet() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("caseNo", "1");
        v.put("board", "第1合議体 北");
        v.put("meetingOn", "2026-12-10");
        v.put("case", "申請区分: 新規申請 / 年齢: 86歳(申請日時点) / 性別: 女");
        v.put("firstJudgement", "一次判定結果: 要介護2");
        v.put("survey", "1-7 歩行: つかまればできる");
        v.put("opinion", "未着");
        return v;
    }

    @Test
    void aPacketOfItsSectionsIsValid() {
        assertThat(PACKET.kind()).isEqualTo(DocumentKind.COMMITTEE_PACKET);
        assertThat(PACKET.violations(packet())).isEmpty();
        Map<String, String> withNotes = packet();
        withNotes.put("surveyNotes", "＊＊＊さんは独居。");
        assertThat(PACKET.violations(withNotes)).isEmpty();
    }

    @Test
    void aFieldOfThePersonIsRefused() {
        for (String key : new String[] {"name", "nameKana", "insuredNo", "insurerNo", "address", "birthDate", "phone"}) {
            Map<String, String> v = packet();
            v.put(key, "x");
            assertThat(PACKET.violations(v)).extracting(Violation::field).as(key).containsExactly(key);
        }
    }

    @Test
    void aMissingSectionOrALineBreakIsAFieldViolation() {
        Map<String, String> v = packet();
        v.remove("firstJudgement");
        v.put("survey", "1-7 歩行\nつかまればできる");
        assertThat(PACKET.violations(v)).extracting(Violation::field).containsExactlyInAnyOrder("firstJudgement", "survey");
    }
}
