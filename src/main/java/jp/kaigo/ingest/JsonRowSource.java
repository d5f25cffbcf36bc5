package jp.kaigo.ingest;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import jp.kaigo.shared.Violation;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * JSON: either an array of flat objects, or an object whose {@code records} member is that array.
 * Members are field keys (or Japanese labels) with string, number or null values; a row's line is the
 * line where its object starts. A member named twice (or once by key and once by label) rejects its row:
 * which of the two was meant cannot be known. A member may be left out of a record (it is then blank there), but
 * a member of the layout that no record of the file names is the same mistake as a missing CSV column: the file
 * is refused naming them, unless the request says it omits them (a record naming an omitted member is refused).
 * Read as a token stream, one record at a time.
 */
final class JsonRowSource implements RowSource {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final JsonParser parser;
    private final RecordLayout layout;
    private final List<FieldSpec> fields;
    private final Set<String> omitted;
    private final boolean[] namedInFile;
    private boolean anyRecord;
    private boolean finished;

    JsonRowSource(InputStream in, Charset charset, RecordLayout layout, Set<String> omitted) {
        this.layout = layout;
        this.fields = layout.allFields();
        this.omitted = omitted;
        this.namedInFile = new boolean[fields.size()];
        this.parser = FACTORY.createParser(ObjectReadContext.empty(),
                new InputStreamReader(in, Charsets.strictDecoder(charset)));
        guarded(() -> {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                if (parser.nextToken() != JsonToken.PROPERTY_NAME || !"records".equals(parser.currentName())
                        || parser.nextToken() != JsonToken.START_ARRAY) {
                    throw structure("最初の項目は records 配列にしてください");
                }
            } else if (first != JsonToken.START_ARRAY) {
                throw structure("JSONの配列、または records 配列を持つオブジェクトにしてください");
            }
            return null;
        });
    }

    @Override
    public SourceRow next() {
        if (finished) {
            return null;
        }
        return guarded(() -> {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                finished = true;
                List<FieldSpec> missing = layout.expectedColumns(omitted).stream()
                        .filter(f -> !namedInFile[fields.indexOf(f)]).toList();
                if (anyRecord && !missing.isEmpty()) {
                    throw new FileRejected(parser.currentLocation().getLineNr(), "file", "ファイル",
                            RecordLayout.missingColumns(missing).replace("列がありません", "項目がどの記録にもありません"));
                }
                return null;
            }
            if (token != JsonToken.START_OBJECT) {
                throw structure("配列の要素はオブジェクトにしてください");
            }
            long line = parser.currentLocation().getLineNr();
            anyRecord = true;
            String[] values = new String[fields.size()];
            boolean[] named = new boolean[fields.size()];
            List<Violation> problems = new ArrayList<>();
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                var field = layout.field(name);
                if (field.isEmpty()) {
                    problems.add(new Violation("member", "項目", "この種別にない項目があります(項目名: " + name + ")"));
                    parser.skipChildren();
                } else if (named[fields.indexOf(field.get())]) {
                    problems.add(new Violation(field.get().key(), field.get().label(),
                            "同じ項目が1つの記録に2回あります(キーと項目名の両方で書いた場合も含みます)"));
                    parser.skipChildren();
                } else if (omitted.contains(field.get().key())) {
                    problems.add(new Violation(field.get().key(), field.get().label(), "省略すると指定した項目です"));
                    parser.skipChildren();
                } else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    problems.add(new Violation(field.get().key(), field.get().label(), "文字列か数値で指定してください"));
                    parser.skipChildren();
                } else {
                    named[fields.indexOf(field.get())] = true;
                    namedInFile[fields.indexOf(field.get())] = true;
                    if (value != JsonToken.VALUE_NULL) {
                        values[fields.indexOf(field.get())] = parser.getString();
                    }
                }
            }
            return new SourceRow(line, values, problems);
        });
    }

    private FileRejected structure(String reason) {
        return new FileRejected(parser.currentLocation().getLineNr(), "file", "ファイル", reason);
    }

    private <T> T guarded(Supplier<T> step) {
        try {
            return step.get();
        } catch (JacksonException e) {
            // a decoding failure is reported without a line of its own (-1): the parser's position has it
            long line = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation().getLineNr()
                    : Math.max(1, parser.currentLocation().getLineNr());
            if (e.getCause() instanceof CharacterCodingException) {
                throw new FileRejected(line, "charset", "文字コード", "指定(または判定)した文字コードで読めない文字があります");
            }
            throw new FileRejected(line, "file", "ファイル", "JSONの構文が正しくありません");
        }
    }

    @Override
    public void close() {
        parser.close();
    }
}
