package jp.kaigo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.kaigo.registry.RecordType;
import jp.kaigo.shared.InsurerNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticDataTests {

    @Test
    void theSameSeedGivesTheSameFiles(@TempDir Path a, @TempDir Path b) throws Exception {
        var first = new SyntheticData(1, 2).writeCsv(a, 500);
        var second = new SyntheticData(1, 2).writeCsv(b, 500);
        for (int i = 0; i < first.size(); i++) {
            assertThat(Files.readAllBytes(first.get(i).path())).isEqualTo(Files.readAllBytes(second.get(i).path()));
        }
        assertThat(new SyntheticData(2, 2).person(3)).isNotEqualTo(new SyntheticData(1, 2).person(3));
    }

    @Test
    void municipalitiesHaveValidInsurerNumbers() {
        new SyntheticData(1, 12).municipalities().forEach(m -> assertThat(new InsurerNumber(m.insurerNo())).isNotNull());
    }

    @Test
    void sharesLookLikeTheNationalOnes() {
        var data = new SyntheticData(20_261_125L, 3);
        int persons = 20_000;
        int certified = 0;
        int women = 0;
        int heavy = 0;
        for (int i = 0; i < persons; i++) {
            var p = data.person(i);
            if (p.careLevel() != null && !p.careLevel().equals("06")) {
                certified++;
                if (p.careLevel().compareTo("23") >= 0) {
                    heavy++;
                }
            }
            if ("2".equals(p.records().get(RecordType.INSURED).get(0).get("sex"))) {
                women++;
            }
        }
        assertThat(certified * 100.0 / persons).isBetween(15.0, 25.0);
        assertThat(women * 100.0 / persons).isBetween(53.0, 61.0);
        assertThat(heavy * 100.0 / certified).isBetween(28.0, 40.0);
    }

    @Test
    void writesOneFilePerMunicipalityAndRecordTypeInsuredFirst(@TempDir Path dir) {
        List<SyntheticData.GeneratedFile> files = new SyntheticData(5, 2).writeCsv(dir, 1000);
        assertThat(files).hasSize(2 * RecordType.values().length);
        assertThat(files.get(0).type()).isEqualTo(RecordType.INSURED);
        assertThat(files.stream().filter(f -> f.type() == RecordType.INSURED).mapToLong(SyntheticData.GeneratedFile::rows).sum())
                .isGreaterThanOrEqualTo(1000);
    }
}
