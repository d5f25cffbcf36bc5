package jp.kaigo.identity;

import static jp.kaigo.identity.OfficeMasterSamples.DESIGNATION_HEADER;
import static jp.kaigo.identity.OfficeMasterSamples.INSTITUTION_HEADER;
import static jp.kaigo.identity.OfficeMasterSamples.file;
import static jp.kaigo.identity.OfficeMasterSamples.publication;
import static jp.kaigo.identity.OfficeMasterSamples.publishedRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.Party;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The office master on the embedded PostgreSQL; each test uses its own office numbers. The default
 * (mock) web environment: the API security configuration needs one.
 */
@SpringBootTest
class OfficeMasterIntegrationTests {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final LocalDate APRIL_2020 = LocalDate.of(2020, 4, 1);
    @Autowired
    OfficeMaster master;
    @Autowired
    JdbcClient sql;

    @Test
    void answersDesignationsByDayFromTheDesignationFileElseFromTheOpenData() {
        String visiting = newOffice();
        String onlyPublished = newOffice();
        MasterImport published = master.importPublication("jigyosho_110.csv", publication(StandardCharsets.UTF_8, true,
                publishedRow(visiting, "ヘルパーステーション甲"), publishedRow(onlyPublished, "ヘルパーステーション乙")));
        assertThat(published.problems()).isEmpty();
        assertThat(published.upserted()).isEqualTo(2);
        assertThat(published.designationsWritten()).isEqualTo(2);

        MasterImport designated = master.importDesignations(file(DESIGNATION_HEADER,
                visiting + ",11,2020-04-01,2026-03-31,東京都", visiting + ",78,20230401,,千代田区"));
        assertThat(designated.problems()).isEmpty();
        assertThat(designated.designationsWritten()).isEqualTo(2);

        assertThat(master.designatedFor(visiting, "11", LocalDate.of(2025, 6, 1))).isTrue();
        assertThat(master.designatedFor(visiting, "11", LocalDate.of(2026, 3, 31))).isTrue();
        // the designation file knows the period; the open data's period-less row does not override it
        assertThat(master.designatedFor(visiting, "11", LocalDate.of(2026, 4, 1))).isFalse();
        assertThat(master.designatedFor(visiting, "11", APRIL_2020.minusDays(1))).isFalse();
        assertThat(master.designatedFor(onlyPublished, "11", LocalDate.of(2026, 4, 1))).isTrue();
        assertThat(master.designatedFor(onlyPublished, "13", LocalDate.of(2026, 4, 1))).isFalse();
        assertThat(master.designatedServices(visiting, LocalDate.of(2025, 6, 1))).containsExactly("11", "78");
        assertThat(master.designatedServices(visiting, LocalDate.of(2022, 6, 1))).containsExactly("11");
        assertThat(master.isEmpty()).isFalse();
    }

    @Test
    void aResentFileChangesNothingAndAShorterOneRemovesWhatItNoLongerLists() {
        String office = newOffice();
        byte[] designations = file(DESIGNATION_HEADER,
                office + ",43,2020-04-01,2026-03-31,千代田区", office + ",43,2026-04-01,2032-03-31,千代田区");
        master.importDesignations(designations);
        String before = snapshot();

        MasterImport again = master.importDesignations(designations);
        assertThat(again.rows()).isEqualTo(2);
        assertThat(again.designationsWritten()).isZero();
        assertThat(again.designationsRemoved()).isZero();
        assertThat(snapshot()).isEqualTo(before);

        MasterImport shorter = master.importDesignations(file(DESIGNATION_HEADER, office + ",43,2020-04-01,2026-03-31,千代田区"));
        assertThat(shorter.designationsRemoved()).isEqualTo(1);
        assertThat(master.designatedFor(office, "43", LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(master.designatedFor(office, "43", LocalDate.of(2025, 1, 1))).isTrue();
    }

    @Test
    void aRefusedFileChangesNothing() {
        String office = newOffice();
        master.importDesignations(file(DESIGNATION_HEADER, office + ",15,2020-04-01,2026-03-31,東京都"));
        String before = snapshot();

        MasterImport refused = master.importDesignations(file(DESIGNATION_HEADER,
                office + ",15,2020-04-01,2032-03-31,東京都", office + ",15,2026-04-01,2020-03-31,東京都"));
        assertThat(refused.refused()).isTrue();
        assertThat(refused.problems()).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(3))
                .satisfies(p -> assertThat(p.field()).isEqualTo("designatedTo"));
        assertThat(List.of(refused.upserted(), refused.designationsWritten(), refused.designationsRemoved()))
                .containsOnly(0L);
        String badCheckDigit = office.substring(0, 9) + ((office.charAt(9) - '0' + 1) % 10);
        MasterImport refusedPublication = master.importPublication("jigyosho_150.csv", publication(
                StandardCharsets.UTF_8, true, publishedRow(newOffice(), "デイ甲"), publishedRow(badCheckDigit, "デイ乙")));
        assertThat(refusedPublication.problems()).extracting(MasterProblem::line).containsExactly(3L);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(master.designatedFor(office, "15", LocalDate.of(2027, 1, 1))).isFalse();
    }

    @Test
    void knowsWhichInstitutionsProvideCareByDeemedDesignation() {
        String clinic = newInstitution();
        String hospital = newInstitution();
        String clinicOffice = OfficeNumber.withCheckDigit(clinic.substring(0, 2) + "1" + clinic.substring(3, 9)).value();
        MasterImport loaded = master.importMedicalInstitutions(file(INSTITUTION_HEADER,
                clinic + ",霞が関クリニック," + clinicOffice + ",13;63;31,2018-04-01,2030-03-31",
                hospital + ",霞が関病院,,,,"));
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.upserted()).isEqualTo(2);
        assertThat(loaded.designationsWritten()).isEqualTo(3);

        assertThat(master.designatedForCare(clinic, LocalDate.of(2025, 6, 1))).isTrue();
        assertThat(master.designatedForCare(clinic, LocalDate.of(2018, 3, 31))).isFalse();
        assertThat(master.designatedForCare(clinic, LocalDate.of(2030, 4, 1))).isFalse();
        assertThat(master.designatedForCare(hospital, LocalDate.of(2025, 6, 1))).isFalse();

        MasterImport withoutCare = master.importMedicalInstitutions(file(INSTITUTION_HEADER, clinic + ",霞が関クリニック,,,,"));
        assertThat(withoutCare.designationsRemoved()).isEqualTo(3);
        assertThat(master.designatedForCare(clinic, LocalDate.of(2025, 6, 1))).isFalse();
    }

    @Test
    void namesOfficesAndInstitutions() {
        String office = newOffice();
        String unknownOffice = newOffice();
        String clinic = newInstitution();
        String clinicOffice = OfficeNumber.withCheckDigit(clinic.substring(0, 2) + "1" + clinic.substring(3, 9)).value();
        master.importPublication("jigyosho_430.csv", publication(StandardCharsets.UTF_8, false,
                publishedRow(office, "居宅介護支援センター霞が関")));
        master.importMedicalInstitutions(file(INSTITUTION_HEADER, clinic + ",霞が関クリニック," + clinicOffice + ",13,2018-04-01,"));

        assertThat(master.nameOf(Party.office(office))).contains("居宅介護支援センター霞が関");
        assertThat(master.nameOf(Party.medicalInstitution(clinic))).contains("霞が関クリニック");
        assertThat(master.nameOf(Party.office(clinicOffice))).contains("霞が関クリニック");
        assertThat(master.nameOf(Party.office(unknownOffice))).isEmpty();
        assertThat(master.nameOf(Party.municipality("131011"))).isEmpty();
        assertThat(master.namesOf(List.of(Party.office(office), Party.medicalInstitution(clinic), Party.office(unknownOffice))))
                .containsOnly(
                        entry(Party.office(office).toString(), "居宅介護支援センター霞が関"),
                        entry(Party.medicalInstitution(clinic).toString(), "霞が関クリニック"));
        assertThat(master.namesOf(List.of())).isEmpty();
    }

    private static String newOffice() {
        return OfficeNumber.withCheckDigit("1320" + String.format("%05d", NEXT.getAndIncrement())).value();
    }

    private static String newInstitution() {
        return MedicalInstitutionCode.withCheckDigit("1310" + String.format("%05d", NEXT.getAndIncrement())).value();
    }

    /** Every row of the office-master tables, to compare before and after. */
    private String snapshot() {
        return sql.sql("""
                select concat_ws(E'\\n',
                  (select string_agg(t::text, E'\\n' order by t::text) from identity.offices t),
                  (select string_agg(t::text, E'\\n' order by t::text) from identity.office_designations t),
                  (select string_agg(t::text, E'\\n' order by t::text) from identity.medical_institutions t),
                  (select string_agg(t::text, E'\\n' order by t::text) from identity.deemed_designations t))
                """).query(String.class).single();
    }
}
