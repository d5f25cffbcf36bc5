package jp.kaigo.identity;

import static jp.kaigo.identity.OfficeMasterSamples.CLINIC;
import static jp.kaigo.identity.OfficeMasterSamples.CLINIC_OFFICE;
import static jp.kaigo.identity.OfficeMasterSamples.DAY_CARE;
import static jp.kaigo.identity.OfficeMasterSamples.DESIGNATION_HEADER;
import static jp.kaigo.identity.OfficeMasterSamples.INSTITUTION_HEADER;
import static jp.kaigo.identity.OfficeMasterSamples.VISITING;
import static jp.kaigo.identity.OfficeMasterSamples.file;
import static jp.kaigo.identity.OfficeMasterSamples.publication;
import static jp.kaigo.identity.OfficeMasterSamples.publishedRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import jp.kaigo.identity.OfficeMasterFiles.Designation;
import jp.kaigo.identity.OfficeMasterFiles.Institution;
import jp.kaigo.identity.OfficeMasterFiles.PublishedOffice;
import org.junit.jupiter.api.Test;

class OfficeMasterParsingTests {
    private static final String BAD_CHECK_DIGIT = VISITING.substring(0, 9) + ((VISITING.charAt(9) - '0' + 1) % 10);

    @Test
    void readsAUtf8PublicationWithBomAndTheSameInWindows31J() {
        String[] rows = {publishedRow(VISITING, "ケアステーション霞が関"), publishedRow(DAY_CARE, "デイサービス①髙橋")};
        var utf8 = OfficeMasterFiles.publication("2025-12/jigyosho_130.csv", publication(StandardCharsets.UTF_8, true, rows));
        var sjis = OfficeMasterFiles.publication("jigyosho_130.csv", publication(OfficeMasterFiles.WINDOWS_31J, false, rows));

        assertThat(utf8.problems()).isEmpty();
        assertThat(sjis.problems()).isEmpty();
        assertThat(utf8.rows()).isEqualTo(2);
        var published = utf8.records().get(0);
        assertThat(published.fileName()).isEqualTo("jigyosho_130.csv");
        assertThat(published.serviceTypes()).containsExactly("13", "63");
        assertThat(published.offices()).extracting(PublishedOffice::officeNo, PublishedOffice::name)
                .containsExactly(tuple(VISITING, "ケアステーション霞が関"), tuple(DAY_CARE, "デイサービス①髙橋"));
        assertThat(published.offices().get(0).address()).isEqualTo("東京都千代田区霞が関1-2-2 中央合同庁舎5号館");
        assertThat(sjis.records().get(0).offices()).isEqualTo(published.offices());
    }

    @Test
    void refusesAPublicationWithAnotherHeader() {
        byte[] content = file("事業所番号,事業所名", VISITING + ",ケアステーション");
        var read = OfficeMasterFiles.publication("jigyosho_110.csv", content);
        assertThat(read.records()).isEmpty();
        assertThat(read.problems()).extracting(MasterProblem::line, MasterProblem::field)
                .containsExactly(tuple(1L, "header"));
    }

    @Test
    void refusesAnUnknownFileNumberAndListsTheRowProblemsToo() {
        var read = OfficeMasterFiles.publication("jigyosho_999.csv",
                publication(StandardCharsets.UTF_8, true, publishedRow(VISITING, "甲"), publishedRow(BAD_CHECK_DIGIT, "乙")));
        assertThat(read.records()).isEmpty();
        assertThat(read.problems()).extracting(MasterProblem::line, MasterProblem::field)
                .containsExactly(tuple(0L, "fileName"), tuple(3L, "officeNo"));
    }

    @Test
    void reportsABadCheckDigitWithItsLine() {
        var read = OfficeMasterFiles.publication("jigyosho_110.csv", publication(StandardCharsets.UTF_8, false,
                publishedRow(VISITING, "甲"), publishedRow(DAY_CARE, "乙"), publishedRow(BAD_CHECK_DIGIT, "丙")));
        assertThat(read.records()).isEmpty();
        assertThat(read.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.field()).isEqualTo("officeNo");
            assertThat(p.label()).isEqualTo("事業所番号");
            assertThat(p.reason()).contains("検証番号").doesNotContain(BAD_CHECK_DIGIT);
        });
    }

    @Test
    void refusesBytesThatAreNeitherUtf8NorWindows31J() {
        var read = OfficeMasterFiles.publication("jigyosho_110.csv", new byte[] {(byte) 0x81, (byte) 0x20, (byte) 0xff});
        assertThat(read.problems()).extracting(MasterProblem::field).containsExactly("file");
    }

    @Test
    void readsADesignationFileInJapaneseOrEnglishKeys() {
        var japanese = OfficeMasterFiles.designations(file(DESIGNATION_HEADER,
                VISITING + ",11,2020-04-01,2026-03-31,東京都", VISITING + ",46,20240401,,千代田区"));
        var english = OfficeMasterFiles.designations(file("authority,officeNo,serviceType,designatedFrom,designatedTo",
                "東京都," + VISITING + ",11,2020-04-01,2026-03-31", "千代田区," + VISITING + ",46,2024-04-01,"));
        assertThat(japanese.problems()).isEmpty();
        assertThat(japanese.records()).containsExactly(
                new Designation(VISITING, "11", LocalDate.of(2020, 4, 1), LocalDate.of(2026, 3, 31), "東京都"),
                new Designation(VISITING, "46", LocalDate.of(2024, 4, 1), null, "千代田区"));
        assertThat(english.records()).isEqualTo(japanese.records());
    }

    @Test
    void reportsEveryBadDesignationRowWithLineAndFieldAndKeepsNone() {
        var read = OfficeMasterFiles.designations(file(DESIGNATION_HEADER,
                VISITING + ",11,2020-04-01,2026-03-31,東京都",
                VISITING + ",11,2020-02-30,,東京都",
                VISITING + ",13,2026-04-01,2020-03-31,東京都",
                VISITING + ",99,2020-04-01,,東京都",
                BAD_CHECK_DIGIT + ",11,2020/04/01,,",
                VISITING + ",11,20200401,2026-03-31,東京都"));
        assertThat(read.records()).isEmpty();
        assertThat(read.rows()).isEqualTo(6);
        assertThat(read.problems()).extracting(MasterProblem::line, MasterProblem::field).containsExactly(
                tuple(3L, "designatedFrom"),
                tuple(4L, "designatedTo"),
                tuple(5L, "serviceType"),
                tuple(6L, "officeNo"), tuple(6L, "designatedFrom"), tuple(6L, "authority"),
                tuple(7L, "designatedFrom"));
        assertThat(read.problems().get(6).reason()).contains("2行目");
    }

    @Test
    void refusesADesignationFileWithAMissingColumn() {
        var read = OfficeMasterFiles.designations(file("事業所番号,サービス種類コード,指定年月日,指定権者",
                VISITING + ",11,2020-04-01,東京都"));
        assertThat(read.problems()).extracting(MasterProblem::line, MasterProblem::field)
                .containsExactly(tuple(1L, "designatedTo"));
    }

    @Test
    void readsAnInstitutionWithSeveralDeemedServicesAndOneWithNone() {
        String hospital = jp.kaigo.shared.MedicalInstitutionCode.withCheckDigit("131012346").value();
        var read = OfficeMasterFiles.institutions(file(INSTITUTION_HEADER,
                CLINIC + ",霞が関クリニック," + CLINIC_OFFICE + ",13;63; 31 ;34,2018-04-01,",
                hospital + ",霞が関病院,,,,"));
        assertThat(read.problems()).isEmpty();
        assertThat(read.records()).containsExactly(
                new Institution(CLINIC, "霞が関クリニック", CLINIC_OFFICE, List.of("13", "63", "31", "34"),
                        LocalDate.of(2018, 4, 1), null),
                new Institution(hospital, "霞が関病院", null, List.of(), null, null));
    }

    @Test
    void reportsBadInstitutionRows() {
        var read = OfficeMasterFiles.institutions(file(INSTITUTION_HEADER,
                CLINIC + ",霞が関クリニック,," + "13;XX,,",
                CLINIC.substring(0, 9) + ((CLINIC.charAt(9) - '0' + 1) % 10) + ",,12345,,2018-04-01,",
                CLINIC + ",霞が関クリニック,,13,2018-04-01,"));
        assertThat(read.records()).isEmpty();
        assertThat(read.problems()).extracting(MasterProblem::line, MasterProblem::field).contains(
                tuple(2L, "serviceTypes"), tuple(2L, "designatedFrom"),
                tuple(3L, "institutionCode"), tuple(3L, "name"), tuple(3L, "officeNo"), tuple(3L, "designatedFrom"));
    }
}
