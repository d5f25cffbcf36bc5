package jp.kaigo.certification;

import java.util.List;
import java.util.Optional;
import jp.kaigo.shared.InsuredNumber;

/**
 * One 一次判定 result as read (design §6.1), before it meets its case: a CSV line (the header is line 1) or a JSON
 * object (numbered from 1), either ready to be recorded (its fields valid among themselves) or refused with its
 * field violations. Only {@link CareCertification} looks inside a ready one.
 */
public final class FirstJudgementDraft {
    private final long number;
    final FirstJudgementLayout.Row row;
    private final List<Problem> problems;

    /** A broken rule: the field, its label and the reason (never the value). */
    public record Problem(String field, String label, String reason) {
    }

    /**
     * Whether the actor may record a step of the person's case: empty when they may, else the reason to tell them
     * (the caller asks access; certification does not).
     */
    @FunctionalInterface
    public interface Permission {
        Optional<String> refusal(InsuredNumber person);
    }

    private FirstJudgementDraft(long number, FirstJudgementLayout.Row row, List<Problem> problems) {
        this.number = number;
        this.row = row;
        this.problems = List.copyOf(problems);
    }

    static FirstJudgementDraft ready(long number, FirstJudgementLayout.Row row) {
        return new FirstJudgementDraft(number, row, List.of());
    }

    static FirstJudgementDraft refused(long number, List<Problem> problems) {
        return new FirstJudgementDraft(number, null, problems);
    }

    public long number() {
        return number;
    }

    /** Ready to be recorded: no problem of its own fields. */
    public boolean ready() {
        return row != null;
    }

    /** The violations of its fields (none when ready). */
    public List<Problem> problems() {
        return problems;
    }
}
