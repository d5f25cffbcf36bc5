package jp.kaigo.portal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kaigo.ingest.DocumentLayout;
import jp.kaigo.ingest.FieldSpec;
import jp.kaigo.shared.Violation;

/**
 * A form built from a document layout (docs/design/certification-online.md §8.3 steps 5 and 7): the layout's fields in
 * sections, each field typed by its rule (codes as radio buttons or a select, dates, texts), with the values as typed
 * and each violation beside its field. The page renders it with the fragment {@code portal/form/layout-form}; every
 * input is named, and identified, by its layout key (a radio button by key and code). What the form sends back is
 * read with {@link #payload}: only the layout's keys, blank fields left out.
 */
final class LayoutForm {
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern LENGTH = Pattern.compile("^(\\d+)文字以内");
    private static final Pattern NUMERIC = Pattern.compile("[0-9]+");
    /** Longer texts get a text area. */
    private static final int LONG_TEXT = 100;
    /** Coded fields with at most this many codes are radio buttons, others a select. */
    private static final int RADIOS = 4;

    private LayoutForm() {
    }

    /** A section of a kind's form: the fields it takes (the first section that takes a field gets it). */
    record Section(String id, String title, Predicate<FieldSpec> takes) {
        static Section keys(String id, String title, String... keys) {
            List<String> list = List.of(keys);
            return new Section(id, title, f -> list.contains(f.key()));
        }

        static Section labelled(String id, String title, String prefix) {
            return new Section(id, title, f -> f.label().startsWith(prefix));
        }
    }

    /** A section as the page shows it; {@code invalid} when one of its fields is wrong. */
    record Group(String id, String title, boolean invalid, List<Field> fields) {
    }

    /** One field: the layout's key, label, whether required, its rule in words, its codes, how it is typed. */
    record Field(String key, String label, boolean required, String rule, List<Map.Entry<String, String>> codes,
            String input, Integer maxLength) {
    }

    /** The layout's fields in the sections, in layout order within each; a field no section takes comes last. */
    static List<Group> groups(DocumentLayout layout, List<Section> sections, Map<String, List<String>> errors) {
        Map<String, List<Field>> placed = new LinkedHashMap<>();
        sections.forEach(s -> placed.put(s.id(), new ArrayList<>()));
        List<Field> rest = new ArrayList<>();
        for (FieldSpec spec : layout.fields()) {
            sections.stream().filter(s -> s.takes().test(spec)).findFirst()
                    .map(s -> placed.get(s.id())).orElse(rest).add(field(spec));
        }
        List<Group> groups = new ArrayList<>();
        for (Section section : sections) {
            List<Field> fields = placed.get(section.id());
            if (!fields.isEmpty()) {
                groups.add(group(section.id(), section.title(), fields, errors));
            }
        }
        if (!rest.isEmpty()) {
            groups.add(group("other", "その他", rest, errors));
        }
        return groups;
    }

    private static Group group(String id, String title, List<Field> fields, Map<String, List<String>> errors) {
        return new Group(id, title, fields.stream().anyMatch(f -> errors.containsKey(f.key())), List.copyOf(fields));
    }

    /** The violations by field key, in order. */
    static Map<String, List<String>> byField(List<Violation> violations) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (Violation v : violations) {
            byField.computeIfAbsent(v.field(), k -> new ArrayList<>()).add(v.reason());
        }
        return byField;
    }

    /** What the form sent for the layout's fields, stripped; blank fields are left out, other parameters ignored. */
    static Map<String, String> payload(DocumentLayout layout, Map<String, String> form) {
        Map<String, String> payload = new LinkedHashMap<>();
        for (FieldSpec field : layout.fields()) {
            String value = form.get(field.key());
            if (value != null && !value.isBlank()) {
                payload.put(field.key(), value.strip());
            }
        }
        return payload;
    }

    /** A new form's token: the idempotency key of what it sends, so the same form sent twice is one document. */
    static String newToken() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    static boolean validToken(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    private static Field field(FieldSpec spec) {
        Integer length = null;
        Matcher m = LENGTH.matcher(spec.rule());
        if (m.find()) {
            length = Integer.valueOf(m.group(1));
        }
        String input;
        if (!spec.codes().isEmpty()) {
            input = spec.codes().size() <= RADIOS ? "radio" : "select";
        } else if (spec.rule().startsWith("日付")) {
            input = "date";
        } else if (length != null && length > LONG_TEXT) {
            input = "textarea";
        } else {
            input = "text";
        }
        return new Field(spec.key(), spec.label(), spec.required(), spec.rule(), codes(spec), input, length);
    }

    /** The codes in their order: numerically when all are numbers (1, 2, … 10), else as text. */
    private static List<Map.Entry<String, String>> codes(FieldSpec spec) {
        boolean numeric = spec.codes().keySet().stream().allMatch(k -> NUMERIC.matcher(k).matches() && k.length() < 9);
        Comparator<Map.Entry<String, String>> order = numeric
                ? Comparator.comparingInt(e -> Integer.parseInt(e.getKey())) : Map.Entry.comparingByKey();
        return spec.codes().entrySet().stream().sorted(order).toList();
    }

    // ---------------------------------------------------------------- the sections of the kinds the portal writes

    /** 認定調査票 (design §4.2): 概況調査, the 基本調査 by 群, 特別な医療, both 自立度, 特記事項. */
    static final List<Section> CARE_SURVEY = List.of(
            new Section("overview", "概況調査", f -> !f.key().startsWith("item") && !f.key().startsWith("notes")
                    && !f.key().endsWith("Independence")),
            Section.labelled("group1", "基本調査 第1群 身体機能・起居動作", "1-"),
            Section.labelled("group2", "基本調査 第2群 生活機能", "2-"),
            Section.labelled("group3", "基本調査 第3群 認知機能", "3-"),
            Section.labelled("group4", "基本調査 第4群 精神・行動障害", "4-"),
            Section.labelled("group5", "基本調査 第5群 社会生活への適応", "5-"),
            Section.labelled("medical", "特別な医療(過去14日間に受けた医療)", "6 "),
            Section.keys("independence", "日常生活自立度", "disabilityIndependence", "dementiaIndependence"),
            new Section("notes", "特記事項", f -> f.key().startsWith("notes")));

    /** 主治医意見書 (design §5.2, the 09B form's chapters), by 連番 of the coded items and the notes. */
    static final List<Section> DOCTOR_OPINION = List.of(
            new Section("header", "基本情報", f -> !f.key().startsWith("opinion") && !f.key().startsWith("note")
                    && !f.key().endsWith("Independence") && !List.of("shortTermMemory", "decisionMaking",
                            "communication", "diagnosis1", "onset1", "diagnosis2", "onset2", "diagnosis3", "onset3",
                            "stability", "instabilityNote", "treatment").contains(f.key())),
            Section.keys("illness", "1. 傷病に関する意見", "diagnosis1", "onset1", "diagnosis2", "onset2", "diagnosis3",
                    "onset3", "stability", "instabilityNote", "treatment"),
            new Section("medical", "2. 特別な医療(過去14日間以内に受けた医療)", f -> numbered(f, "opinion", 1, 12)),
            new Section("mind", "3. 心身の状態に関する意見", f -> f.key().endsWith("Independence")
                    || List.of("shortTermMemory", "decisionMaking", "communication").contains(f.key())
                    || numbered(f, "opinion", 18, 63) || numbered(f, "note", 1, 12)),
            new Section("life", "4. 生活機能とサービスに関する意見", f -> numbered(f, "opinion", 64, 113)
                    || numbered(f, "note", 13, 23)),
            Section.keys("notes", "5. 特記すべき事項", "notes"));

    /** 入院時情報提供書 (care-documents §2): the 参考様式's sections 1–9 after the header. */
    static final List<Section> ADMISSION_INFO = List.of(
            Section.keys("header", "基本情報", "admittedOn", "providedOn", "hospitalContact", "careManagerName",
                    "officePhone"),
            Section.keys("basic", "1. 利用者(患者)基本情報", "housing", "roomFloor", "elevator", "housingNote", "careLevel",
                    "elderlyIndependence", "dementiaIndependence", "burdenRatio"),
            Section.keys("family", "2. 家族の構成/連絡先", "household", "aloneDaytime", "mainCarer", "keyPerson"),
            Section.keys("wishes", "3. 本人/家族の意向", "interests", "lifeHistory", "personWish", "familyWish"),
            Section.keys("services", "4. 入院前の介護サービスの利用状況", "servicesBefore"),
            Section.keys("outlook", "5. 今後の在宅生活の展望(ケアマネジャーとしての意見)", "homeRequirements", "householdAfter",
                    "careCapacity", "abuseSuspected", "outlookNote"),
            Section.keys("conference", "6. カンファレンス等について", "conferenceWish"),
            new Section("body", "7. 身体・生活機能の状況/療養生活上の課題", f -> f.key().startsWith("adl")
                    || List.of("paralysis", "pressureUlcer", "mealForm", "intake", "swallowing", "dentures",
                            "mentalIssues", "medicalProcedures").contains(f.key())),
            Section.keys("medicine", "8. お薬について", "medication", "medicationManagement", "medicationNote"),
            new Section("doctor", "9. かかりつけ医について", f -> f.key().startsWith("familyDoctor")));

    /** 退院・退所情報記録書 (care-documents §2): 基本情報, ① 疾患と入院中の状況, ② 受け止め/意向, 課題認識のための情報. */
    static final List<Section> DISCHARGE_RECORD = List.of(
            Section.keys("header", "1. 基本情報・現在の状態等", "recordedOn", "admittedOn", "dischargeOn", "cause", "ward",
                    "careLevel", "levelChangeNeeded", "followUpInstitution", "followUpMethod"),
            Section.keys("state", "① 疾患と入院(所)中の状況", "diseases", "diseaseState", "moving", "excretion", "bathing",
                    "mealForm", "swallowing", "oralCare", "sleep", "cognition"),
            Section.keys("views", "② 受け止め/意向", "diagnosisDisclosed", "personView", "familyView"),
            Section.keys("needs", "2. 課題認識のための情報", "medicalProcedures", "nursingPoints", "rehabPoints",
                    "contraindications", "prognosis", "obstacles", "requirements"),
            Section.keys("informant", "聞き取り", "informant", "conference"));

    /** Whether the key is the prefix and a number from..to (opinion018, note05). */
    private static boolean numbered(FieldSpec f, String prefix, int from, int to) {
        String key = f.key();
        if (!key.startsWith(prefix) || !NUMERIC.matcher(key.substring(prefix.length())).matches()) {
            return false;
        }
        int no = Integer.parseInt(key.substring(prefix.length()));
        return no >= from && no <= to;
    }
}
