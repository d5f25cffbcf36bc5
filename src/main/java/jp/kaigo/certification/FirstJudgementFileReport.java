package jp.kaigo.certification;

import java.util.List;

/** What reading 一次判定 results answers (design §6.1): every line as a draft, or the file refused as a whole. */
public sealed interface FirstJudgementFileReport {

    record Lines(List<FirstJudgementDraft> drafts) implements FirstJudgementFileReport {
        public Lines {
            drafts = List.copyOf(drafts);
        }
    }

    /** Nothing of the file counts. Line 0: the whole file (a charset or quoting fault); line 1: the header. */
    record FileRefused(long line, FirstJudgementDraft.Problem problem) implements FirstJudgementFileReport {
    }
}
