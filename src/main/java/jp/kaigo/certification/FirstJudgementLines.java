package jp.kaigo.certification;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * 一次判定 results on their way in (design §6.1): a CSV or JSON objects read into lines, each ready to be recorded
 * against its case or refused with its field violations, and what recording a ready line answers. A line's number is
 * its CSV line (the header is line 1) or the position of the JSON object (from 1).
 */
public final class FirstJudgementLines {

    private FirstJudgementLines() {
    }

    /** A broken rule of one line: the field, its label and the reason (never the value). */
    public record Problem(String field, String label, String reason) {
    }

    /** Something the clerk should look at on a recorded result (J4, J5); the result is stored nonetheless. */
    public record Warning(String field, String label, String reason) {
    }

    /** What reading a CSV answers: its lines, or the file refused as a whole (nothing of it counts). */
    public sealed interface Read permits Lines, FileRefused {
    }

    public record Lines(List<Line> lines) implements Read {
        public Lines {
            lines = List.copyOf(lines);
        }
    }

    /** Line 0: the whole file (a charset or quoting fault); line 1: the header. */
    public record FileRefused(long line, Problem problem) implements Read {
    }

    /** One line read: ready to be recorded, or refused. */
    public sealed interface Line permits Ready, Refused {
        long number();
    }

    /** What recording a ready line answers: recorded, or refused (nothing stored). */
    public sealed interface Outcome permits Recorded, Refused {
        long number();
    }

    /** A line whose fields are valid among themselves; only {@link CareCertification} looks inside. */
    public static final class Ready implements Line {
        private final long number;
        final FirstJudgementLayout.Row row;

        Ready(long number, FirstJudgementLayout.Row row) {
            this.number = number;
            this.row = Objects.requireNonNull(row, "row");
        }

        @Override
        public long number() {
            return number;
        }
    }

    public record Refused(long number, List<Problem> problems) implements Line, Outcome {
        public Refused {
            problems = List.copyOf(problems);
        }
    }

    public record Recorded(long number, UUID caseId, List<Warning> warnings) implements Outcome {
        public Recorded {
            warnings = List.copyOf(warnings);
        }
    }
}
