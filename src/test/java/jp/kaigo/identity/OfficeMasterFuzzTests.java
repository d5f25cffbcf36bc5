package jp.kaigo.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import jp.kaigo.shared.Fuzz;
import org.junit.jupiter.api.Test;

/**
 * Office-master files (the MHLW open data, designations, medical institutions), mutated from the corpus in
 * {@code src/test/resources/fuzz/office-master}: each is read, or refused with every problem by line, field and
 * reason; never an exception, and a file that is read has no problems and a record per row.
 */
class OfficeMasterFuzzTests {

    @Test
    void everyMutatedMasterFileIsReadOrRefusedWithItsProblems() {
        List<byte[]> corpus = Fuzz.corpus("office-master");
        Fuzz fuzz = Fuzz.seeded(41);
        for (int round = 0; round < Fuzz.rounds(3_000); round++) {
            byte[] input = fuzz.mutant(corpus);
            try {
                for (OfficeMasterFiles.Read<?> read : List.of(OfficeMasterFiles.publication("jigyosho_110.csv", input),
                        OfficeMasterFiles.designations(input), OfficeMasterFiles.institutions(input))) {
                    for (MasterProblem p : read.problems()) {
                        assertThat(p.line()).as(fuzz.describe(round, input)).isNotNegative();
                        assertThat(p.reason()).as(fuzz.describe(round, input)).isNotBlank()
                                .doesNotContain("かいご診療所", "訪問介護かいご", "霞が関", "03-0000");
                    }
                    assertThat(read.refused() || read.problems().isEmpty()).isTrue();
                }
            } catch (RuntimeException e) {
                fail(fuzz.describe(round, input), e);
            }
        }
    }
}
