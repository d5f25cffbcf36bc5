package jp.kaigo.ingest;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.Violation;

/**
 * Pulls rows from a file as PostgreSQL reads the COPY stream, validates each against the layout and
 * encodes it in COPY binary format ({@link ImportTarget#STAGING_KEY_COLUMNS}, the fields, the problems):
 * PostgreSQL then parses no text, which halves its share of staging. A row that breaks a rule is
 * staged with its problems instead of its data, so one pass carries both. Memory stays flat: at most
 * one buffer of encoded rows is held.
 */
final class StagingStream extends InputStream {
    private static final int BUFFER = 64 * 1024;
    /** Leading columns of every staged row; see {@link ImportTarget#STAGING_KEY_COLUMNS}. */
    private static final int KEY_COLUMNS = 6;
    private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private final RowSource source;
    private final RecordLayout layout;
    private final List<FieldSpec> fields;
    private final int operationColumn;
    private final String insurerNo;
    private final ImportMode mode;
    private final AtomicLong rowsRead;
    private final BinaryCopyBuffer out = new BinaryCopyBuffer(BUFFER + 4096);
    private String previousInsured;
    private int previousHistory;
    private boolean keysAscending = true;
    private boolean unreadableKeys;
    private boolean started;
    private int pos;
    private boolean eof;

    StagingStream(RowSource source, RecordLayout layout, String insurerNo, ImportMode mode, AtomicLong rowsRead) {
        this.source = source;
        this.layout = layout;
        this.fields = layout.allFields();
        this.operationColumn = fields.indexOf(KeyFields.OP);
        this.insurerNo = insurerNo;
        this.mode = mode;
        this.rowsRead = rowsRead;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (pos >= out.size() && !fill()) {
            return -1;
        }
        int n = Math.min(len, out.size() - pos);
        System.arraycopy(out.array(), pos, b, off, n);
        pos += n;
        return n;
    }

    private boolean fill() {
        if (eof) {
            return false;
        }
        out.clear();
        pos = 0;
        if (!started) {
            out.header();
            started = true;
        }
        while (out.size() < BUFFER) {
            SourceRow row = source.next();
            if (row == null) {
                eof = true;
                out.trailer();
                break;
            }
            rowsRead.incrementAndGet();
            encode(row);
        }
        return true;
    }

    private void encode(SourceRow row) {
        List<Violation> problems = new ArrayList<>(row.problems());
        Map<String, Object> values = new HashMap<>(64);
        String op = operation(row, problems);
        boolean deleting = "D".equals(op);
        for (int i = 0; i < fields.size(); i++) {
            if (i == operationColumn) {
                continue;
            }
            FieldSpec field = fields.get(i);
            String raw = row.values()[i] == null ? "" : row.values()[i].strip();
            if (raw.isEmpty()) {
                boolean keyField = i < 3;
                if (field.required() && (keyField || !deleting)) {
                    problems.add(new Violation(field.key(), field.label(), "必須です"));
                }
                continue;
            }
            try {
                values.put(field.key(), field.parse(raw));
            } catch (InvalidValue e) {
                problems.addAll(e.violations());
            }
        }
        if (insurerNo.equals(values.get(KeyFields.INSURER.key())) || !values.containsKey(KeyFields.INSURER.key())) {
            checkRules(values, problems, deleting);
        } else {
            problems.add(new Violation(KeyFields.INSURER.key(), KeyFields.INSURER.label(),
                    "送信元の保険者番号と一致しません"));
        }
        if (problems.isEmpty()) {
            checkOrder((String) values.get(KeyFields.INSURED.key()), (Integer) values.get(KeyFields.HISTORY.key()),
                    problems);
        }
        appendRow(row.line(), op, values, problems);
    }

    /**
     * While keys arrive in ascending order (as municipal systems write them), a duplicate can only
     * follow its twin, so it is refused here; after the first step back the merge searches for them.
     */
    private void checkOrder(String insured, int history, List<Violation> problems) {
        if (!keysAscending) {
            return;
        }
        int order = previousInsured == null ? 1 : insured.compareTo(previousInsured);
        if (order == 0) {
            order = Integer.compare(history, previousHistory);
        }
        if (order == 0) {
            problems.add(new Violation(KeyFields.HISTORY.key(), KeyFields.HISTORY.label(), KeyFields.DUPLICATE_REASON));
        } else if (order < 0) {
            keysAscending = false;
        } else {
            previousInsured = insured;
            previousHistory = history;
        }
    }

    /** What the merge needs to know about the staged rows (read after the stream is drained). */
    StagingSummary summary() {
        return new StagingSummary(keysAscending, unreadableKeys);
    }

    private String operation(SourceRow row, List<Violation> problems) {
        String raw = row.values()[operationColumn] == null ? "" : row.values()[operationColumn].strip();
        if (mode == ImportMode.FULL) {
            if (!raw.isEmpty() && !raw.equals("1")) {
                problems.add(new Violation(KeyFields.OP.key(), KeyFields.OP.label(),
                        "全量ファイルでは更新・削除の処理区分は使えません(空欄または1)"));
            }
            return "F";
        }
        return switch (raw) {
            case "1" -> "I";
            case "2" -> "U";
            case "3" -> "D";
            case "" -> {
                problems.add(new Violation(KeyFields.OP.key(), KeyFields.OP.label(), "差分ファイルでは必須です"));
                yield "U";
            }
            default -> {
                problems.add(new Violation(KeyFields.OP.key(), KeyFields.OP.label(),
                        "コードが正しくありません(1・2・3)"));
                yield "U";
            }
        };
    }

    private void checkRules(Map<String, Object> values, List<Violation> problems, boolean deleting) {
        if (deleting || !problems.isEmpty()) {
            return;
        }
        if (values.get(KeyFields.VALID_TO.key()) instanceof LocalDate to
                && values.get(KeyFields.VALID_FROM.key()) instanceof LocalDate from && to.isBefore(from)) {
            problems.add(new Violation(KeyFields.VALID_TO.key(), KeyFields.VALID_TO.label(), "有効開始日より前の日付です"));
        }
        for (RowRule rule : layout.rules()) {
            rule.check(values).ifPresent(problems::add);
        }
    }

    private void appendRow(long line, String op, Map<String, Object> values, List<Violation> problems) {
        out.int16(KEY_COLUMNS + layout.fields().size() + 1);
        out.int32(8).int64(line);
        out.text(op);
        Object insured = values.get(KeyFields.INSURED.key());
        column(insured);
        column(values.get(KeyFields.HISTORY.key()));
        boolean ok = problems.isEmpty();
        column(ok ? values.get(KeyFields.VALID_FROM.key()) : null);
        column(ok ? values.get(KeyFields.VALID_TO.key()) : null);
        boolean withFields = ok && !"D".equals(op);
        for (FieldSpec field : layout.fields()) {
            column(withFields ? values.get(field.key()) : null);
        }
        if (ok) {
            out.int32(-1);
        } else {
            unreadableKeys |= insured == null;
            problemsJson(problems);
        }
    }

    /** One value in PostgreSQL's binary format: text as UTF-8, date as days since 2000-01-01, int4. */
    private void column(Object value) {
        if (value == null) {
            out.int32(-1);
        } else if (value instanceof String s) {
            out.text(s);
        } else if (value instanceof LocalDate date) {
            out.int32(4).int32((int) (date.toEpochDay() - PG_EPOCH_DAY));
        } else if (value instanceof Integer i) {
            out.int32(4).int32(i);
        } else {
            throw new IllegalStateException("no binary encoding for " + value.getClass().getSimpleName());
        }
    }

    /** jsonb in binary format: version 1, then the JSON text. */
    private void problemsJson(List<Violation> problems) {
        StringBuilder json = new StringBuilder(128).append('[');
        for (int i = 0; i < problems.size(); i++) {
            Violation v = problems.get(i);
            json.append(i == 0 ? "{" : ",{").append("\"field\":");
            jsonString(json, v.field());
            json.append(",\"label\":");
            jsonString(json, v.label());
            json.append(",\"reason\":");
            jsonString(json, v.reason());
            json.append('}');
        }
        byte[] text = json.append(']').toString().getBytes(StandardCharsets.UTF_8);
        out.int32(text.length + 1).int8(1).bytes(text);
    }

    private static void jsonString(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
