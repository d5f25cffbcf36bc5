package jp.kaigo.ingest;

import java.util.List;
import jp.kaigo.shared.Violation;

/** One data row of a file: its line, the raw text per layout column (null if absent), structural problems. */
record SourceRow(long line, String[] values, List<Violation> problems) {
}
