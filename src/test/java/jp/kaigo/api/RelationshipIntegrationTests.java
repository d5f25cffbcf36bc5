package jp.kaigo.api;

import static jp.kaigo.api.MunicipalityFiles.INSURED_HEADER;
import static jp.kaigo.api.MunicipalityFiles.insuredRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import jp.kaigo.audit.AccessRecord;
import jp.kaigo.audit.AuditLog;
import jp.kaigo.relationship.OfficeInCharge;
import jp.kaigo.relationship.OfficesInCharge;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** 担当事業所: registered only after 本人確認 at that office, ended by the office, on 資格喪失, or when claims stop. */
class RelationshipIntegrationTests extends MunicipalityApiTests {
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    private static final String PERSON = "{\"insurerNo\":\"%s\",\"insuredNo\":\"0000000001\"}";
    @Autowired
    OfficesInCharge offices;
    @Autowired
    AuditLog audit;

    @BeforeEach
    void insuredPerson() {
        api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, "0000000001", 1, "2020-04-01", null, "1940-05-06", null) + "\n");
    }

    @Test
    void anOfficeRegistersAfterConfirmingThePersonAndEndsItsRelationship() {
        ApiClient.Response wrongBirth = verify("1940-05-07");
        assertThat(wrongBirth.json().has("confirmation")).as("no proof without 本人確認").isFalse();
        String confirmation = verify("1940-05-06").json().get("confirmation").asString();

        ApiClient.Response registered = register(office, confirmation, "43", RECENT_START);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(register(office, confirmation, "43", RECENT_START).json().get("errors").get(0).get("reason").asString())
                .contains("既に");
        assertThat(register(office, confirmation, "99", RECENT_START).status()).isEqualTo(400);
        assertThat(register(newSignedInOffice(), confirmation, "11", RECENT_START).json().get("errors").get(0)
                .get("field").asString()).as("another office cannot use this office's proof").isEqualTo("confirmation");
        assertThat(register(office, confirmation.substring(0, confirmation.length() - 2) + "xx", "11", RECENT_START)
                .status()).as("an altered proof").isEqualTo(400);

        JsonNode listed = clerk().post("/api/insured/offices", PERSON.formatted(insurer)).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("officeNo").asString()).isEqualTo(officeNo);
        assertThat(listed.get(0).get("serviceName").asString()).isEqualTo("居宅介護支援");
        assertThat(listed.get(0).get("confirmedBy").asString()).isEqualTo("numbers");
        assertThat(office.post("/api/insured/offices", PERSON.formatted(insurer)).status()).isEqualTo(403);

        String id = registered.json().get("relationshipId").asString();
        assertThat(newSignedInOffice().post("/api/relationships/" + id + "/end", "{\"endDate\":\"" + TODAY + "\"}").status())
                .isEqualTo(404);
        assertThat(office.post("/api/relationships/" + id + "/end", "{\"endDate\":\"" + TODAY + "\"}").status()).isEqualTo(204);
        JsonNode ended = clerk().post("/api/insured/offices", PERSON.formatted(insurer)).json().get(0);
        assertThat(ended.get("endDate").asString()).isEqualTo(TODAY.toString());
        assertThat(ended.get("endReason").asString()).isEqualTo("office");
        assertThat(audit.accessesTo(insurer, "0000000001")).extracting(AccessRecord::event)
                .contains("relationship", "eligibility");
        // the municipality's read of the person's offices is a disclosure like any other, by a staff member
        assertThat(audit.accessesTo(insurer, "0000000001")).anySatisfy(a -> {
            assertThat(a.subject()).isEqualTo("被保険者証");
            assertThat(a.purpose()).contains("担当事業所の一覧");
            assertThat(a.actorKind()).isEqualTo("municipality");
        });
    }

    @Test
    void aLostQualificationEndsEveryRelationshipOfThePerson() {
        register(office, verify("1940-05-06").json().get("confirmation").asString(), "43", RECENT_START);
        api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, "0000000001", 1, "2020-04-01", null, "1940-05-06", TODAY.minusDays(2).toString()) + "\n");
        assertThat(office.post("/api/eligibility", "{\"insurerNo\":\"" + insurer + "\",\"insuredNo\":\"0000000001\","
                + "\"birthDate\":\"1940-05-06\"}").json().get("status").asString()).isEqualTo("LOST");
        assertThat(offices.officesOf(insurer, "0000000001").get(0).current())
                .as("a 資格確認 ends nothing: only the registry's own record does").isTrue();
        offices.endOnLoss(TODAY);
        OfficeInCharge ended = offices.officesOf(insurer, "0000000001").get(0);
        assertThat(ended.endReason()).isEqualTo("lost");
        assertThat(ended.endDate()).isEqualTo(TODAY.minusDays(2));
        assertThat(offices.officesOf(insurer, "0000000001")).noneMatch(r -> r.inChargeOn(TODAY));
    }

    @Test
    void theNightlyEndRunsOnceAcrossInstances() {
        register(office, verify("1940-05-06").json().get("confirmation").asString(), "43", RECENT_START);
        api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, "0000000001", 1, "2020-04-01", null, "1940-05-06", TODAY.minusDays(2).toString()) + "\n");
        // another instance is running tonight's job: this one leaves it alone
        jdbc.update("delete from public.shedlock where name = 'relationships-nightly-end'");
        jdbc.update("insert into public.shedlock (name, lock_until, locked_at, locked_by) "
                + "values ('relationships-nightly-end', now() + interval '10 minutes', now(), 'other-instance')");
        offices.nightly();
        assertThat(offices.officesOf(insurer, "0000000001").get(0).current()).as("locked by the other instance").isTrue();
        // that instance died: once its lock has run out, the job runs here
        jdbc.update("update public.shedlock set lock_until = now() - interval '1 second' where name = 'relationships-nightly-end'");
        offices.nightly();
        assertThat(offices.officesOf(insurer, "0000000001").get(0).endReason()).isEqualTo("lost");
        assertThat(jdbc.queryForObject("select locked_by from public.shedlock where name = 'relationships-nightly-end'",
                String.class)).isNotEqualTo("other-instance");
    }

    @Test
    void aFutureLossEndsNothingBeforeItsDayNorDoesAnEligibilityCheckDatedAfterIt() {
        register(office, verify("1940-05-06").json().get("confirmation").asString(), "43", RECENT_START);
        api.uploadCsv(insurer, "insured", "full", INSURED_HEADER + "\n"
                + insuredRow(insurer, "0000000001", 1, "2020-04-01", null, "1940-05-06", TODAY.plusDays(30).toString()) + "\n");
        assertThat(office.post("/api/eligibility", "{\"insurerNo\":\"" + insurer + "\",\"insuredNo\":\"0000000001\","
                + "\"birthDate\":\"1940-05-06\",\"asOf\":\"" + TODAY.plusDays(40) + "\"}").json().get("status").asString())
                .isEqualTo("LOST");
        offices.endOnLoss(TODAY);
        assertThat(offices.officesOf(insurer, "0000000001").get(0).current()).as("the loss is a month away").isTrue();
        offices.endOnLoss(TODAY.plusDays(30));
        assertThat(offices.officesOf(insurer, "0000000001").get(0).endReason()).isEqualTo("lost");
    }

    @Test
    void relationshipsWithoutClaimsEndButClaimsKeepThemAlive() {
        String confirmation = verify("1940-05-06").json().get("confirmation").asString();
        register(office, confirmation, "43", RECENT_START);
        register(office, confirmation, "11", RECENT_START);
        // 給付実績 for August from this office (and one from another office, which keeps nothing alive here)
        JsonNode report = api.uploadPartialCsv(insurer, "claims", "full",
                "insurerNo,insuredNo,historyNo,validFrom,serviceMonth,officeNo,serviceType,units,insuranceClaim\n"
                        + String.join(",", insurer, "0000000001", "1", "2026-08-01", "2026-08", officeNo, "43", "1200", "12000")
                        + "\n" + String.join(",", insurer, "0000000001", "2", "2026-09-01", "202609", newOfficeNumber(), "11",
                                "3000", "27000") + "\n").json();
        assertThat(report.get("inserted").asLong()).as(report.toString()).isEqualTo(2);
        assertThat(offices.officesOf(insurer, "0000000001").get(0).lastClaimOn()).isEqualTo(LocalDate.parse("2026-08-01"));
        offices.endWithoutClaims(LocalDate.parse("2026-10-15"));
        assertThat(offices.officesOf(insurer, "0000000001")).allSatisfy(r -> assertThat(r.current()).isTrue());
        offices.endWithoutClaims(LocalDate.parse("2026-11-15"));
        assertThat(offices.officesOf(insurer, "0000000001")).allSatisfy(r -> assertThat(r.endReason()).isEqualTo("no-claims"));
    }

    private ApiClient.Response verify(String birthDate) {
        return office.post("/api/eligibility", "{\"insurerNo\":\"" + insurer
                + "\",\"insuredNo\":\"0000000001\",\"birthDate\":\"" + birthDate + "\",\"asOf\":\"2026-10-01\"}");
    }

    private static ApiClient.Response register(ApiClient client, String confirmation, String serviceType, String start) {
        return client.post("/api/relationships", "{\"confirmation\":\"" + confirmation + "\",\"serviceType\":\""
                + serviceType + "\",\"startDate\":\"" + start + "\"}");
    }
}
