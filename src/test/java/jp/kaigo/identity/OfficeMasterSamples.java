package jp.kaigo.identity;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jp.kaigo.shared.MedicalInstitutionCode;
import jp.kaigo.shared.OfficeNumber;

/** Office-master files as they arrive: open-data rows, designation and institution files. */
final class OfficeMasterSamples {
    static final String VISITING = OfficeNumber.withCheckDigit("131010001").value();
    static final String DAY_CARE = OfficeNumber.withCheckDigit("131010002").value();
    static final String CLINIC = MedicalInstitutionCode.withCheckDigit("131012345").value();
    static final String CLINIC_OFFICE = OfficeNumber.withCheckDigit("131612345").value();
    static final String DESIGNATION_HEADER = "事業所番号,サービス種類コード,指定年月日,指定有効期間満了日,指定権者";
    static final String INSTITUTION_HEADER =
            "医療機関コード,名称,介護保険事業所番号,みなし指定サービス種類コード,指定年月日,指定有効期間満了日";

    private OfficeMasterSamples() {
    }

    /** One open-data row: 24 cells with the office's number and name where the real files have them. */
    static String publishedRow(String officeNo, String name) {
        List<String> cells = new ArrayList<>(List.of("131016", "1", "東京都", "千代田区", name, "カブシキガイシャ",
                "訪問介護", "東京都千代田区霞が関1-2-2", "中央合同庁舎5号館", "35.6729", "139.7499", "03-0000-0000",
                "03-0000-0001", "1234567890123", "株式会社かいご", officeNo, "月火水木金", "", "", "", "", "", "", "\"備考, 引用符付き\""));
        return String.join(",", cells);
    }

    static byte[] publication(Charset charset, boolean bom, String... rows) {
        String text = String.join(",", OfficeMasterFiles.PUBLICATION_HEADER) + "\r\n" + String.join("\r\n", rows) + "\r\n";
        byte[] body = text.getBytes(charset);
        if (!bom) {
            return body;
        }
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xef;
        withBom[1] = (byte) 0xbb;
        withBom[2] = (byte) 0xbf;
        System.arraycopy(body, 0, withBom, 3, body.length);
        return withBom;
    }

    static byte[] file(String header, String... rows) {
        return (header + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
