package jp.kaigo.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.kaigo.ingest.FieldSpec;
import jp.kaigo.ingest.KeyFields;
import jp.kaigo.registry.RecordType;
import jp.kaigo.shared.CareLevel;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.OfficeNumber;

/**
 * Generates the same data for the same seed. Person {@code i} depends only on the seed and {@code i},
 * so any person can be recomputed without generating the others, and files are written as a stream.
 * Shares are rounded national figures (介護保険事業状況報告 2023: about 19% of 第1号被保険者 certified,
 * rising steeply with age); they make realistic load, not statistics.
 */
public final class SyntheticData {
    /** Validity periods are laid out around this day, so that "today" in 2026–2027 finds cards in force. */
    public static final LocalDate REFERENCE = LocalDate.of(2026, 4, 1);
    private static final String[][] MUNICIPALITIES = {
            {"13101", "東京都千代田区"}, {"13104", "東京都新宿区"}, {"27100", "大阪府大阪市"}, {"01100", "北海道札幌市"},
            {"40130", "福岡県福岡市"}, {"26100", "京都府京都市"}, {"43507", "熊本県水上村"}, {"23100", "愛知県名古屋市"},
            {"14130", "神奈川県川崎市"}, {"04100", "宮城県仙台市"}, {"34100", "広島県広島市"}, {"15100", "新潟県新潟市"}};
    private static final String[][] SURNAMES = {{"佐藤", "サトウ"}, {"鈴木", "スズキ"}, {"高橋", "タカハシ"},
            {"田中", "タナカ"}, {"伊藤", "イトウ"}, {"渡辺", "ワタナベ"}, {"山本", "ヤマモト"}, {"中村", "ナカムラ"},
            {"小林", "コバヤシ"}, {"加藤", "カトウ"}, {"吉田", "ヨシダ"}, {"山田", "ヤマダ"}, {"佐々木", "ササキ"},
            {"山口", "ヤマグチ"}, {"松本", "マツモト"}, {"井上", "イノウエ"}, {"木村", "キムラ"}, {"林", "ハヤシ"},
            {"斎藤", "サイトウ"}, {"清水", "シミズ"}};
    private static final String[][] WOMEN = {{"和子", "カズコ"}, {"幸子", "サチコ"}, {"節子", "セツコ"},
            {"洋子", "ヨウコ"}, {"京子", "キョウコ"}, {"恵子", "ケイコ"}, {"久子", "ヒサコ"}, {"美智子", "ミチコ"},
            {"弘子", "ヒロコ"}, {"文子", "フミコ"}, {"トシ", "トシ"}, {"ハル", "ハル"}};
    private static final String[][] MEN = {{"清", "キヨシ"}, {"茂", "シゲル"}, {"博", "ヒロシ"}, {"実", "ミノル"},
            {"勇", "イサム"}, {"進", "ススム"}, {"昭", "アキラ"}, {"正", "タダシ"}, {"隆", "タカシ"}, {"修", "オサム"},
            {"一郎", "イチロウ"}, {"武", "タケシ"}};
    /** Age bands of 第1号被保険者 (share %) and the certified share within each band (%). */
    private static final int[][] AGE_BANDS = {{65, 22, 3}, {70, 26, 6}, {75, 19, 12}, {80, 15, 26}, {85, 11, 48},
            {90, 7, 73}};
    /** 要支援1 … 要介護5 shares among the certified (%), then 事業対象者 handled separately. */
    private static final String[] LEVELS = {"12", "13", "21", "22", "23", "24", "25"};
    private static final int[] LEVEL_SHARES = {14, 14, 21, 17, 13, 12, 9};

    private final long seed;
    private final int municipalities;

    public SyntheticData(long seed, int municipalities) {
        if (municipalities < 1 || municipalities > MUNICIPALITIES.length) {
            throw new IllegalArgumentException("municipalities must be 1.." + MUNICIPALITIES.length);
        }
        this.seed = seed;
        this.municipalities = municipalities;
    }

    public record Municipality(String insurerNo, String name) {
    }

    public List<Municipality> municipalities() {
        List<Municipality> list = new ArrayList<>();
        for (int m = 0; m < municipalities; m++) {
            list.add(new Municipality(InsurerNumber.withCheckDigit(MUNICIPALITIES[m][0]).value(), MUNICIPALITIES[m][1]));
        }
        return list;
    }

    /** One file of the generated set. */
    public record GeneratedFile(String insurerNo, RecordType type, Path path, long rows) {
    }

    /** A person as the generator made them: enough to call 資格確認 and to know what it must answer. */
    public record Person(int index, String insurerNo, String insuredNo, LocalDate birthDate, String name,
            String careLevel, boolean lost, Map<RecordType, List<Map<String, Object>>> records) {
    }

    /**
     * Writes one CSV file (UTF-8, Japanese header labels) per municipality and record type into
     * {@code dir}, for persons {@code 0 … persons-1}. Returns the files, insured files first.
     */
    public List<GeneratedFile> writeCsv(Path dir, int persons) {
        try {
            Files.createDirectories(dir);
            List<Municipality> ms = municipalities();
            Map<String, Map<RecordType, CsvOut>> out = new LinkedHashMap<>();
            for (Municipality m : ms) {
                Map<RecordType, CsvOut> byType = new EnumMap<>(RecordType.class);
                for (RecordType type : RecordType.values()) {
                    byType.put(type, new CsvOut(dir.resolve(m.insurerNo() + "_" + type.key() + ".csv"), type));
                }
                out.put(m.insurerNo(), byType);
            }
            for (int i = 0; i < persons; i++) {
                Person p = person(i);
                Map<RecordType, CsvOut> files = out.get(p.insurerNo());
                p.records().forEach((type, rows) -> rows.forEach(files.get(type)::write));
            }
            List<GeneratedFile> files = new ArrayList<>();
            for (RecordType type : RecordType.values()) {
                for (Municipality m : ms) {
                    CsvOut file = out.get(m.insurerNo()).get(type);
                    file.close();
                    files.add(new GeneratedFile(m.insurerNo(), type, file.path, file.rows));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Person {@code i}, computed from the seed alone. */
    public Person person(int i) {
        Random r = new Random(seed * 1_000_003L + i);
        Municipality m = municipalities().get(i % municipalities);
        String insuredNo = String.format("%010d", 100_000 + i / municipalities);
        boolean secondInsured = r.nextInt(100) < 2;
        boolean woman = r.nextInt(100) < (secondInsured ? 50 : 57);
        int age;
        int certifiedShare;
        if (secondInsured) {
            age = 40 + r.nextInt(25);
            certifiedShare = 60;
        } else {
            int[] band = pick(r, AGE_BANDS);
            age = band[0] + r.nextInt(band[0] == 90 ? 15 : 5);
            certifiedShare = band[2];
        }
        LocalDate birth = REFERENCE.minusYears(age).minusDays(r.nextInt(365));
        String[] surname = SURNAMES[r.nextInt(SURNAMES.length)];
        String[] given = (woman ? WOMEN : MEN)[r.nextInt(WOMEN.length)];
        String address = m.name() + "中央" + (1 + r.nextInt(5)) + "丁目" + (1 + r.nextInt(30)) + "番" + (1 + r.nextInt(20)) + "号";

        Map<RecordType, List<Map<String, Object>>> records = new EnumMap<>(RecordType.class);
        LocalDate acquired = birth.plusYears(secondInsured ? 40 : 65);
        String acquisition = secondInsured ? "03" : "01";
        long room = ChronoUnit.DAYS.between(acquired, REFERENCE.minusDays(30));
        if (r.nextInt(100) < 8 && room > 1) {
            acquired = acquired.plusDays(1 + r.nextInt((int) Math.min(room - 1, 3000)));
            acquisition = "02";
        }
        boolean lost = r.nextInt(100) < 2;
        boolean moved = r.nextInt(100) < 10;
        boolean specialAddress = !secondInsured && r.nextInt(100) < 1 && municipalities > 1;
        List<Map<String, Object>> insured = new ArrayList<>();
        LocalDate changed = REFERENCE.minusDays(1 + r.nextInt(700));
        if (!changed.isAfter(acquired)) {
            moved = false;
        }
        Map<String, Object> first = row(m.insurerNo(), insuredNo, 1, acquired, moved ? changed.minusDays(1) : null);
        first.put("name", surname[0] + "　" + given[0]);
        first.put("nameKana", surname[1] + "　" + given[1]);
        first.put("birthDate", birth);
        first.put("sex", woman ? "2" : "1");
        first.put("postalCode", String.format("%03d-%04d", 100 + r.nextInt(800), r.nextInt(10000)));
        first.put("address", address);
        first.put("category", secondInsured ? "2" : "1");
        first.put("acquiredOn", acquired);
        first.put("acquisitionReason", acquisition);
        first.put("issuedOn", acquired);
        if (specialAddress) {
            first.put("specialAddressRule", "2");
            first.put("facilityInsurerNo", municipalities().get((i + 1) % municipalities).insurerNo());
        }
        insured.add(first);
        Map<String, Object> current = first;
        if (moved) {
            current = new LinkedHashMap<>(first);
            current.put("historyNo", 2);
            current.put("validFrom", changed);
            current.put("validTo", null);
            current.put("address", m.name() + "東" + (1 + r.nextInt(5)) + "丁目" + (1 + r.nextInt(30)) + "番地");
            insured.add(current);
        }
        if (lost) {
            LocalDate lostOn = REFERENCE.plusDays(r.nextInt(200));
            Map<String, Object> last = new LinkedHashMap<>(current);
            current.put("validTo", lostOn.minusDays(1));
            if (current.get("validFrom") instanceof LocalDate from && from.isAfter(lostOn.minusDays(1))) {
                current.put("validTo", from);
                lostOn = from.plusDays(1);
            }
            last.put("historyNo", insured.size() + 1);
            last.put("validFrom", lostOn);
            last.put("validTo", null);
            last.put("lostOn", lostOn);
            last.put("lossReason", r.nextBoolean() ? "01" : "02");
            insured.add(last);
        }
        records.put(RecordType.INSURED, insured);

        String level = null;
        int roll = r.nextInt(100);
        if (roll < certifiedShare) {
            level = pickLevel(r);
        } else if (roll < certifiedShare + 2 && !secondInsured) {
            level = "06";
        }
        if (level != null) {
            certificates(r, m, insuredNo, level, records);
        }
        return new Person(i, m.insurerNo(), insuredNo, birth, surname[0] + "　" + given[0], level, lost, records);
    }

    private void certificates(Random r, Municipality m, String insuredNo, String level,
            Map<RecordType, List<Map<String, Object>>> records) {
        LocalDate certFrom = REFERENCE.minusMonths(r.nextInt(18)).withDayOfMonth(1);
        LocalDate certTo = certFrom.plusMonths(level.equals("06") ? 0 : 24 + r.nextInt(13)).minusDays(1);
        List<Map<String, Object>> cards = new ArrayList<>();
        int history = 1;
        if (!level.equals("06") && r.nextInt(100) < 10) {
            String earlier = LEVELS[Math.max(0, Arrays.asList(LEVELS).indexOf(level) - 1)];
            LocalDate earlierFrom = certFrom.minusMonths(12);
            cards.add(card(r, m, insuredNo, history++, earlier, earlierFrom, certFrom.minusDays(1)));
        }
        cards.add(card(r, m, insuredNo, history, level, certFrom, level.equals("06") ? null : certTo));
        records.put(RecordType.CARE_CERTIFICATE, cards);

        int ratioRoll = r.nextInt(100);
        String ratio = ratioRoll < 91 ? "10" : ratioRoll < 96 ? "20" : "30";
        Map<String, Object> lastYear = row(m.insurerNo(), insuredNo, 1, LocalDate.of(2025, 8, 1), LocalDate.of(2026, 7, 31));
        lastYear.put("ratio", ratio);
        lastYear.put("issuedOn", LocalDate.of(2025, 7, 15));
        Map<String, Object> thisYear = row(m.insurerNo(), insuredNo, 2, LocalDate.of(2026, 8, 1), LocalDate.of(2027, 7, 31));
        thisYear.put("ratio", r.nextInt(100) < 97 ? ratio : "20");
        thisYear.put("issuedOn", LocalDate.of(2026, 7, 15));
        records.put(RecordType.BURDEN_RATIO, List.of(lastYear, thisYear));

        boolean inFacility = cards.get(cards.size() - 1).containsKey("facility1Kind");
        if (inFacility && r.nextInt(100) < 60) {
            int stage = 1 + r.nextInt(4);
            int[][] table = {{300, 880, 550, 380, 550, 0}, {390, 880, 550, 480, 550, 430},
                    {650, 1370, 1370, 880, 1370, 430}, {1360, 1370, 1370, 880, 1370, 430}};
            int[] t = table[stage - 1];
            Map<String, Object> limit = row(m.insurerNo(), insuredNo, 1, LocalDate.of(2025, 8, 1), LocalDate.of(2026, 7, 31));
            limit.put("stage", String.valueOf(stage));
            limit.put("foodLimit", t[0]);
            limit.put("unitPrivateRoom", t[1]);
            limit.put("unitSemiPrivateRoom", t[2]);
            limit.put("conventionalRoomWelfare", t[3]);
            limit.put("conventionalRoomHealth", t[4]);
            limit.put("multiBedRoom", t[5]);
            limit.put("issuedOn", LocalDate.of(2025, 7, 20));
            Map<String, Object> renewed = new LinkedHashMap<>(limit);
            renewed.put("historyNo", 2);
            renewed.put("validFrom", LocalDate.of(2026, 8, 1));
            renewed.put("validTo", LocalDate.of(2027, 7, 31));
            renewed.put("issuedOn", LocalDate.of(2026, 7, 20));
            records.put(RecordType.BURDEN_LIMIT, List.of(limit, renewed));
        }
        if (r.nextInt(100) < 5) {
            LocalDate started = REFERENCE.minusDays(r.nextInt(600));
            int cost = 50_000 + r.nextInt(300_000);
            Map<String, Object> home = row(m.insurerNo(), insuredNo, 1, started, null);
            home.put("startedOn", started);
            home.put("cost", cost);
            home.put("paid", Math.min(cost, 200_000) * 9 / 10);
            home.put("countedTotal", Math.min(cost, 200_000));
            home.put("resetReason", "0");
            records.put(RecordType.HOME_MODIFICATION, List.of(home));
        }
        if (r.nextInt(100) < 8) {
            LocalDate bought = REFERENCE.plusDays(r.nextInt(300));
            int cost = 10_000 + r.nextInt(60_000);
            LocalDate fiscalEnd = LocalDate.of(bought.getMonthValue() >= 4 ? bought.getYear() + 1 : bought.getYear(), 3, 31);
            Map<String, Object> item = row(m.insurerNo(), insuredNo, 1, bought, fiscalEnd);
            item.put("purchasedOn", bought);
            item.put("item", String.format("%02d", 1 + r.nextInt(9)));
            item.put("cost", cost);
            item.put("paid", cost * 9 / 10);
            item.put("yearTotal", cost);
            records.put(RecordType.WELFARE_EQUIPMENT, List.of(item));
        }
    }

    private Map<String, Object> card(Random r, Municipality m, String insuredNo, int history, String level,
            LocalDate from, LocalDate to) {
        Map<String, Object> card = row(m.insurerNo(), insuredNo, history, from, to);
        card.put("careLevel", level);
        card.put("certifiedOn", from.minusDays(3 + r.nextInt(20)));
        card.put("certValidFrom", from);
        card.put("certValidTo", to);
        CareLevel.of(level).monthlyLimitUnits().ifPresent(units -> {
            card.put("limitUnits", units);
            card.put("limitFrom", from);
            card.put("limitTo", to);
        });
        if (r.nextInt(100) < 3) {
            card.put("opinion", "通所リハビリテーションの利用が望ましい。");
        }
        if (r.nextInt(1000) < 5) {
            card.put("restriction1Kind", "1");
            card.put("restriction1From", from);
            card.put("restriction1To", from.plusMonths(6));
        }
        boolean heavy = level.compareTo("23") >= 0 && level.startsWith("2");
        if (heavy && r.nextInt(100) < 30) {
            card.put("facility1Kind", "1");
            card.put("facility1Name", "特別養護老人ホーム" + m.name().substring(m.name().length() - 3) + "の里");
            card.put("facility1AdmittedOn", from.minusDays(r.nextInt(400)));
        } else if (r.nextInt(100) < 96) {
            boolean support = level.startsWith("1") || level.equals("06");
            card.put("planOffice1Kind", support ? "3" : "1");
            String prefecture = m.insurerNo().substring(0, 2);
            card.put("planOffice1No", OfficeNumber.withCheckDigit(prefecture + (support ? "0" : "7") + "01"
                    + String.format("%04d", 1 + r.nextInt(400))).value());
            card.put("planOffice1Name", support ? "地域包括支援センター" + (1 + r.nextInt(9)) : "居宅介護支援事業所ひだまり" + (1 + r.nextInt(99)));
            card.put("planOffice1NotifiedOn", from.plusDays(r.nextInt(20)));
        } else {
            card.put("planOffice1Kind", "4");
            card.put("planOffice1Name", "自己作成");
            card.put("planOffice1NotifiedOn", from.plusDays(r.nextInt(20)));
        }
        card.put("issuedOn", from.minusDays(1));
        return card;
    }

    private static Map<String, Object> row(String insurerNo, String insuredNo, int history, LocalDate from, LocalDate to) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("insurerNo", insurerNo);
        row.put("insuredNo", insuredNo);
        row.put("historyNo", history);
        row.put("validFrom", from);
        row.put("validTo", to);
        return row;
    }

    private static int[] pick(Random r, int[][] bands) {
        int roll = r.nextInt(100);
        for (int[] band : bands) {
            roll -= band[1];
            if (roll < 0) {
                return band;
            }
        }
        return bands[bands.length - 1];
    }

    private static String pickLevel(Random r) {
        int roll = r.nextInt(100);
        for (int k = 0; k < LEVELS.length; k++) {
            roll -= LEVEL_SHARES[k];
            if (roll < 0) {
                return LEVELS[k];
            }
        }
        return LEVELS[LEVELS.length - 1];
    }

    /** A CSV file with the layout's Japanese labels as header; the 処理区分 column is left out (全量). */
    private static final class CsvOut {
        final Path path;
        final List<FieldSpec> fields;
        final BufferedWriter out;
        long rows;

        CsvOut(Path path, RecordType type) throws IOException {
            this.path = path;
            this.fields = type.layout().allFields().stream().filter(f -> !f.key().equals(KeyFields.OPERATION)).toList();
            this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
            out.write(String.join(",", fields.stream().map(FieldSpec::label).toList()));
            out.write("\r\n");
        }

        void write(Map<String, Object> values) {
            try {
                StringBuilder line = new StringBuilder(256);
                for (int k = 0; k < fields.size(); k++) {
                    if (k > 0) {
                        line.append(',');
                    }
                    Object v = values.get(fields.get(k).key());
                    if (v != null) {
                        line.append(v);
                    }
                }
                out.write(line.append("\r\n").toString());
                rows++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void close() throws IOException {
            out.close();
        }
    }
}
