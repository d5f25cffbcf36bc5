package jp.kaigo.certification;

import static jp.kaigo.ingest.Fields.date;
import static jp.kaigo.ingest.Fields.integer;
import static jp.kaigo.ingest.Fields.text;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import jp.kaigo.ingest.DocumentLayout;
import jp.kaigo.ingest.FieldSpec;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.registry.RecordType;
import jp.kaigo.registry.RecordView;
import jp.kaigo.shared.AgendaCase;
import jp.kaigo.shared.CareLevel;
import jp.kaigo.shared.DocumentKind;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The 介護認定審査会資料 of one case (design §6.3): a frozen, masked copy built at publication from the case, the
 * registry (age and 性別 only), the current 一次判定, the 調査票 and the 意見書 the case holds. The packet carries no
 * name, address, 生年月日, phone, insurer or insured number, nor the surveyor's or doctor's name or institution; the
 * free texts go through {@link PacketMasker}. Each section is one line of text, items separated by " / ".
 * The {@code committee-packet} layout (one text field per section) is the exchange's check of what is sent.
 */
@Configuration(proxyBeanMethods = false)
class Packets {
    static final String VERSION = "2026-1";
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final int SECTION = 20_000;
    private static final String NOT_RECEIVED = "未着";

    private final JdbcClient sql;
    private final InsuredRegistry registry;

    Packets(JdbcClient sql, InsuredRegistry registry) {
        this.sql = sql;
        this.registry = registry;
    }

    /** 介護認定審査会資料 (保 → 審), design §6.3: the sections of the masked packet. */
    @Bean
    static DocumentLayout committeePacket() {
        return new DocumentLayout(DocumentKind.COMMITTEE_PACKET, DocumentKind.COMMITTEE_PACKET.label(), VERSION, List.of(
                integer("caseNo", "事例番号", 1, 9999).mandatory(),
                text("board", "合議体", 80).mandatory(),
                date("meetingOn", "開催日").mandatory(),
                text("case", "案件", SECTION).mandatory(),
                text("firstJudgement", "一次判定", SECTION).mandatory(),
                text("survey", "調査票", SECTION).mandatory(),
                text("surveyNotes", "調査票 特記事項", SECTION),
                text("opinion", "意見書", SECTION).mandatory(),
                text("opinionNotes", "意見書 特記すべき事項", SECTION)), List.of());
    }

    /** The masked packet of the case on the agenda; {@code otherNames} and {@code phones} from its application. */
    Map<String, String> build(InsurerNumber insurer, AgendaCase c, List<String> otherNames, List<String> phones) {
        return build(insurer, c, otherNames, phones, true);
    }

    /**
     * The packet of the case on the agenda, its free texts masked or, for the officer's review beside the masked
     * one (design §6.3), as written.
     */
    Map<String, String> build(InsurerNumber insurer, AgendaCase c, List<String> otherNames, List<String> phones,
            boolean masking) {
        InsuredNumber insured = new InsuredNumber(c.insuredNo());
        Optional<Map<String, Object>> previous = sql.sql("""
                select result, cert_valid_from, cert_valid_to from certification.certification_records
                 where insurer_no = :insurer and insured_no = :insured and current and not deleted
                   and result is not null and result <> '01' and cert_valid_from is not null and cert_valid_to is not null
                 order by cert_valid_to desc limit 1
                """).param("insurer", insurer.value()).param("insured", insured.value()).query().listOfRows().stream()
                .findFirst();
        Map<String, Object> person = registry.snapshot(insurer, insured, LocalDate.now(JAPAN))
                .flatMap(s -> s.records().getOrDefault(RecordType.INSURED.key(), List.of()).stream().findFirst())
                .map(RecordView::fields).orElse(Map.of());
        Map<String, Object> record = row("certification_records", insurer, c);
        Map<String, Object> survey = row("care_survey_records", insurer, c);
        Map<String, Object> opinion = row("doctor_opinion_records", insurer, c);

        LocalDate birth = asDate(person.get("birthDate"));
        List<String> names = new ArrayList<>(otherNames);
        names.add(str(opinion.get("doctor_name")));
        PacketMasker masker = PacketMasker.of(new MaskingFacts(MaskingFacts.Person.ofRegistry(str(person.get("name")),
                str(person.get("nameKana"))), str(person.get("address")), birth, c.insuredNo(), phones, names));
        java.util.function.UnaryOperator<String> mask = masking ? t -> masker.mask(t).text() : t -> t;

        Map<String, String> packet = new LinkedHashMap<>();
        packet.put("caseNo", String.valueOf(c.caseNo()));
        packet.put("board", "第" + c.boardNo() + "合議体 " + c.boardName());
        packet.put("meetingOn", c.meetingOn().toString());

        LocalDate appliedOn = asDate(record.get("applied_on"));
        StringJoiner caseSection = new StringJoiner(" / ");
        caseSection.add("申請区分: " + label(CertificationLayouts.APPLICATION_TYPES, record.get("application_type")));
        caseSection.add("年齢: " + (birth == null || appliedOn == null ? "不明"
                : Period.between(birth, appliedOn).getYears() + "歳(申請日時点)"));
        caseSection.add("性別: " + ("1".equals(str(person.get("sex"))) ? "男" : "2".equals(str(person.get("sex")))
                ? "女" : "不明"));
        caseSection.add("前回の要介護状態区分: " + previous.map(p -> CareLevel.find(str(p.get("result")))
                .map(CareLevel::name).orElse(str(p.get("result"))) + "(有効期間 "
                + (ChronoUnit.MONTHS.between(asDate(p.get("cert_valid_from")).withDayOfMonth(1),
                        asDate(p.get("cert_valid_to")).withDayOfMonth(1)) + 1) + "か月)").orElse("なし"));
        packet.put("case", caseSection.toString());

        StringJoiner judgement = new StringJoiner(" / ");
        for (FieldSpec f : CertificationLayouts.certification().fields()) {
            String key = f.key();
            if (key.equals("firstJudgement") || key.equals("firstJudgedOn") || key.startsWith("minutes")
                    || key.equals("standardMinutes") || key.startsWith("score")) {
                Object value = record.get(f.column());
                judgement.add(f.label() + ": " + (value == null ? "—" : f.codes().isEmpty() ? str(value)
                        : label(f.codes(), value)));
            }
        }
        // what the 一次判定 import keeps beyond the record's columns (V6), when the case has it
        sql.sql("select * from certification.first_judgements where insurer_no = :insurer and insured_no = :insured"
                + " and case_id = :case").param("insurer", insurer.value()).param("insured", c.insuredNo())
                .param("case", c.caseId()).query().listOfRows().stream().findFirst().ifPresent(fj -> {
                    judgement.add("認知症加算: " + ("2".equals(str(fj.get("dementia_addition"))) ? "有" : "無"));
                    if (fj.get("stability") != null) {
                        judgement.add("状態の安定性: " + ("1".equals(str(fj.get("stability"))) ? "安定" : "不安定"));
                    }
                    if (fj.get("dementia_probability") != null) {
                        judgement.add("認知症自立度Ⅱ以上の蓋然性: " + str(fj.get("dementia_probability")) + "%");
                    }
                    // J4/J5 as stored: [{"field", "label", "reason"}]; the packet shows label and reason
                    java.util.regex.Matcher w = java.util.regex.Pattern.compile(
                            "\"label\"\\s*:\\s*\"([^\"]*)\"\\s*,\\s*\"reason\"\\s*:\\s*\"([^\"]*)\"")
                            .matcher(str(fj.get("check_warnings")));
                    while (w.find()) {
                        judgement.add("確認事項: " + oneLine(w.group(1) + " " + w.group(2)));
                    }
                });
        packet.put("firstJudgement", judgement.toString());

        packet.put("survey", survey.isEmpty() ? NOT_RECEIVED : coded(CertificationLayouts.careSurvey().fields(), survey,
                mask, "place", "requestKind", "entrustment", "notes"));
        masked(mask, survey.get("notes")).ifPresent(notes -> packet.put("surveyNotes", notes));
        packet.put("opinion", opinion.isEmpty() ? NOT_RECEIVED : coded(CertificationLayouts.doctorOpinion().fields(),
                opinion, mask, "institutionCode", "doctorName", "notes", "lastExaminedOn"));
        if (!opinion.isEmpty() && opinion.get("last_examined_on") != null && opinion.get("written_on") != null) {
            long days = ChronoUnit.DAYS.between(asDate(opinion.get("last_examined_on")), asDate(opinion.get("written_on")));
            packet.put("opinion", packet.get("opinion") + " / 最終診察日: 記入日の" + days + "日前");
        }
        masked(mask, opinion.get("notes")).ifPresent(notes -> packet.put("opinionNotes", notes));
        return packet;
    }

    /**
     * The fields of the layout found in the row, but the left-out ones: a code as its meaning, a date as it is,
     * any other text masked.
     */
    private static String coded(List<FieldSpec> fields, Map<String, Object> row,
            java.util.function.UnaryOperator<String> mask, String... leftOut) {
        StringJoiner joined = new StringJoiner(" / ");
        for (FieldSpec f : fields) {
            if (List.of(leftOut).contains(f.key()) || !row.containsKey(f.column()) || row.get(f.column()) == null) {
                continue;
            }
            Object value = row.get(f.column());
            String shown = !f.codes().isEmpty() ? label(f.codes(), value)
                    : value instanceof String s ? masked(mask, s).orElse("") : str(value);
            joined.add(f.label() + ": " + shown);
        }
        return joined.length() == 0 ? "記載なし" : joined.toString();
    }

    private static Optional<String> masked(java.util.function.UnaryOperator<String> mask, Object text) {
        if (!(text instanceof String s) || s.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(oneLine(mask.apply(s)));
    }

    /** Line breaks and other control characters become spaces: a section is one line. */
    private static String oneLine(String s) {
        return s.replaceAll("[\\p{Cntrl}]+", " ").strip();
    }

    /** The current row of the case in the table (empty if none); the columns as the table has them today. */
    private Map<String, Object> row(String table, InsurerNumber insurer, AgendaCase c) {
        return sql.sql("select * from certification." + table + " where insurer_no = :insurer and insured_no = :insured"
                + " and case_id = :case and current and not deleted order by history_no desc limit 1")
                .param("insurer", insurer.value()).param("insured", c.insuredNo()).param("case", c.caseId())
                .query().listOfRows().stream().findFirst().orElse(Map.of());
    }

    private static String label(Map<String, String> codes, Object code) {
        String c = str(code);
        return codes.getOrDefault(c, c.isEmpty() ? "—" : c);
    }

    private static String str(Object value) {
        return value == null ? "" : value.toString();
    }

    private static LocalDate asDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        try {
            return value == null ? null : LocalDate.parse(value.toString());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
