package jp.kaigo.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jp.kaigo.registry.RecordType;
import jp.kaigo.shared.MedicalInstitutionCode;

/**
 * The 要介護認定 files of the synthetic persons who hold a 認定 (their latest 被保険者証 history): the
 * application with its progress and result, the 認定調査票 and the 主治医意見書, one file of each per
 * municipality, CSV with the field keys as header. Deterministic, like {@link SyntheticData}.
 */
public final class SyntheticCertifications {
    private static final List<String> CERTIFICATION = List.of("insurerNo", "insuredNo", "historyNo", "validFrom",
            "validTo", "applicationType", "appliedOn", "progress", "surveyedOn", "opinionInstitution", "opinionRequestedOn",
            "opinionReceivedOn", "firstJudgement", "firstJudgedOn", "standardMinutes", "minutesMeal", "minutesExcretion",
            "minutesMovement", "minutesHygiene", "minutesIndirect", "minutesBpsd", "minutesTraining", "minutesMedical",
            "score1", "score2", "score3", "score4", "score5", "boardOn", "result", "certifiedOn", "certValidFrom",
            "certValidTo");
    /** 要介護認定等基準時間 band (minutes) of each level in {@link #LEVELS} (national-design.md B2). */
    private static final int[][] BANDS = {{25, 32}, {32, 50}, {32, 50}, {50, 70}, {70, 90}, {90, 110}, {110, 140}};
    /** Rough share of each 分野 in the 基準時間, in the order of the minutes columns. */
    private static final double[] SHARES = {0.30, 0.15, 0.12, 0.15, 0.08, 0.08, 0.06, 0.06};
    private static final List<String> SURVEY = new ArrayList<>(List.of("insurerNo", "insuredNo", "historyNo",
            "validFrom", "validTo", "surveyedOn", "place", "requestKind", "entrustment"));
    private static final List<String> OPINION = List.of("insurerNo", "insuredNo", "historyNo", "validFrom", "validTo",
            "institutionCode", "doctorName", "writtenOn", "count", "setting", "lastExaminedOn", "diagnosis1", "stability",
            "disabilityIndependence", "dementiaIndependence", "shortTermMemory", "decisionMaking", "communication");
    private static final String[] DIAGNOSES = {"アルツハイマー型認知症", "脳梗塞後遺症", "変形性膝関節症", "パーキンソン病",
        "心不全", "大腿骨頸部骨折術後", "糖尿病", "慢性閉塞性肺疾患"};
    /** 要支援1, 2, 要介護1–5, in order of the care needed. */
    private static final List<String> LEVELS = List.of("12", "13", "21", "22", "23", "24", "25");
    private static final String[] DOCTORS = {"山田 太郎", "中村 花子", "小林 誠", "加藤 由美"};

    static {
        IntStream.rangeClosed(1, 74).forEach(i -> SURVEY.add("item%02d".formatted(i)));
        SURVEY.addAll(List.of("disabilityIndependence", "dementiaIndependence", "notes"));
    }

    /**
     * One written file: whose, which record type (key of the file interface), where, how many rows. The files hold
     * the columns the demo fills; {@link #header} says which, so that an import can name the others as omitted.
     */
    public record File(String insurerNo, String recordType, Path path, long rows) {

        /** The field keys of the file's header row. */
        public List<String> header() {
            try (var in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                return List.of(in.readLine().split(","));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private SyntheticCertifications() {
    }

    /** Writes the files for persons {@code 0 … persons-1} of {@code data} into {@code dir}. */
    public static List<File> writeCsv(SyntheticData data, Path dir, int persons) {
        Map<String, List<List<Map<String, Object>>>> rows = new LinkedHashMap<>();
        data.municipalities().forEach(m -> rows.put(m.insurerNo(), List.of(new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>())));
        for (SyntheticData.Person p : certified(data, persons)) {
            List<Map<String, Object>> cards = p.records().get(RecordType.CARE_CERTIFICATE);
            Map<String, Object> card = cards.get(cards.size() - 1);
            String level = (String) card.get("careLevel");
            int severity = LEVELS.indexOf(level);
            var out = rows.get(p.insurerNo());
            Random r = new Random(p.index() * 7_919L + 17);
            LocalDate certified = (LocalDate) card.get("certifiedOn");
            LocalDate applied = certified.minusDays(30);
            String doctor = MedicalInstitutionCode.withCheckDigit(p.insurerNo().substring(0, 2) + "1"
                    + "%06d".formatted(10_001 + r.nextInt(20))).value();
            Map<String, Object> judgement = firstJudgement(r, severity);
            judgement.putAll(Map.ofEntries(
                    Map.entry("applicationType", cards.size() > 1 ? "2" : "1"), Map.entry("appliedOn", applied),
                    Map.entry("progress", "6"), Map.entry("surveyedOn", applied.plusDays(10)),
                    Map.entry("opinionInstitution", doctor), Map.entry("opinionRequestedOn", applied.plusDays(2)),
                    Map.entry("opinionReceivedOn", applied.plusDays(15)),
                    Map.entry("firstJudgement", r.nextInt(4) == 0 && !level.equals("12") ? lower(level) : level),
                    Map.entry("firstJudgedOn", applied.plusDays(20)), Map.entry("boardOn", applied.plusDays(25)),
                    Map.entry("result", level), Map.entry("certifiedOn", certified),
                    Map.entry("certValidFrom", card.get("certValidFrom")), Map.entry("certValidTo", card.get("certValidTo"))));
            out.get(0).add(record(p, applied, judgement));
            Map<String, Object> survey = new LinkedHashMap<>();
            survey.put("surveyedOn", applied.plusDays(10));
            survey.put("place", "1");
            survey.put("requestKind", "0");
            survey.put("entrustment", "1");
            for (int item = 1; item <= 74; item++) {
                survey.put("item%02d".formatted(item), r.nextInt(10) < 1 + severity ? "2" : "1");
            }
            survey.put("disabilityIndependence", String.valueOf(2 + Math.min(7, severity + r.nextInt(2))));
            survey.put("dementiaIndependence", String.valueOf(1 + Math.min(7, severity / 2 + r.nextInt(3))));
            survey.put("notes", "日中は独居。" + (severity > 3 ? "夜間の排泄に介助を要する。" : "買い物は家族が支援している。"));
            out.get(1).add(record(p, applied.plusDays(10), survey));
            out.get(2).add(record(p, applied.plusDays(12), Map.ofEntries(Map.entry("institutionCode", doctor),
                    Map.entry("doctorName", DOCTORS[r.nextInt(DOCTORS.length)]), Map.entry("writtenOn", applied.plusDays(12)),
                    Map.entry("count", cards.size() > 1 ? "2" : "1"), Map.entry("setting", "1"),
                    Map.entry("lastExaminedOn", applied.plusDays(5)),
                    Map.entry("diagnosis1", DIAGNOSES[r.nextInt(DIAGNOSES.length)]),
                    Map.entry("stability", String.valueOf(1 + r.nextInt(3))),
                    Map.entry("disabilityIndependence", String.valueOf(2 + Math.min(7, severity + r.nextInt(2)))),
                    Map.entry("dementiaIndependence", String.valueOf(1 + Math.min(7, severity / 2 + r.nextInt(3)))),
                    Map.entry("shortTermMemory", String.valueOf(1 + r.nextInt(2))),
                    Map.entry("decisionMaking", String.valueOf(1 + Math.min(3, severity / 2))),
                    Map.entry("communication", String.valueOf(1 + Math.min(3, severity / 3))))));
        }
        try {
            Files.createDirectories(dir);
            List<File> files = new ArrayList<>();
            for (var entry : rows.entrySet()) {
                files.add(write(dir, entry.getKey(), "certification", CERTIFICATION, entry.getValue().get(0)));
                files.add(write(dir, entry.getKey(), "care-survey", SURVEY, entry.getValue().get(1)));
                files.add(write(dir, entry.getKey(), "doctor-opinion", OPINION, entry.getValue().get(2)));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The persons among {@code 0 … persons-1} whose latest 被保険者証 shows a 認定 (not 事業対象者). */
    public static List<SyntheticData.Person> certified(SyntheticData data, int persons) {
        List<SyntheticData.Person> certified = new ArrayList<>();
        for (int i = 0; i < persons; i++) {
            SyntheticData.Person p = data.person(i);
            List<Map<String, Object>> cards = p.records().getOrDefault(RecordType.CARE_CERTIFICATE, List.of());
            if (!cards.isEmpty() && LEVELS.contains(cards.get(cards.size() - 1).get("careLevel"))) {
                certified.add(p);
            }
        }
        return certified;
    }

    /** 基準時間 within the level's band split over the 分野, and 中間評価項目得点 falling with the care needed. */
    private static Map<String, Object> firstJudgement(Random r, int severity) {
        Map<String, Object> values = new LinkedHashMap<>();
        int[] band = BANDS[severity];
        double total = band[0] + r.nextInt((band[1] - band[0]) * 10) / 10.0;
        values.put("standardMinutes", String.format(Locale.ROOT, "%.1f", total));
        String[] columns = {"minutesMeal", "minutesExcretion", "minutesMovement", "minutesHygiene", "minutesIndirect",
            "minutesBpsd", "minutesTraining", "minutesMedical"};
        for (int i = 0; i < columns.length; i++) {
            values.put(columns[i], String.format(Locale.ROOT, "%.1f", total * SHARES[i]));
        }
        for (int group = 1; group <= 5; group++) {
            values.put("score" + group, String.format(Locale.ROOT, "%.1f", Math.max(0, 100 - severity * 11 - r.nextInt(80) / 10.0)));
        }
        return values;
    }

    private static String lower(String level) {
        return LEVELS.get(Math.max(0, LEVELS.indexOf(level) - 1));
    }

    private static Map<String, Object> record(SyntheticData.Person p, LocalDate validFrom, Map<String, Object> fields) {
        Map<String, Object> row = new LinkedHashMap<>(fields);
        row.put("insurerNo", p.insurerNo());
        row.put("insuredNo", p.insuredNo());
        row.put("historyNo", 1);
        row.put("validFrom", validFrom);
        return row;
    }

    private static File write(Path dir, String insurerNo, String recordType, List<String> columns,
            List<Map<String, Object>> rows) throws IOException {
        Path path = dir.resolve(insurerNo + "_" + recordType + ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            out.write(String.join(",", columns));
            out.write("\r\n");
            for (Map<String, Object> row : rows) {
                out.write(columns.stream().map(c -> row.get(c) == null ? "" : row.get(c).toString())
                        .collect(Collectors.joining(",")));
                out.write("\r\n");
            }
        }
        return new File(insurerNo, recordType, path, rows.size());
    }
}
