package jp.kaigo.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.kaigo.shared.OfficeNumber;

/**
 * 給付実績 of the synthetic certified persons for the three months before the reference date: the
 * 居宅介護支援 of the given care-planning office and a 訪問介護 of the municipality's home-help office.
 * One claims file per municipality, field keys as header; deterministic.
 */
public final class SyntheticClaims {
    private static final YearMonth FIRST = YearMonth.of(2026, 8);

    private SyntheticClaims() {
    }

    public static List<SyntheticCertifications.File> writeCsv(SyntheticData data, Path dir, int persons,
            String planningOffice) {
        Map<String, StringBuilder> files = new LinkedHashMap<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        data.municipalities().forEach(m -> files.put(m.insurerNo(), new StringBuilder(
                "insurerNo,insuredNo,historyNo,validFrom,validTo,serviceMonth,officeNo,serviceType,careLevel,days,units,"
                        + "insuranceClaim,userCharge,planOfficeNo,reviewedMonth\r\n")));
        for (SyntheticData.Person p : SyntheticCertifications.certified(data, persons)) {
            Random r = new Random(p.index() * 31L + 7);
            String homeHelp = OfficeNumber.withCheckDigit(p.insurerNo().substring(0, 2) + "7" + "%06d".formatted(
                    20_001 + p.index() % 5)).value();
            StringBuilder out = files.get(p.insurerNo());
            int history = 0;
            for (int m = 0; m < 3; m++) {
                YearMonth month = FIRST.plusMonths(m);
                int planning = 1_076 + r.nextInt(335);
                int help = 1_000 + r.nextInt(7_000);
                out.append(line(p, ++history, month, planningOffice, "43", 1, planning, planningOffice, false));
                out.append(line(p, ++history, month, homeHelp, "11", 4 + r.nextInt(20), help, planningOffice, true));
            }
            rows.merge(p.insurerNo(), (long) history, Long::sum);
        }
        try {
            Files.createDirectories(dir);
            List<SyntheticCertifications.File> written = new ArrayList<>();
            for (var entry : files.entrySet()) {
                Path path = dir.resolve(entry.getKey() + "_claims.csv");
                try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
                    w.write(entry.getValue().toString());
                }
                written.add(new SyntheticCertifications.File(entry.getKey(), "claims", path,
                        rows.getOrDefault(entry.getKey(), 0L)));
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One claim line at 10 yen a unit; the user pays a tenth where there is a charge (居宅介護支援 has none). */
    private static String line(SyntheticData.Person p, int history, YearMonth month, String office, String type,
            int days, int units, String planningOffice, boolean charged) {
        int cost = units * 10;
        int userCharge = charged ? cost / 10 : 0;
        return String.join(",", p.insurerNo(), p.insuredNo(), String.valueOf(history), month.atDay(1).toString(), "",
                month.toString(), office, type, p.careLevel() == null ? "" : p.careLevel(), String.valueOf(days),
                String.valueOf(units), String.valueOf(cost - userCharge), String.valueOf(userCharge), planningOffice,
                month.plusMonths(1).toString()) + "\r\n";
    }
}
