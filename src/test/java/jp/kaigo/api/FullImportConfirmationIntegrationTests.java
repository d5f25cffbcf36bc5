package jp.kaigo.api;

import static jp.kaigo.api.MunicipalityFiles.INSURED_HEADER;
import static jp.kaigo.api.MunicipalityFiles.insuredRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import jp.kaigo.ingest.FileImports;
import jp.kaigo.registry.Eligibility;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A 全量 file that would delete records is held, not merged: 409 problem+json with how many it would delete and
 * how to confirm or cancel; a confirmation with another number is refused with the number it would delete now; the
 * right number merges and the report says how many were deleted; a cancelled or expired hold changed nothing.
 */
class FullImportConfirmationIntegrationTests extends MunicipalityApiTests {
    @Autowired
    InsuredRegistry registry;
    @Autowired
    FileImports imports;

    @BeforeEach
    void threePersons() {
        ApiClient.Response first = api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n" + row("0000000001")
                + "\n" + row("0000000002") + "\n" + row("0000000003") + "\n");
        assertThat(first.status()).as("a full file that deletes nothing is merged at once").isEqualTo(200);
        assertThat(first.json().get("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void aConfirmedMistakeIsUndoneBySendingTheCompleteFileAgain() {
        // a 全量 file cut short after one person, confirmed by mistake
        String id = api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n" + row("0000000001") + "\n")
                .json().get("importId").asString();
        assertThat(api.post("/api/imports/" + id + "/confirm?confirmDeletions=2", "").status()).isEqualTo(200);
        assertThat(insured("0000000002")).isFalse();
        // the complete file sent again brings both back (it used to be refused: 「削除済みの履歴番号です」)
        ApiClient.Response again = api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n" + row("0000000001")
                + "\n" + row("0000000002") + "\n" + row("0000000003") + "\n");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("rejectedRows").asLong()).isZero();
        assertThat(again.json().get("inserted").asLong()).isEqualTo(2);
        assertThat(again.json().get("notes").asString()).contains("削除済みだった 2 件の履歴を元に戻しました");
        assertThat(insured("0000000002")).isTrue();
        assertThat(insured("0000000003")).isTrue();
        // a 差分 update of a deleted history is still refused, saying how to bring it back
        String deleted = api.uploadCsv(insurer, "insured", "differential", "処理区分," + INSURED_HEADER + "\n3,"
                + row("0000000003") + "\n").json().get("importId").asString();
        assertThat(api.get("/api/imports/" + deleted).json().get("deleted").asLong()).isEqualTo(1);
        ApiClient.Response update = api.uploadCsv(insurer, "insured", "differential", "処理区分," + INSURED_HEADER + "\n2,"
                + row("0000000003") + "\n");
        assertThat(update.json().get("rejections").get(0).get("reason").asString()).contains("処理区分1(新規)で送る");
        ApiClient.Response restored = api.uploadCsv(insurer, "insured", "differential", "処理区分," + INSURED_HEADER + "\n1,"
                + row("0000000003") + "\n");
        assertThat(restored.json().get("inserted").asLong()).isEqualTo(1);
        assertThat(insured("0000000003")).isTrue();
    }

    @Test
    void aFullFileThatDeletesIsHeldAndMergedOnlyWithTheCountItDeletesNow() {
        ApiClient.Response held = api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n" + row("0000000001")
                + "\n");
        assertThat(held.status()).as(held.body()).isEqualTo(409);
        assertThat(held.contentType()).startsWith("application/problem+json");
        JsonNode problem = held.json();
        assertThat(problem.get("wouldDelete").asLong()).isEqualTo(2);
        assertThat(problem.get("detail").asString()).contains("2 件の被保険者(資格)の記録が削除されます");
        String id = problem.get("importId").asString();
        assertThat(problem.get("confirmUrl").asString()).isEqualTo("/api/imports/" + id + "/confirm?confirmDeletions=2");
        assertThat(problem.get("cancelUrl").asString()).isEqualTo("/api/imports/" + id + "/cancel");
        assertThat(insured("0000000002")).as("nothing deleted before the confirmation").isTrue();
        JsonNode report = api.get("/api/imports/" + id).json();
        assertThat(report.get("status").asString()).isEqualTo("HELD");
        assertThat(report.get("wouldDelete").asLong()).isEqualTo(2);

        ApiClient.Response wrong = api.post("/api/imports/" + id + "/confirm?confirmDeletions=1", "");
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(409);
        assertThat(wrong.json().get("wouldDelete").asLong()).isEqualTo(2);
        assertThat(insured("0000000002")).isTrue();

        // meanwhile a 差分 file adds a person: the held file now deletes three
        assertThat(api.uploadCsv(insurer, "insured", "differential", "処理区分," + INSURED_HEADER + "\n1,"
                + row("0000000004") + "\n").status()).isEqualTo(200);
        ApiClient.Response stale = api.post("/api/imports/" + id + "/confirm?confirmDeletions=2", "");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("wouldDelete").asLong()).as("the count it would delete now").isEqualTo(3);
        assertThat(insured("0000000004")).isTrue();

        assertThat(newMunicipalityClient().post("/api/imports/" + id + "/confirm?confirmDeletions=3", "").status())
                .as("another municipality's import does not exist for it").isEqualTo(404);
        ApiClient.Response confirmed = api.post("/api/imports/" + id + "/confirm?confirmDeletions=3", "");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("COMPLETED");
        assertThat(confirmed.json().get("deleted").asLong()).isEqualTo(3);
        assertThat(insured("0000000001")).isTrue();
        assertThat(insured("0000000002")).isFalse();
        assertThat(insured("0000000004")).isFalse();
        assertThat(api.post("/api/imports/" + id + "/confirm?confirmDeletions=3", "").status())
                .as("confirmed once").isEqualTo(409);
    }

    @Test
    void aCancelledOrExpiredHoldChangesNothing() {
        String id = api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n" + row("0000000001") + "\n").json()
                .get("importId").asString();
        ApiClient.Response cancelled = api.post("/api/imports/" + id + "/cancel", "");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("deleted").asLong()).isZero();
        assertThat(insured("0000000002")).isTrue();
        assertThat(insured("0000000003")).isTrue();
        assertThat(api.post("/api/imports/" + id + "/confirm?confirmDeletions=2", "").json().get("importStatus")
                .asString()).isEqualTo("CANCELLED");

        String later = api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n" + row("0000000001") + "\n")
                .json().get("importId").asString();
        assertThat(imports.expireHeld(Instant.now().plus(Duration.ofHours(FileImports.HOLD_HOURS - 1)))).isZero();
        assertThat(imports.expireHeld(Instant.now().plus(Duration.ofHours(FileImports.HOLD_HOURS + 1))))
                .isGreaterThanOrEqualTo(1);
        assertThat(api.get("/api/imports/" + later).json().get("status").asString()).isEqualTo("EXPIRED");
        assertThat(api.post("/api/imports/" + later + "/confirm?confirmDeletions=2", "").status()).isEqualTo(409);
        assertThat(insured("0000000002")).isTrue();
    }

    private String row(String insuredNo) {
        return insuredRow(insurer, insuredNo, 1, "2020-04-01", null, "1940-05-06", null);
    }

    private boolean insured(String insuredNo) {
        return registry.verifyIdentified(new InsurerNumber(insurer), new InsuredNumber(insuredNo), TODAY)
                instanceof Eligibility.Insured;
    }

    private ApiClient newMunicipalityClient() {
        String other = MunicipalityFiles.newInsurerNumber();
        ApiClient client = client(jp.kaigo.shared.Party.municipality(other));
        MunicipalityFiles.register(client, other);
        return client;
    }
}
