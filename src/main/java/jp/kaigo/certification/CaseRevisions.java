package jp.kaigo.certification;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.kaigo.shared.CertificationProgressed;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsuredPerson;
import jp.kaigo.shared.InsurerNumber;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each step of an online case writes a new revision of the case's certification history (design §3.3): the current
 * revision is superseded and copied with the step's columns changed, so the file interface's reading of current
 * histories keeps working unchanged. A step that changes the 進捗 publishes {@link CertificationProgressed}. Runs in the
 * caller's transaction.
 */
@Component
class CaseRevisions {
    /** The columns a step of the case may set (the certification record's, design §3.3 and §6). */
    enum Column {
        PROGRESS("progress"), SURVEYED_ON("surveyed_on"), OPINION_INSTITUTION("opinion_institution"),
        OPINION_REQUESTED_ON("opinion_requested_on"), OPINION_RECEIVED_ON("opinion_received_on"),
        FIRST_JUDGEMENT("first_judgement"), FIRST_JUDGED_ON("first_judged_on"), STANDARD_MINUTES("standard_minutes"),
        MINUTES_MEAL("minutes_meal"), MINUTES_EXCRETION("minutes_excretion"), MINUTES_MOVEMENT("minutes_movement"),
        MINUTES_HYGIENE("minutes_hygiene"), MINUTES_INDIRECT("minutes_indirect"), MINUTES_BPSD("minutes_bpsd"),
        MINUTES_TRAINING("minutes_training"), MINUTES_MEDICAL("minutes_medical"), SCORE1("score1"), SCORE2("score2"),
        SCORE3("score3"), SCORE4("score4"), SCORE5("score5"), BOARD_ON("board_on"), RESULT("result"),
        CERTIFIED_ON("certified_on"), CERT_VALID_FROM("cert_valid_from"), CERT_VALID_TO("cert_valid_to"),
        BOARD_OPINION("board_opinion");

        private final String name;

        Column(String name) {
            this.name = name;
        }
    }

    /** Every column of certification.certification_records but the revision's own bookkeeping. */
    private static final String COPIED = """
            insurer_no, insured_no, history_no, valid_from, valid_to, application_type, applied_on, progress, surveyed_on,
            opinion_institution, opinion_requested_on, opinion_received_on, first_judgement, first_judged_on, board_on,
            result, certified_on, cert_valid_from, cert_valid_to, board_opinion, standard_minutes, minutes_meal,
            minutes_excretion, minutes_movement, minutes_hygiene, minutes_indirect, minutes_bpsd, minutes_training,
            minutes_medical, score1, score2, score3, score4, score5, deleted, import_id, source, case_id""";

    private final JdbcClient sql;
    private final ApplicationEventPublisher events;

    CaseRevisions(JdbcClient sql, ApplicationEventPublisher events) {
        this.sql = sql;
        this.events = events;
    }

    /** Tells who follows the case that it is at this 進捗 now (a case just opened, or a step that changed it). */
    void progressed(InsurerNumber insurer, InsuredNumber insured, UUID caseId, Progress progress) {
        events.publishEvent(new CertificationProgressed(caseId, new InsuredPerson(insurer, insured), progress.code(),
                Instant.now()));
    }

    /** Sets the columns as a new revision of the case's history, its progress kept; answers the new revision. */
    int revise(InsurerNumber insurer, InsuredNumber insured, UUID caseId, Map<Column, Object> set) {
        return advance(insurer, insured, caseId, Progress.RECEIVED, set); // the first progress: any case is at it or past
    }

    /**
     * Moves the case forward to the progress and sets the columns, as a new revision of its history; answers the new
     * revision number. A case already further on keeps its progress (a 調査票 accepted after the 意見書 leaves it at
     * 意見書). Fails when the case has no current history (an online case always has one).
     */
    int advance(InsurerNumber insurer, InsuredNumber insured, UUID caseId, Progress to, Map<Column, Object> set) {
        Map<Column, Object> changes = new LinkedHashMap<>(set);
        record Superseded(int revision, String progress) {
        }
        Superseded superseded = sql.sql("""
                update certification.certification_records set current = false, superseded_at = now()
                 where insurer_no = :insurer and insured_no = :insured and case_id = :case and current
                returning revision, progress
                """).param("insurer", insurer.value()).param("insured", insured.value()).param("case", caseId)
                .query(Superseded.class).single();
        int old = superseded.revision();
        Progress progress = Arrays.stream(Progress.values()).filter(p -> p.code().equals(superseded.progress()))
                .filter(p -> p.compareTo(to) > 0).findFirst().orElse(to);
        changes.put(Column.PROGRESS, progress.code());
        sql.sql("insert into certification.certification_records (" + COPIED + ", revision) select " + COPIED
                + ", revision + 1 from certification.certification_records"
                + " where insurer_no = :insurer and insured_no = :insured and case_id = :case and revision = :old")
                .param("insurer", insurer.value()).param("insured", insured.value()).param("case", caseId)
                .param("old", old).update();
        var statement = sql.sql("update certification.certification_records set "
                + changes.keySet().stream().map(c -> c.name + " = :" + c.name()).collect(Collectors.joining(", "))
                + " where insurer_no = :insurer and insured_no = :insured and case_id = :case and revision = :new")
                .param("insurer", insurer.value()).param("insured", insured.value()).param("case", caseId)
                .param("new", old + 1);
        for (Map.Entry<Column, Object> change : changes.entrySet()) {
            statement = statement.param(change.getKey().name(), change.getValue());
        }
        statement.update();
        if (!progress.code().equals(superseded.progress())) {
            progressed(insurer, insured, caseId, progress);
        }
        return old + 1;
    }
}
