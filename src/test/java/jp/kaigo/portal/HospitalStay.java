package jp.kaigo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.kaigo.consent.Consents;
import jp.kaigo.ingest.FileFormat;
import jp.kaigo.ingest.FileImports;
import jp.kaigo.ingest.ImportMode;
import jp.kaigo.ingest.ImportRequest;
import jp.kaigo.ingest.Inputs;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.relationship.OfficesInCharge;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.OfficeNumber;
import jp.kaigo.shared.Party;

/**
 * The set-up of the hospital-stay tests (care-documents.md): a person 「入院 秋子」 at home, imported through the
 * municipality's file interface, with the 包括同意 (so the office in charge sees the 被保険者証), a 居宅介護支援 office in
 * charge, the hospital the person consented to for 入退院時の情報連携, and another hospital nobody asked.
 */
record HospitalStay(String insurer, String insuredNo, String office, String hospital, String otherHospital) {
    static final String NAME = "入院 秋子";
    private static final String HEADER =
            "保険者番号,被保険者番号,履歴番号,有効開始日,有効終了日,氏名,氏名カナ,生年月日,性別,住所,被保険者区分,資格取得日,資格取得事由,資格喪失日,資格喪失事由";

    static HospitalStay load(int n, InsuredRegistry registry, FileImports imports, OfficesInCharge offices,
            Consents consents) {
        HospitalStay stay = new HospitalStay(InsurerNumber.withCheckDigit("46" + n).value(), "00000" + n + "01",
                OfficeNumber.withCheckDigit("4676" + String.format("%05d", n)).value(),
                MedicalInstitutionCode.withCheckDigit("461" + String.format("%06d", n)).value(),
                MedicalInstitutionCode.withCheckDigit("461" + String.format("%06d", n + 500)).value());
        registry.registerInsurer(new InsurerNumber(stay.insurer()), "入院村" + n);
        String csv = HEADER + "\n" + String.join(",", stay.insurer(), stay.insuredNo(), "1", "2026-04-01", "", NAME,
                "ニュウイン アキコ", "1940-03-04", "2", "沖縄県入院村1番地", "1", "2005-03-04", "01", "", "") + "\n";
        var report = imports.importFile(new ImportRequest(stay.insurer(), "insured", ImportMode.FULL, FileFormat.CSV,
                "UTF-8", "insured.csv", imports.columnsMissingFrom("insured", List.of(HEADER.split(",")))),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(report.rejectedRows()).isZero();
        offices.register(stay.office(), offices.confirmationFor(stay.office(), stay.insurer(), stay.insuredNo(),
                "numbers"), "43", Inputs.today().minusDays(100), "CARE_MANAGER", null);
        consents.registerBlanket(stay.insurer(), stay.insuredNo(), "認定申請");
        consents.decide(stay.insurer(), stay.insuredNo(), Party.medicalInstitution(stay.hospital()),
                InformationCategory.CARE_TRANSITION, true, null);
        return stay;
    }
}
