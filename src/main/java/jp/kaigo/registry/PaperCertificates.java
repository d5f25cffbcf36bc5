package jp.kaigo.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The paper 資格確認書(仮称) route (docs/design/care-documents.md §8.2): who asked for paper, and whose paper is due — never
 * printed, or what it would show (the 被保険者・認定・負担割合・負担限度額 histories in force) changed since it was printed.
 */
@Component
class PaperCertificates {
    private static final List<String> SHOWN = List.of(RecordType.INSURED.key(), RecordType.CARE_CERTIFICATE.key(),
            RecordType.BURDEN_RATIO.key(), RecordType.BURDEN_LIMIT.key());
    private final JdbcClient sql;

    PaperCertificates(JdbcClient sql) {
        this.sql = sql;
    }

    void want(InsurerNumber insurer, InsuredNumber insured, boolean wanted, String recordedBy) {
        sql.sql("""
                insert into registry.paper_certificate_wishes (insurer_no, insured_no, wanted, recorded_by)
                values (?, ?, ?, ?)
                on conflict (insurer_no, insured_no) do update
                   set wanted = excluded.wanted, recorded_by = excluded.recorded_by, recorded_at = now()
                """).params(insurer.value(), insured.value(), wanted, recordedBy).update();
    }

    boolean wanted(InsurerNumber insurer, InsuredNumber insured) {
        return sql.sql("select wanted from registry.paper_certificate_wishes where insurer_no = ? and insured_no = ?")
                .params(insurer.value(), insured.value()).query(Boolean.class).optional().orElse(false);
    }

    /** Persons of the insurer who asked for paper, each with the fingerprint of their last printed one (null: never). */
    Map<String, Optional<String>> askedFor(InsurerNumber insurer) {
        return sql.sql("""
                select w.insured_no, (select p.fingerprint from registry.paper_certificates p
                                       where p.insurer_no = w.insurer_no and p.insured_no = w.insured_no
                                       order by p.issued_at desc limit 1)
                  from registry.paper_certificate_wishes w where w.insurer_no = ? and w.wanted
                """).param(insurer.value()).query((rs, n) -> Map.entry(rs.getString(1),
                Optional.ofNullable(rs.getString(2)))).list().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    void issued(InsurerNumber insurer, Map<String, String> fingerprints, UUID staffId) {
        for (var printed : fingerprints.entrySet()) {
            sql.sql("insert into registry.paper_certificates (insurer_no, insured_no, fingerprint, issued_by)"
                    + " values (?, ?, ?, ?)").params(insurer.value(), printed.getKey(), printed.getValue(), staffId).update();
        }
    }

    /** What a paper certificate printed on the day shows, as a fingerprint of its histories in force. */
    static String fingerprint(InsuredSnapshot snapshot) {
        List<String> parts = new ArrayList<>();
        for (String type : SHOWN) {
            for (RecordView view : snapshot.records().getOrDefault(type, List.of())) {
                parts.add(type + "|" + view.historyNo() + "|" + view.validFrom() + "|" + view.validTo() + "|"
                        + new TreeMap<>(view.fields()));
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
