package jp.kaigo.filing;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.kaigo.access.AccessDecisions;
import jp.kaigo.access.Actor;
import jp.kaigo.access.Decision;
import jp.kaigo.certification.CareCertification;
import jp.kaigo.certification.FirstJudgementDraft;
import jp.kaigo.certification.FirstJudgementFileReport;
import jp.kaigo.certification.FirstJudgementReport;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.PartyKind;
import org.springframework.stereotype.Service;

/**
 * The municipality's import of 一次判定 results (facade; design §6.1, §8.1 {@code POST /api/certification/first-judgements}):
 * a CSV or JSON objects, one case each. As the house's file imports do, a file that cannot be read as a whole
 * changes nothing, and otherwise each line stands alone: a good line is recorded (its own transaction), a bad one
 * is answered with its line, field and reason and stores nothing. For each line, once certification has found the
 * open case it names, {@code access} is asked (audited) whether the actor may take this step of the person's case
 * ({@code mayWorkOnCase}, CaseRules: the municipality's 市町村職員); only then does certification check and record it.
 */
@Service
public class FirstJudgementImport {
    private final AccessDecisions access;
    private final CareCertification certification;

    FirstJudgementImport(AccessDecisions access, CareCertification certification) {
        this.access = access;
        this.certification = certification;
    }

    /** What is imported: a CSV in a charset, or the values of JSON objects by field key (numbered from 1). */
    public sealed interface Upload permits Csv, Objects {
    }

    public record Csv(InputStream in, Charset charset) implements Upload {
    }

    public record Objects(List<Map<String, String>> values) implements Upload {
        public Objects {
            values = List.copyOf(values);
        }
    }

    /** A broken rule: the field, its label and the reason (never the value). */
    public record Problem(String field, String label, String reason) {
    }

    /** The answer: the file refused as a whole (line 0: the file; 1: the header), or every line's result in order. */
    public sealed interface Answer permits FileRefused, Imported {
    }

    public record FileRefused(long line, Problem problem) implements Answer {
    }

    public record Imported(List<Result> lines) implements Answer {
        public Imported {
            lines = List.copyOf(lines);
        }

        public long accepted() {
            return lines.stream().filter(Accepted.class::isInstance).count();
        }

        public long rejected() {
            return lines.stream().filter(Rejected.class::isInstance).count();
        }
    }

    /** One line's result: its CSV line number (the header is line 1) or the position of the JSON object. */
    public sealed interface Result permits Accepted, Rejected {
        long line();
    }

    /** Recorded on the case; the warnings (J4, J5) are for the clerk to look at. */
    public record Accepted(long line, UUID caseId, List<Problem> warnings) implements Result {
        public Accepted {
            warnings = List.copyOf(warnings);
        }
    }

    /** Nothing of the line stored. */
    public record Rejected(long line, List<Problem> problems) implements Result {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }

    /** Imports the results for the actor's municipality; only a signed-in staff member of a municipality imports. */
    public Answer importResults(Actor actor, Upload upload) {
        if (actor.isPerson() || actor.organisation().kind() != PartyKind.MUNICIPALITY) {
            throw new IllegalArgumentException("一次判定 results are imported by a municipality");
        }
        InsurerNumber insurer = new InsurerNumber(actor.organisation().number());
        FirstJudgementFileReport read = upload instanceof Csv csv
                ? certification.readFirstJudgements(csv.in(), csv.charset())
                : certification.readFirstJudgements(((Objects) upload).values());
        if (read instanceof FirstJudgementFileReport.FileRefused refused) {
            return new FileRefused(refused.line(), problem(refused.problem()));
        }
        // access is asked once the line's case is found (its person known), inside the line's transaction
        FirstJudgementDraft.Permission mayWrite = person -> {
            Decision decision = access.mayWorkOnCase(actor, insurer.value(), person.value(),
                    AccessDecisions.CaseStep.FIRST_JUDGEMENT);
            return decision.permitted() ? Optional.empty() : Optional.of(decision.message());
        };
        List<Result> results = new ArrayList<>();
        for (FirstJudgementDraft draft : ((FirstJudgementFileReport.Lines) read).drafts()) {
            FirstJudgementReport report = certification.recordFirstJudgement(insurer, draft, mayWrite);
            if (report instanceof FirstJudgementReport.Recorded recorded) {
                results.add(new Accepted(recorded.number(), recorded.caseId(), recorded.warnings().stream()
                        .map(w -> new Problem(w.field(), w.label(), w.reason())).toList()));
            } else {
                FirstJudgementReport.Refused refused = (FirstJudgementReport.Refused) report;
                results.add(new Rejected(refused.number(), refused.problems().stream()
                        .map(FirstJudgementImport::problem).toList()));
            }
        }
        return new Imported(results);
    }

    private static Problem problem(FirstJudgementDraft.Problem p) {
        return new Problem(p.field(), p.label(), p.reason());
    }
}
