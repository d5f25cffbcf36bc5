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
import jp.kaigo.certification.FirstJudgementLines;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.PartyKind;
import org.springframework.stereotype.Service;

/**
 * The municipality's import of 一次判定 results (facade; design §6.1, §8.1 {@code POST /api/certification/first-judgements}):
 * a CSV or JSON objects, one case each. As the house's file imports do, a file that cannot be read as a whole
 * changes nothing, and otherwise each line stands alone: a good line is recorded (its own transaction), a bad one
 * is answered with its line, field and reason and stores nothing. For each line {@code access} is asked first
 * (audited) whether the actor may write the person's {@code CERTIFICATION}; only then does certification check
 * and record it.
 */
@Service
public class FirstJudgementImport {
    private static final String CASE = "caseId";
    private static final String CASE_LABEL = "認定案件";

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
        List<FirstJudgementLines.Line> lines = new ArrayList<>();
        if (upload instanceof Csv csv) {
            FirstJudgementLines.Read read = certification.readFirstJudgements(csv.in(), csv.charset());
            if (read instanceof FirstJudgementLines.FileRefused refused) {
                return new FileRefused(refused.line(), problem(refused.problem()));
            }
            lines.addAll(((FirstJudgementLines.Lines) read).lines());
        } else {
            List<Map<String, String>> objects = ((Objects) upload).values();
            for (int i = 0; i < objects.size(); i++) {
                lines.add(certification.firstJudgement(i + 1, objects.get(i)));
            }
        }
        List<Result> results = new ArrayList<>();
        for (FirstJudgementLines.Line line : lines) {
            results.add(line instanceof FirstJudgementLines.Ready ready ? record(actor, insurer, ready)
                    : rejected((FirstJudgementLines.Refused) line));
        }
        return new Imported(results);
    }

    private Result record(Actor actor, InsurerNumber insurer, FirstJudgementLines.Ready line) {
        Optional<InsuredNumber> person = certification.firstJudgementPerson(insurer, line);
        if (person.isPresent()) {
            Decision decision = access.mayWrite(actor, insurer.value(), person.get().value(),
                    InformationCategory.CERTIFICATION);
            if (!decision.permitted()) {
                return new Rejected(line.number(), List.of(new Problem(CASE, CASE_LABEL, decision.message())));
            }
        } // no open case of the municipality: certification refuses the line, and nothing of a person was touched
        FirstJudgementLines.Outcome outcome = certification.recordFirstJudgement(insurer, line);
        if (outcome instanceof FirstJudgementLines.Recorded recorded) {
            return new Accepted(recorded.number(), recorded.caseId(), recorded.warnings().stream()
                    .map(w -> new Problem(w.field(), w.label(), w.reason())).toList());
        }
        return rejected((FirstJudgementLines.Refused) outcome);
    }

    private static Rejected rejected(FirstJudgementLines.Refused refused) {
        return new Rejected(refused.number(), refused.problems().stream().map(FirstJudgementImport::problem).toList());
    }

    private static Problem problem(FirstJudgementLines.Problem p) {
        return new Problem(p.field(), p.label(), p.reason());
    }
}
