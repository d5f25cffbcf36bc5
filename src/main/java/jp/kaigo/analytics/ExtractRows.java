package jp.kaigo.analytics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes a pseudonymised extract (docs/design/analytics.md §4): one CSV row per person and month, the person named by
 * an HMAC-SHA-256 of their numbers under a key made for this extract alone and dropped with this object — no name,
 * number, address or birth day; the age band, or the birth month when asked for. The CSV is gzipped as it is
 * written (a year of a large municipality is millions of rows; compressed it is about a tenth).
 */
final class ExtractRows {
    static final String HEADER = "仮名ID,保険者番号,圏域,性別,年齢階級,生年月,年月,要介護状態区分,施設在宅,区分支給限度基準額,限度内利用単位,単位数,給付費\r\n";
    private final Mac mac;
    private final String insurerNo;
    private final boolean birthMonth;
    private final ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    private final Writer csv;
    private final Set<String> persons = new TreeSet<>();
    private int rows;

    ExtractRows(String insurerNo, boolean birthMonth) {
        this.insurerNo = insurerNo;
        this.birthMonth = birthMonth;
        try {
            csv = new OutputStreamWriter(new GZIPOutputStream(gzipped, 1 << 16), StandardCharsets.UTF_8);
            csv.write("\uFEFF" + HEADER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /** The person's pseudonym in this extract: 128 bits of the HMAC, hex. */
    String pseudonym(String insuredNo) {
        byte[] digest = mac.doFinal((insurerNo + ":" + insuredNo).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    void add(String insuredNo, PersonMonths.Month m) {
        persons.add(insuredNo);
        rows++;
        long units = m.services().values().stream().mapToLong(v -> v[0]).sum();
        long benefit = m.services().values().stream().mapToLong(v -> v[1]).sum();
        try {
            csv.write(String.join(",", pseudonym(insuredNo), insurerNo, m.area(), m.sex(), m.ageBand(),
                    birthMonth ? m.birthMonth().toString() : "", m.month().toString(), m.level(), m.place(),
                    String.valueOf(m.limitUnits()), String.valueOf(m.usedUnits()), String.valueOf(units),
                    String.valueOf(benefit)) + "\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Set<String> persons() {
        return persons;
    }

    int rows() {
        return rows;
    }

    /** The gzipped CSV (UTF-8 with BOM); nothing can be added after. */
    byte[] gzipped() {
        try {
            csv.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return gzipped.toByteArray();
    }
}
