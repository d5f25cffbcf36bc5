package jp.kaigo.certification;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.kaigo.ingest.CsvLines;
import jp.kaigo.ingest.FieldSpec;
import jp.kaigo.ingest.Rejection;
import jp.kaigo.shared.InvalidValue;

/**
 * A CSV of many 一次判定 results (design §6.1 {@code POST /api/certification/first-judgements}): a header line of
 * field keys or Japanese labels of the {@code first-judgement} layout, in any order, then one case a line. Each line
 * is parsed by {@link FirstJudgementLayout} into its row or its violations with the line number (the header is line
 * 1). A file without a usable header (none, an unknown or repeated column, a required column missing), or one that is
 * not CSV in the charset, is refused as a whole. Which case a row names is the facade's to resolve.
 */
final class FirstJudgementCsv {
    private static final String BOM = "\uFEFF";

    sealed interface Result {
    }

    /** The file was read: every data line, parsed or rejected, in file order. */
    record Read(List<Line> lines) implements Result {
        Read {
            lines = List.copyOf(lines);
        }
    }

    /** The file as a whole is refused; no line of it counts. Line 0: the whole file (a charset or quoting fault). */
    record Refused(Rejection problem) implements Result {
    }

    sealed interface Line {
        long number();
    }

    record Parsed(long number, FirstJudgementLayout.Row row) implements Line {
    }

    record Rejected(long number, List<Rejection> rejections) implements Line {
        Rejected {
            rejections = List.copyOf(rejections);
        }
    }

    private FirstJudgementCsv() {
    }

    static Result read(InputStream in, Charset charset) {
        List<CsvLines.Line> records;
        try {
            records = CsvLines.read(in, charset);
        } catch (InvalidValue e) {
            var v = e.violations().get(0);
            return new Refused(new Rejection(0, v.field(), v.label(), v.reason()));
        }
        if (records.isEmpty()) {
            return new Refused(new Rejection(1, "header", "見出し行", "見出し行がありません"));
        }
        CsvLines.Line header = records.get(0);
        List<String> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int col = 0; col < header.cells().size(); col++) {
            String name = header.cells().get(col).strip();
            if (col == 0 && name.startsWith(BOM)) {
                name = name.substring(1).strip();
            }
            Optional<FieldSpec> field = field(name);
            if (field.isEmpty()) {
                return new Refused(new Rejection(header.number(), "header", "見出し行", (col + 1)
                        + "列目の見出しは一次判定の項目ではありません(1行目は項目名か項目キーの見出し行です)"));
            }
            if (!seen.add(field.get().key())) {
                return new Refused(new Rejection(header.number(), field.get().key(), field.get().label(),
                        "見出しが重複しています"));
            }
            keys.add(field.get().key());
        }
        for (FieldSpec f : FirstJudgementLayout.LAYOUT.fields()) {
            if (f.required() && !seen.contains(f.key())) {
                return new Refused(new Rejection(header.number(), f.key(), f.label(), "必須項目の列がありません"));
            }
        }
        List<Line> lines = new ArrayList<>();
        for (CsvLines.Line record : records.subList(1, records.size())) {
            lines.add(line(record, keys));
        }
        return new Read(lines);
    }

    private static Line line(CsvLines.Line record, List<String> keys) {
        long number = record.number();
        if (record.cells().size() != keys.size()) {
            return new Rejected(number, List.of(new Rejection(number, "row", "行",
                    "列の数(" + record.cells().size() + ")が見出し行(" + keys.size() + ")と一致しません")));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int col = 0; col < keys.size(); col++) {
            values.put(keys.get(col), record.cells().get(col));
        }
        FirstJudgementLayout.Parsed parsed = FirstJudgementLayout.parse(values);
        if (parsed instanceof FirstJudgementLayout.Row row) {
            return new Parsed(number, row);
        }
        return new Rejected(number, ((FirstJudgementLayout.Invalid) parsed).violations().stream()
                .map(v -> new Rejection(number, v.field(), v.label(), v.reason())).toList());
    }

    private static Optional<FieldSpec> field(String keyOrLabel) {
        return FirstJudgementLayout.LAYOUT.fields().stream()
                .filter(f -> f.key().equals(keyOrLabel) || f.label().equals(keyOrLabel)).findFirst();
    }
}
