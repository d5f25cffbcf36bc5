package jp.kaigo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import jp.kaigo.ingest.FileFormat;
import jp.kaigo.ingest.FileImports;
import jp.kaigo.ingest.ImportMode;
import jp.kaigo.ingest.ImportRequest;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.shared.CareLevel;
import jp.kaigo.shared.InsuredPerson;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.OfficeNumber;

/**
 * A small town for the statistics tests, imported through the municipality file interface: 68 women born in May
 * 1946; 25 at 要介護2 in 北町 who used 訪問介護 last month (5,000 units, ¥45,000 each), 3 at 要介護4 and 8 at 要介護5
 * in 南町, 32 without a 認定 (12 in 南町, 20 in 北町).
 */
record StatisticsTown(String insurer, int n, YearMonth lastMonth) {
    static final int PERSONS = 68;

    static StatisticsTown load(InsuredRegistry registry, FileImports imports, String insurer, int n) {
        StatisticsTown town = new StatisticsTown(insurer, n, YearMonth.now(ZoneId.of("Asia/Tokyo")).minusMonths(1));
        registry.registerInsurer(new InsurerNumber(insurer), "統計町" + n);
        StringBuilder insured = new StringBuilder(
                "insurerNo,insuredNo,historyNo,validFrom,validTo,name,nameKana,birthDate,sex,address,category,acquiredOn,acquisitionReason\n");
        StringBuilder certificates = new StringBuilder(
                "insurerNo,insuredNo,historyNo,validFrom,validTo,careLevel,certifiedOn,certValidFrom,certValidTo,limitUnits\n");
        StringBuilder claims = new StringBuilder("insurerNo,insuredNo,historyNo,validFrom,validTo,serviceMonth,officeNo,"
                + "serviceType,careLevel,days,units,insuranceClaim,userCharge,planOfficeNo,reviewedMonth\n");
        String office = OfficeNumber.withCheckDigit(insurer.substring(0, 2) + "7000001").value();
        YearMonth last = town.lastMonth();
        for (int i = 1; i <= PERSONS; i++) {
            String no = town.person(i).insuredNo();
            String place = i <= 25 || i > 48 ? "北町" : "南町";
            String level = i <= 25 ? "22" : i <= 28 ? "24" : "25";
            insured.append(String.join(",", insurer, no, "1", "2020-04-01", "", "統計 花子", "トウケイ ハナコ",
                    "1946-05-10", "2", "統計町" + place + i + "番地", "1", "2011-05-10", "01")).append('\n');
            if (i <= 36) {
                certificates.append(String.join(",", insurer, no, "1", "2026-01-01", "", level, "2025-12-20",
                        "2026-01-01", "2027-12-31", String.valueOf(CareLevel.of(level).monthlyLimitUnits().orElseThrow())))
                        .append('\n');
            }
            if (i <= 25) {
                claims.append(String.join(",", insurer, no, "1", last.atDay(1).toString(), "", last.toString(), office,
                        "11", "22", "8", "5000", "45000", "5000", "", last.plusMonths(1).toString())).append('\n');
            }
        }
        load(imports, insurer, "insured", insured);
        load(imports, insurer, "care-certificate", certificates);
        load(imports, insurer, "claims", claims);
        return town;
    }

    /** The town's i-th person (1 … 68). */
    InsuredPerson person(int i) {
        return InsuredPerson.of(insurer, String.format("%04d%06d", n, i));
    }

    private static void load(FileImports imports, String insurer, String type, StringBuilder csv) {
        List<String> header = List.of(csv.substring(0, csv.indexOf("\n")).split(","));
        var report = imports.importFile(new ImportRequest(insurer, type, ImportMode.FULL, FileFormat.CSV, "UTF-8",
                type + ".csv", imports.columnsMissingFrom(type, header)),
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(report.rejectedRows()).as(type + ": " + report).isZero();
    }
}
