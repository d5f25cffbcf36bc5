package jp.kaigo.exchange;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.kaigo.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The PDF attachments of a document version (design §2.7): at most {@value #MAX_ATTACHMENTS}, each named and checked
 * by its content ({@link PdfAttachments}) before anything is stored; stored with the version, read back for the
 * parties the routing allowed.
 */
@Component
class DocumentAttachments {
    static final int MAX_ATTACHMENTS = 5;
    /** A file name a person can read: no path, no control characters. */
    private static final Pattern NAME = Pattern.compile("[^/\\\\\\p{Cntrl}]{1,100}");
    private final PdfAttachments pdfs;
    private final JdbcClient sql;

    DocumentAttachments(PdfAttachments pdfs, JdbcClient sql) {
        this.pdfs = pdfs;
        this.sql = sql;
    }

    /** An upload that passed its checks: the name as given and what the check found. */
    record Checked(String fileName, AttachmentCheck.Accepted pdf) {
    }

    /**
     * Checks every upload, answering each problem under {@code attachments[i]} (0-based, as sent); {@code passed}
     * receives the uploads that passed, in order.
     */
    List<Violation> check(List<NewAttachment> uploads, List<Checked> passed) {
        List<Violation> problems = new ArrayList<>();
        if (uploads.size() > MAX_ATTACHMENTS) {
            problems.add(new Violation("attachments", "添付ファイル", "添付できるのは" + MAX_ATTACHMENTS + "件までです"));
            return problems;
        }
        for (int i = 0; i < uploads.size(); i++) {
            NewAttachment upload = uploads.get(i);
            String field = "attachments[" + i + "]";
            String label = "添付ファイル" + (i + 1);
            if (upload == null || upload.fileName() == null || !NAME.matcher(upload.fileName().strip()).matches()) {
                problems.add(new Violation(field, label, "ファイル名を1〜100文字で指定してください(フォルダ名や制御文字は使えません)"));
                continue;
            }
            AttachmentCheck check = pdfs.check(upload.content() == null ? new byte[0] : upload.content());
            if (check instanceof AttachmentCheck.Refused refused) {
                problems.add(new Violation(field, label, refused.reason().message()));
            } else {
                passed.add(new Checked(upload.fileName().strip(), (AttachmentCheck.Accepted) check));
            }
        }
        return problems;
    }

    void store(DocumentRef ref, int version, List<Checked> attachments) {
        for (int i = 0; i < attachments.size(); i++) {
            Checked a = attachments.get(i);
            sql.sql("""
                    insert into exchange.attachments (insurer_no, insured_no, document_id, version, attachment_no,
                           file_name, byte_size, sha256, pages, content)
                    values (:insurer, :insured, :id, :version, :no, :name, :size, :sha, :pages, :content)
                    """).param("insurer", ref.insurer().value()).param("insured", ref.insured().value())
                    .param("id", ref.documentId()).param("version", version).param("no", i + 1)
                    .param("name", a.fileName()).param("size", a.pdf().size())
                    .param("sha", HexFormat.of().parseHex(a.pdf().sha256())).param("pages", a.pdf().pages())
                    .param("content", a.pdf().content()).update();
        }
    }

    /** The SHA-256 (hex) of each attachment of the version, in order. */
    List<String> sha256s(DocumentRef ref, int version) {
        return sql.sql("""
                select sha256 from exchange.attachments
                 where insurer_no = :insurer and insured_no = :insured and document_id = :id and version = :version
                 order by attachment_no
                """).param("insurer", ref.insurer().value()).param("insured", ref.insured().value())
                .param("id", ref.documentId()).param("version", version)
                .query((rs, n) -> HexFormat.of().formatHex(rs.getBytes(1))).list();
    }

    /** The attachments of version {@code from}, stored again under version {@code to} (a corrected version). */
    void carryForward(DocumentRef ref, int from, int to) {
        sql.sql("""
                insert into exchange.attachments (insurer_no, insured_no, document_id, version, attachment_no,
                       file_name, byte_size, sha256, pages, content)
                select insurer_no, insured_no, document_id, :to, attachment_no, file_name, byte_size, sha256, pages,
                       content
                  from exchange.attachments
                 where insurer_no = :insurer and insured_no = :insured and document_id = :id and version = :from
                """).param("insurer", ref.insurer().value()).param("insured", ref.insured().value())
                .param("id", ref.documentId()).param("from", from).param("to", to).update();
    }

    List<AttachmentInfo> of(DocumentRef ref, int version) {
        return sql.sql("""
                select attachment_no, file_name, byte_size, pages from exchange.attachments
                 where insurer_no = :insurer and insured_no = :insured and document_id = :id and version = :version
                   and content is not null
                 order by attachment_no
                """).param("insurer", ref.insurer().value()).param("insured", ref.insured().value())
                .param("id", ref.documentId()).param("version", version)
                .query((rs, n) -> new AttachmentInfo(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getInt(4))).list();
    }

    Optional<byte[]> content(DocumentRef ref, int version, int no) {
        return sql.sql("""
                select content from exchange.attachments
                 where insurer_no = :insurer and insured_no = :insured and document_id = :id and version = :version
                   and attachment_no = :no and content is not null
                """).param("insurer", ref.insurer().value()).param("insured", ref.insured().value())
                .param("id", ref.documentId()).param("version", version).param("no", no)
                .query(byte[].class).optional();
    }
}
