package jp.kaigo.identity;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.ServiceType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and validates the three office-master files (office-master.md): the MHLW open-data
 * {@code jigyosho_NNN.csv}, our designation file and our medical institution file. Every problem
 * of a file is collected; a caller writes nothing unless there are none.
 */
final class OfficeMasterFiles {
    static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    /** The 24 columns of the 介護サービス情報公表 open data, in order (2025-12 release). */
    static final List<String> PUBLICATION_HEADER = List.of("都道府県コード又は市町村コード", "No", "都道府県名",
            "市区町村名", "事業所名", "事業所名カナ", "サービスの種類", "住所", "方書（ビル名等）", "緯度", "経度", "電話番号",
            "FAX番号", "法人番号", "法人の名称", "事業所番号", "利用可能曜日", "利用可能曜日特記事項", "定員", "URL",
            "高齢者の方と障害者の方が同時一体的に利用できるサービス", "介護保険の通常の指定基準を満たしている",
            "障害福祉の通常の指定基準を満たしている", "備考");
    private static final int NAME = 4, KANA = 5, ADDRESS = 7, BUILDING = 8, CORPORATION_NUMBER = 13,
            CORPORATION_NAME = 14, OFFICE_NO = 15;

    /**
     * 情報公表 file number → サービス種類コード (office-master.md §1). The open data does not say whether
     * an office holds the 予防 designation too; where the table pairs one, both are recorded.
     */
    static final Map<String, List<String>> SERVICE_TYPES_BY_FILE = Map.ofEntries(
            Map.entry("110", List.of("11")), Map.entry("120", List.of("12", "62")),
            Map.entry("130", List.of("13", "63")), Map.entry("140", List.of("14", "64")),
            Map.entry("150", List.of("15")), Map.entry("155", List.of("15")),
            Map.entry("160", List.of("16", "66")), Map.entry("170", List.of("17", "67")),
            Map.entry("210", List.of("21", "24")), Map.entry("220", List.of("22", "25")),
            Map.entry("230", List.of("23", "26")), Map.entry("551", List.of("2A", "2B")),
            Map.entry("320", List.of("32", "38", "37", "39")),
            Map.entry("331", List.of("33", "27", "35")), Map.entry("332", List.of("33", "27", "35")),
            Map.entry("334", List.of("33", "27", "35")),
            Map.entry("335", List.of("33", "35")), Map.entry("336", List.of("33", "35")),
            Map.entry("337", List.of("33", "35")),
            Map.entry("361", List.of("36", "28")), Map.entry("362", List.of("36", "28")),
            Map.entry("364", List.of("36", "28")),
            Map.entry("410", List.of("41", "44")), Map.entry("430", List.of("43")),
            Map.entry("510", List.of("51")), Map.entry("520", List.of("52")), Map.entry("530", List.of("53")),
            Map.entry("540", List.of("54")), Map.entry("550", List.of("55")), Map.entry("710", List.of("71")),
            Map.entry("720", List.of("72", "74")), Map.entry("730", List.of("73", "68", "75", "69")),
            Map.entry("760", List.of("76")), Map.entry("770", List.of("77", "79")),
            Map.entry("780", List.of("78")));
    private static final Pattern PUBLICATION_FILE = Pattern.compile("jigyosho_([0-9]{3})\\.csv", Pattern.CASE_INSENSITIVE);

    private static final Column OFFICE = new Column("officeNo", "事業所番号");
    private static final Column SERVICE = new Column("serviceType", "サービス種類コード");
    private static final Column FROM = new Column("designatedFrom", "指定年月日");
    private static final Column TO = new Column("designatedTo", "指定有効期間満了日");
    private static final Column AUTHORITY = new Column("authority", "指定権者");
    private static final List<Column> DESIGNATION_COLUMNS = List.of(OFFICE, SERVICE, FROM, TO, AUTHORITY);
    private static final Column INSTITUTION = new Column("institutionCode", "医療機関コード");
    private static final Column INSTITUTION_NAME = new Column("name", "名称");
    private static final Column INSTITUTION_OFFICE = new Column("officeNo", "介護保険事業所番号");
    private static final Column DEEMED = new Column("serviceTypes", "みなし指定サービス種類コード");
    private static final List<Column> INSTITUTION_COLUMNS =
            List.of(INSTITUTION, INSTITUTION_NAME, INSTITUTION_OFFICE, DEEMED, FROM, TO);

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private OfficeMasterFiles() {
    }

    /** A column of our own files: the key a file may use in English, and its Japanese label. */
    record Column(String field, String label) {
    }

    /** What a file yielded: its data rows and every problem found (none = the file may be applied). */
    record Read<T>(long rows, List<T> records, List<MasterProblem> problems) {
        boolean refused() {
            return !problems.isEmpty();
        }
    }

    record PublishedOffice(String officeNo, String name, String nameKana, String address,
            String corporationNumber, String corporationName) {
    }

    record Publication(String fileName, List<String> serviceTypes, List<PublishedOffice> offices) {
    }

    record Designation(String officeNo, String serviceType, LocalDate from, LocalDate to, String authority) {
    }

    record Institution(String code, String name, String officeNo, List<String> serviceTypes, LocalDate from,
            LocalDate to) {
    }

    /** One MHLW open-data file; the single record is the publication when there are no problems. */
    static Read<Publication> publication(String fileName, byte[] content) {
        List<MasterProblem> problems = new ArrayList<>();
        String baseName = fileName == null ? "" : fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        var number = PUBLICATION_FILE.matcher(baseName);
        List<String> serviceTypes = List.of();
        if (!number.matches()) {
            problems.add(new MasterProblem(0, "fileName", "ファイル名", "jigyosho_NNN.csv の形式ではありません"));
        } else if (!SERVICE_TYPES_BY_FILE.containsKey(number.group(1))) {
            problems.add(new MasterProblem(0, "fileName", "ファイル名", "ファイル番号 " + number.group(1) + " は対応表にありません"));
        } else {
            serviceTypes = SERVICE_TYPES_BY_FILE.get(number.group(1));
        }
        List<CsvLine> lines = csv(content, problems);
        if (lines == null) {
            return new Read<>(0, List.of(), problems);
        }
        if (lines.isEmpty() || !lines.get(0).cells().equals(PUBLICATION_HEADER)) {
            problems.add(new MasterProblem(1, "header", "見出し行", "情報公表オープンデータの24列の見出しと一致しません"));
            return new Read<>(Math.max(0, lines.size() - 1), List.of(), problems);
        }
        List<PublishedOffice> offices = new ArrayList<>();
        for (CsvLine line : lines.subList(1, lines.size())) {
            List<String> c = line.cells();
            if (c.size() != PUBLICATION_HEADER.size()) {
                problems.add(new MasterProblem(line.number(), "row", "行", "列の数が" + PUBLICATION_HEADER.size() + "ではありません"));
                continue;
            }
            boolean ok = officeNumber(c.get(OFFICE_NO), line.number(), OFFICE.field(), OFFICE.label(), problems);
            if (c.get(NAME).isEmpty()) {
                problems.add(new MasterProblem(line.number(), "name", "事業所名", "必須です"));
                ok = false;
            }
            if (ok) {
                String address = c.get(BUILDING).isEmpty() ? c.get(ADDRESS) : c.get(ADDRESS) + " " + c.get(BUILDING);
                offices.add(new PublishedOffice(c.get(OFFICE_NO), c.get(NAME), blankToNull(c.get(KANA)),
                        blankToNull(address), blankToNull(c.get(CORPORATION_NUMBER)), blankToNull(c.get(CORPORATION_NAME))));
            }
        }
        long rows = lines.size() - 1;
        return problems.isEmpty()
                ? new Read<>(rows, List.of(new Publication(baseName, serviceTypes, offices)), problems)
                : new Read<>(rows, List.of(), problems);
    }

    /** A file of ours read as far as its rows: the header's columns and the rows with the right number of cells. */
    private record Table(List<CsvLine> rows, Map<Column, Integer> at, long count) {
    }

    /** Reads the CSV and its header; rows with another number of cells become problems. Null rows: unreadable. */
    private static Table table(byte[] content, List<Column> columns, List<MasterProblem> problems) {
        List<CsvLine> lines = csv(content, problems);
        if (lines == null) {
            return new Table(null, null, 0);
        }
        Map<Column, Integer> at = header(lines, columns, problems);
        if (at == null) {
            return new Table(null, null, Math.max(0, lines.size() - 1));
        }
        List<CsvLine> rows = new ArrayList<>();
        for (CsvLine line : lines.subList(1, lines.size())) {
            if (line.cells().size() != at.size()) {
                problems.add(new MasterProblem(line.number(), "row", "行", "列の数が" + at.size() + "ではありません"));
            } else {
                rows.add(line);
            }
        }
        return new Table(rows, at, lines.size() - 1);
    }

    /** Our designation file: one designation with its period and authority per row. */
    static Read<Designation> designations(byte[] content) {
        List<MasterProblem> problems = new ArrayList<>();
        Table table = table(content, DESIGNATION_COLUMNS, problems);
        if (table.rows() == null) {
            return new Read<>(table.count(), List.of(), problems);
        }
        Map<Column, Integer> at = table.at();
        List<Designation> designations = new ArrayList<>();
        Map<String, Long> firstLine = new HashMap<>();
        for (CsvLine line : table.rows()) {
            int before = problems.size();
            String office = cell(line, at, OFFICE);
            officeNumber(office, line.number(), OFFICE.field(), OFFICE.label(), problems);
            String service = serviceType(cell(line, at, SERVICE), line.number(), SERVICE, problems);
            LocalDate from = date(cell(line, at, FROM), true, line.number(), FROM, problems);
            LocalDate to = date(cell(line, at, TO), false, line.number(), TO, problems);
            if (from != null && to != null && to.isBefore(from)) {
                problems.add(new MasterProblem(line.number(), TO.field(), TO.label(), "指定年月日より前の日付です"));
            }
            String authority = cell(line, at, AUTHORITY);
            if (authority.isEmpty()) {
                problems.add(new MasterProblem(line.number(), AUTHORITY.field(), AUTHORITY.label(), "必須です"));
            }
            if (problems.size() > before) {
                continue;
            }
            Long earlier = firstLine.putIfAbsent(office + "|" + service + "|" + from, line.number());
            if (earlier != null) {
                problems.add(new MasterProblem(line.number(), FROM.field(), FROM.label(),
                        "同じ事業所番号・サービス種類コード・指定年月日の行が" + earlier + "行目にもあります"));
                continue;
            }
            designations.add(new Designation(office, service, from, to, authority));
        }
        return done(table.count(), designations, problems);
    }

    /** Our medical institution file: one institution per row with its みなし指定 services (may be none). */
    static Read<Institution> institutions(byte[] content) {
        List<MasterProblem> problems = new ArrayList<>();
        Table table = table(content, INSTITUTION_COLUMNS, problems);
        if (table.rows() == null) {
            return new Read<>(table.count(), List.of(), problems);
        }
        Map<Column, Integer> at = table.at();
        List<Institution> institutions = new ArrayList<>();
        Map<String, Long> firstLine = new HashMap<>();
        for (CsvLine line : table.rows()) {
            int before = problems.size();
            String code = cell(line, at, INSTITUTION);
            try {
                new MedicalInstitutionCode(code);
            } catch (InvalidValue e) {
                problems.add(new MasterProblem(line.number(), INSTITUTION.field(), INSTITUTION.label(), reason(e)));
            }
            String name = cell(line, at, INSTITUTION_NAME);
            if (name.isEmpty()) {
                problems.add(new MasterProblem(line.number(), INSTITUTION_NAME.field(), INSTITUTION_NAME.label(), "必須です"));
            }
            String office = cell(line, at, INSTITUTION_OFFICE);
            if (!office.isEmpty()) {
                officeNumber(office, line.number(), INSTITUTION_OFFICE.field(), INSTITUTION_OFFICE.label(), problems);
            }
            var services = new LinkedHashSet<String>();
            for (String each : cell(line, at, DEEMED).split(";", -1)) {
                if (!each.isBlank()) {
                    services.add(serviceType(each.strip(), line.number(), DEEMED, problems));
                }
            }
            boolean deemed = !services.isEmpty();
            LocalDate from = date(cell(line, at, FROM), deemed, line.number(), FROM, problems);
            LocalDate to = date(cell(line, at, TO), false, line.number(), TO, problems);
            if (from != null && to != null && to.isBefore(from)) {
                problems.add(new MasterProblem(line.number(), TO.field(), TO.label(), "指定年月日より前の日付です"));
            }
            if (!deemed && (from != null || to != null)) {
                problems.add(new MasterProblem(line.number(), FROM.field(), FROM.label(),
                        "みなし指定サービス種類コードのない行には指定期間を書きません"));
            }
            if (problems.size() > before) {
                continue;
            }
            Long earlier = firstLine.putIfAbsent(code, line.number());
            if (earlier != null) {
                problems.add(new MasterProblem(line.number(), INSTITUTION.field(), INSTITUTION.label(),
                        "同じ医療機関コードの行が" + earlier + "行目にもあります"));
                continue;
            }
            institutions.add(new Institution(code, name, blankToNull(office), List.copyOf(services), from, to));
        }
        return done(table.count(), institutions, problems);
    }

    private static <T> Read<T> done(long rows, List<T> records, List<MasterProblem> problems) {
        return problems.isEmpty() ? new Read<>(rows, records, problems) : new Read<>(rows, List.of(), problems);
    }

    /** Maps our files' header (Japanese labels or English keys, any order) to column positions. */
    private static Map<Column, Integer> header(List<CsvLine> lines, List<Column> columns, List<MasterProblem> problems) {
        if (lines.isEmpty()) {
            problems.add(new MasterProblem(1, "header", "見出し行", "見出し行がありません"));
            return null;
        }
        Map<Column, Integer> at = new HashMap<>();
        int before = problems.size();
        List<String> names = lines.get(0).cells();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Optional<Column> column = columns.stream()
                    .filter(c -> c.label().equals(name) || c.field().equalsIgnoreCase(name)).findFirst();
            if (column.isEmpty()) {
                problems.add(new MasterProblem(1, "header", "見出し行", (i + 1) + "列目の見出しは知らない列です"));
            } else if (at.putIfAbsent(column.get(), i) != null) {
                problems.add(new MasterProblem(1, column.get().field(), column.get().label(), "見出しが重複しています"));
            }
        }
        for (Column column : columns) {
            if (!at.containsKey(column)) {
                problems.add(new MasterProblem(1, column.field(), column.label(), "見出しにこの列がありません"));
            }
        }
        return problems.size() > before ? null : at;
    }

    private static String cell(CsvLine line, Map<Column, Integer> at, Column column) {
        return line.cells().get(at.get(column));
    }

    private static boolean officeNumber(String value, long line, String field, String label, List<MasterProblem> problems) {
        try {
            OfficeNumber.validate(value, field, label);
            return true;
        } catch (InvalidValue e) {
            problems.add(new MasterProblem(line, field, label, reason(e)));
            return false;
        }
    }

    private static String serviceType(String code, long line, Column column, List<MasterProblem> problems) {
        if (code.isEmpty()) {
            problems.add(new MasterProblem(line, column.field(), column.label(), "必須です"));
        } else if (ServiceType.find(code.toUpperCase(Locale.ROOT)).isEmpty()) {
            problems.add(new MasterProblem(line, column.field(), column.label(), "存在しないサービス種類コードです"));
        }
        return code.toUpperCase(Locale.ROOT);
    }

    private static LocalDate date(String value, boolean required, long line, Column column, List<MasterProblem> problems) {
        if (value.isEmpty()) {
            if (required) {
                problems.add(new MasterProblem(line, column.field(), column.label(), "必須です"));
            }
            return null;
        }
        try {
            return LocalDate.parse(value, value.length() == 8 ? BASIC : ISO);
        } catch (DateTimeParseException e) {
            problems.add(new MasterProblem(line, column.field(), column.label(),
                    "日付は yyyy-MM-dd または yyyyMMdd の実在する日で指定してください"));
            return null;
        }
    }

    private static String reason(InvalidValue e) {
        return e.violations().isEmpty() ? "正しくありません" : e.violations().get(0).reason();
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    /** One CSV record, its cells trimmed, with the line of the file it starts on. */
    record CsvLine(long number, List<String> cells) {
    }

    /**
     * Decodes (UTF-8 with or without BOM, else Windows-31J: the whole file must decode strictly in
     * one of them) and splits into records (RFC 4180 quoting). Null, with the problem added, if it cannot.
     */
    static List<CsvLine> csv(byte[] content, List<MasterProblem> problems) {
        String text = decode(content);
        if (text == null) {
            problems.add(new MasterProblem(0, "file", "ファイル", "文字コードが UTF-8 でも Windows-31J でもありません"));
            return null;
        }
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text))
                .setFormat(CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get()).get()) {
            List<CsvLine> lines = new ArrayList<>();
            var records = parser.iterator();
            while (true) {
                long next = parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) {
                    return lines;
                }
                CSVRecord record = records.next();
                lines.add(new CsvLine(next, record.stream().map(String::strip).toList()));
            }
        } catch (IOException | UncheckedIOException e) {
            problems.add(new MasterProblem(0, "file", "ファイル", "CSVとして読み取れません(引用符の対応などを確認してください)"));
            return null;
        }
    }

    static String decode(byte[] content) {
        boolean bom = content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb
                && (content[2] & 0xff) == 0xbf;
        if (bom) {
            return strict(StandardCharsets.UTF_8, ByteBuffer.wrap(content, 3, content.length - 3));
        }
        String utf8 = strict(StandardCharsets.UTF_8, ByteBuffer.wrap(content));
        return utf8 != null ? utf8 : strict(WINDOWS_31J, ByteBuffer.wrap(content));
    }

    private static String strict(Charset charset, ByteBuffer bytes) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
