package jp.kaigo.ingest;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.Violation;

/**
 * Pulls rows from a file as PostgreSQL reads the COPY stream, validates each against the layout and
 * encodes it in COPY text format ({@link ImportTarget#STAGING_KEY_COLUMNS}, the fields, the problems). A row that breaks a rule is
 * staged with its problems instead of its data, so one pass carries both. Memory stays flat: at most
 * one buffer of encoded rows is held.
 */
final class StagingStream extends InputStream {
    private static final int BUFFER = 64 * 1024;
    private final RowSource source;
    private final RecordLayout layout;
    private final List<FieldSpec> fields;
    private final int operationColumn;
    private final String importId;
    private final String insurerNo;
    private final ImportMode mode;
    private final AtomicLong rowsRead;
    private final StringBuilder text = new StringBuilder(BUFFER + 4096);
    private String previousInsured;
    private int previousHistory;
    private boolean keysAscending = true;
    private byte[] bytes = new byte[0];
    private int pos;
    private boolean eof;

    StagingStream(RowSource source, RecordLayout layout, UUID importId, String insurerNo, ImportMode mode,
            AtomicLong rowsRead) {
        this.source = source;
        this.layout = layout;
        this.fields = layout.allFields();
        this.operationColumn = fields.indexOf(KeyFields.OP);
        this.importId = importId.toString();
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
        if (pos >= bytes.length && !fill()) {
            return -1;
        }
        int n = Math.min(len, bytes.length - pos);
        System.arraycopy(bytes, pos, b, off, n);
        pos += n;
        return n;
    }

    private boolean fill() {
        if (eof) {
            return false;
        }
        text.setLength(0);
        while (text.length() < BUFFER) {
            SourceRow row = source.next();
            if (row == null) {
                eof = true;
                break;
            }
            rowsRead.incrementAndGet();
            encode(row);
        }
        bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        pos = 0;
        return bytes.length > 0;
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

    /** Whether every accepted row so far came in ascending key order (read after the stream is drained). */
    boolean keysAscending() {
        return keysAscending;
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
        text.append(importId).append('\t').append(line).append('\t').append(op).append('\t');
        column(values.get(KeyFields.INSURER.key()));
        column(values.get(KeyFields.INSURED.key()));
        column(values.get(KeyFields.HISTORY.key()));
        boolean ok = problems.isEmpty();
        column(ok ? values.get(KeyFields.VALID_FROM.key()) : null);
        column(ok ? values.get(KeyFields.VALID_TO.key()) : null);
        boolean withFields = ok && !"D".equals(op);
        for (FieldSpec field : layout.fields()) {
            Object value = withFields ? values.get(field.key()) : null;
            if (value instanceof String s) {
                copyText(s);
                text.append('\t');
            } else {
                column(value);
            }
        }
        if (ok) {
            text.append("\\N\n");
        } else {
            problemsJson(problems);
        }
    }

    private void column(Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof LocalDate date) {
            appendDate(date);
        } else {
            text.append(value);
        }
        text.append('\t');
    }

    /** YYYY-MM-DD without the formatter's allocations (every row carries several dates). */
    private void appendDate(LocalDate date) {
        int year = date.getYear();
        if (year < 1000) {
            text.append(date);
            return;
        }
        text.append(year).append('-');
        int month = date.getMonthValue();
        text.append(month < 10 ? "0" : "").append(month).append('-');
        int day = date.getDayOfMonth();
        text.append(day < 10 ? "0" : "").append(day);
    }

    /** A text value in COPY text format: backslash escaped (control characters never pass validation). */
    private void copyText(String s) {
        if (s.indexOf('\\') < 0) {
            text.append(s);
        } else {
            text.append(s.replace("\\", "\\\\"));
        }
    }

    private void problemsJson(List<Violation> problems) {
        text.append('[');
        for (int i = 0; i < problems.size(); i++) {
            Violation v = problems.get(i);
            text.append(i == 0 ? "{" : ",{").append("\"field\":");
            jsonString(v.field());
            text.append(",\"label\":");
            jsonString(v.label());
            text.append(",\"reason\":");
            jsonString(v.reason());
            text.append('}');
        }
        text.append("]\n");
    }

    /** A JSON string literal, escaped once more for COPY text format (backslash doubled). */
    private void jsonString(String s) {
        text.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\\\"");
                case '\\' -> text.append("\\\\\\\\");
                default -> {
                    if (c < 0x20) {
                        text.append(String.format("\\\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        text.append('"');
    }
}
