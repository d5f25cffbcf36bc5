package jp.kaigo.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import jp.kaigo.registry.RecordType;
import jp.kaigo.shared.Fuzz;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.Violation;
import org.junit.jupiter.api.Test;

/**
 * Municipal files, mutated from the corpus in {@code src/test/resources/fuzz/municipal-csv} and {@code -json}: each
 * is read to its end (the rows validated and encoded for COPY, as an import does) or refused as a whole with
 * {@link FileRejected} naming a line; never another exception; and no message, whole-file or per row, repeats a
 * name, number, birth date or address of the file.
 */
class MunicipalFileFuzzTests {
    /** The personal data of the corpus files. */
    static final List<String> PERSONAL = List.of("花子", "太郎", "一郎", "ハナコ", "0000000001", "0000000002",
            "0000000004", "1940-05-06", "1941-06-07", "1950-01-31", "テスト村", "那覇市");
    private static final List<RecordType> TYPES = List.of(RecordType.INSURED, RecordType.CARE_CERTIFICATE);

    @Test
    void mutatedCsvFilesAreReadOrRefusedWithALineAndNothingElse() {
        fuzz("municipal-csv", FileFormat.CSV, 5_000, 15);
    }

    @Test
    void mutatedJsonFilesAreReadOrRefusedWithALineAndNothingElse() {
        fuzz("municipal-json", FileFormat.JSON, 5_000, 16);
    }

    private static void fuzz(String corpusName, FileFormat format, int rounds, long seed) {
        List<byte[]> corpus = Fuzz.corpus(corpusName);
        Fuzz fuzz = Fuzz.seeded(seed);
        for (int round = 0; round < Fuzz.rounds(rounds); round++) {
            byte[] input = fuzz.mutant(corpus);
            RecordType type = TYPES.get(fuzz.random().nextInt(TYPES.size()));
            ImportMode mode = fuzz.random().nextBoolean() ? ImportMode.FULL : ImportMode.DIFFERENTIAL;
            Set<String> omitted = fuzz.random().nextInt(4) == 0 ? Set.of("postalCode", "validTo") : Set.of();
            if (type != RecordType.INSURED) {
                omitted = Set.of();
            }
            try {
                List<String> messages = read(format, input, type.layout(), omitted);
                stage(format, input, type.layout(), mode, omitted);
                for (String message : messages) {
                    assertThat(message).as(fuzz.describe(round, input)).doesNotContain(PERSONAL);
                }
            } catch (FileRejected e) {
                Rejection r = e.problems().get(0);
                assertThat(r.line()).as(fuzz.describe(round, input)).isPositive();
                assertThat(r.reason()).as(fuzz.describe(round, input)).isNotBlank().doesNotContain(PERSONAL);
                assertThat(r.field() + r.label()).as(fuzz.describe(round, input)).doesNotContain(PERSONAL);
            } catch (RuntimeException | AssertionError e) {
                fail(type + " " + mode + " " + format + " " + fuzz.describe(round, input), e);
            }
        }
    }

    /** Every message of the file's rows: structural problems and each field's rule broken. */
    private static List<String> read(FileFormat format, byte[] input, RecordLayout layout, Set<String> omitted) {
        List<String> messages = new ArrayList<>();
        try (RowSource source = RowSource.open(format, new ByteArrayInputStream(input), charset(input), layout, omitted)) {
            List<FieldSpec> fields = layout.allFields();
            for (SourceRow row = source.next(); row != null; row = source.next()) {
                assertThat(row.line()).isPositive();
                row.problems().forEach(v -> messages.add(v.field() + v.label() + v.reason()));
                for (int i = 0; i < fields.size(); i++) {
                    String raw = row.values()[i];
                    if (raw != null && !raw.isBlank()) {
                        try {
                            fields.get(i).parse(raw.strip());
                        } catch (InvalidValue e) {
                            e.violations().stream().map(Violation::message).forEach(messages::add);
                        }
                    }
                }
            }
        }
        return messages;
    }

    /** The file as an import stages it: every row validated and encoded in COPY's binary format. */
    private static void stage(FileFormat format, byte[] input, RecordLayout layout, ImportMode mode, Set<String> omitted)
            throws FileRejected {
        try (RowSource source = RowSource.open(format, new ByteArrayInputStream(input), charset(input), layout, omitted)) {
            new StagingStream(source, layout, "471003", mode, new AtomicLong()).transferTo(OutputStream.nullOutputStream());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Charset charset(byte[] input) {
        return Charsets.sniff(new BufferedInputStream(new ByteArrayInputStream(input)));
    }
}
