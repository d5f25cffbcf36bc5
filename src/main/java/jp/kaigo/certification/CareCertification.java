package jp.kaigo.certification;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.kaigo.ingest.Rejection;
import jp.kaigo.shared.CareLevel;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 要介護認定 cases of the online flow (facade; docs/design/certification-online.md §3.3): what a person holds
 * (their latest 認定, an open case) for the application rules, and the opening of a case when the municipality
 * accepts an application. Writes join the caller's transaction, so a case opens with the acceptance or not at all.
 */
@Service
public class CareCertification {
    /** 進捗 1 申請受付 (CertificationLayouts.PROGRESS). */
    static final String RECEIVED = "1";
    /** 二次判定結果 01 非該当: no level, so no 認定 to renew or change. */
    private static final String NOT_APPLICABLE = "01";

    private final JdbcClient sql;

    CareCertification(JdbcClient sql) {
        this.sql = sql;
    }

    /** A 認定 with a level (要支援1–要介護5) and its 有効期間. */
    public record Certified(CareLevel level, LocalDate validFrom, LocalDate validTo) {
    }

    /** The person's latest 認定 with a level (by 有効期間の終了日), from the current revision of each history. */
    public Optional<Certified> latestCertified(InsurerNumber insurer, InsuredNumber insured) {
        return sql.sql("""
                select result, cert_valid_from, cert_valid_to from certification.certification_records
                 where insurer_no = :insurer and insured_no = :insured and current and not deleted
                   and result is not null and result <> :none and cert_valid_from is not null and cert_valid_to is not null
                 order by cert_valid_to desc limit 1
                """).param("insurer", insurer.value()).param("insured", insured.value()).param("none", NOT_APPLICABLE)
                .query((rs, i) -> {
                    LocalDate from = rs.getObject(2, LocalDate.class);
                    LocalDate to = rs.getObject(3, LocalDate.class);
                    return CareLevel.find(rs.getString(1)).map(level -> new Certified(level, from, to));
                })
                .optional().flatMap(found -> found);
    }

    /** The person's open case, if any (one at most). */
    public Optional<UUID> openCase(InsurerNumber insurer, InsuredNumber insured) {
        return sql.sql("""
                select case_id from certification.cases where insurer_no = :insurer and insured_no = :insured
                   and status = 'open'
                """).param("insurer", insurer.value()).param("insured", insured.value()).query(UUID.class).optional();
    }

    /**
     * An accepted online application: its 申請区分 code, the day it was sent, the 主治医医療機関 it names (or null)
     * and the document it came as.
     */
    public record AcceptedApplication(InsurerNumber insurer, InsuredNumber insured, UUID applicationDocumentId,
            String applicationType, LocalDate appliedOn, String doctorInstitutionCode) {
    }

    /**
     * Opens the case of an accepted application: the case row and a new history of the person's certification
     * record at 進捗 申請受付 (source online). Answers the case id; a second acceptance of the same application
     * answers the case it opened. Fails (and the caller's transaction with it) if another case of the person is open.
     */
    public UUID openCase(AcceptedApplication a) {
        Optional<UUID> existing = sql.sql("""
                select case_id from certification.cases
                 where insurer_no = :insurer and insured_no = :insured and application_document_id = :document
                """).param("insurer", a.insurer().value()).param("insured", a.insured().value())
                .param("document", a.applicationDocumentId()).query(UUID.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID caseId = UUID.randomUUID();
        int historyNo = sql.sql("""
                select coalesce(max(history_no), 0) + 1 from certification.certification_records
                 where insurer_no = :insurer and insured_no = :insured
                """).param("insurer", a.insurer().value()).param("insured", a.insured().value()).query(Integer.class)
                .single();
        sql.sql("""
                insert into certification.cases (insurer_no, insured_no, case_id, application_document_id,
                       application_type, applied_on, history_no, status)
                values (:insurer, :insured, :case, :document, :type, :appliedOn, :history, 'open')
                """).param("insurer", a.insurer().value()).param("insured", a.insured().value()).param("case", caseId)
                .param("document", a.applicationDocumentId()).param("type", a.applicationType())
                .param("appliedOn", a.appliedOn()).param("history", historyNo).update();
        sql.sql("""
                insert into certification.certification_records (insurer_no, insured_no, history_no, revision,
                       valid_from, application_type, applied_on, progress, opinion_institution, import_id, source, case_id)
                values (:insurer, :insured, :history, 1, :appliedOn, :type, :appliedOn, :progress, :institution,
                        :document, 'online', :case)
                """).param("insurer", a.insurer().value()).param("insured", a.insured().value())
                .param("history", historyNo).param("appliedOn", a.appliedOn()).param("type", a.applicationType())
                .param("progress", RECEIVED).param("institution", a.doctorInstitutionCode())
                .param("document", a.applicationDocumentId()).param("case", caseId).update();
        return caseId;
    }

    /** Reads a CSV of 一次判定 results (design §6.1): every line as a draft (ready or refused), or the file refused. */
    public FirstJudgementFileReport readFirstJudgements(InputStream csv, Charset charset) {
        FirstJudgementCsv.Result read = FirstJudgementCsv.read(csv, charset);
        if (read instanceof FirstJudgementCsv.Refused refused) {
            Rejection r = refused.problem();
            return new FirstJudgementFileReport.FileRefused(r.line(),
                    new FirstJudgementDraft.Problem(r.field(), r.label(), r.reason()));
        }
        return new FirstJudgementFileReport.Lines(((FirstJudgementCsv.Read) read).lines().stream().map(line -> {
            if (line instanceof FirstJudgementCsv.Parsed parsed) {
                return FirstJudgementDraft.ready(parsed.number(), parsed.row());
            }
            FirstJudgementCsv.Rejected rejected = (FirstJudgementCsv.Rejected) line;
            return FirstJudgementDraft.refused(rejected.number(), rejected.rejections().stream()
                    .map(r -> new FirstJudgementDraft.Problem(r.field(), r.label(), r.reason())).toList());
        }).toList());
    }

    /** Reads 一次判定 results given as values by field key (JSON objects, the clerk's form), numbered from 1. */
    public FirstJudgementFileReport readFirstJudgements(List<Map<String, String>> objects) {
        List<FirstJudgementDraft> drafts = new ArrayList<>();
        for (Map<String, String> values : objects) {
            long number = drafts.size() + 1;
            FirstJudgementLayout.Parsed parsed = FirstJudgementLayout.parse(values);
            drafts.add(parsed instanceof FirstJudgementLayout.Row row ? FirstJudgementDraft.ready(number, row)
                    : FirstJudgementDraft.refused(number, ((FirstJudgementLayout.Invalid) parsed).violations().stream()
                            .map(v -> new FirstJudgementDraft.Problem(v.field(), v.label(), v.reason())).toList()));
        }
        return new FirstJudgementFileReport.Lines(drafts);
    }

    /**
     * Records a ready 一次判定 on the municipality's open case with an accepted 調査票 (design §6.1), if the permission
     * allows for the case's person: checked (J1–J6) against the case's 調査票 and 意見書, then stored in
     * first_judgements and a new revision at 進捗 4, in one transaction; refused with field violations and nothing
     * stored, or recorded with the warnings (J4, J5).
     */
    @Transactional
    public FirstJudgementReport recordFirstJudgement(InsurerNumber insurer, FirstJudgementDraft draft,
            FirstJudgementDraft.Permission permission) {
        if (!draft.ready()) {
            return new FirstJudgementReport.Refused(draft.number(), draft.problems());
        }
        return new FirstJudgementRecords(sql).record(insurer, draft.number(), draft.row,
                LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")), permission);
    }
}
