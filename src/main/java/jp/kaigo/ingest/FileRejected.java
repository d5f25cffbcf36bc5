package jp.kaigo.ingest;

import java.util.List;

/** The file as a whole cannot be read (header, encoding, structure): nothing of it was imported. */
public class FileRejected extends RuntimeException {
    private final transient List<Rejection> problems;

    public FileRejected(long line, String field, String label, String reason) {
        super("file rejected at line " + line + ": " + reason);
        this.problems = List.of(new Rejection(line, field, label, reason));
    }

    public List<Rejection> problems() {
        return problems;
    }
}
