package jp.kaigo.consent;

import jp.kaigo.audit.AuditEntry;
import jp.kaigo.audit.AuditLog;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.InvalidValue;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.PartyKind;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import jp.kaigo.shared.ConsentRecorded;
import jp.kaigo.shared.InsuredPerson;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 本人同意 (facade): decisions are appended; what holds is read from all of them on every request. Each decision
 * commits together with its audit entry (a crash between the two used to leave decisions no audit entry recorded).
 */
@Service
public class Consents {
    /** Occasions at which a municipality collects the 包括同意. */
    public static final List<String> OCCASIONS = List.of("認定申請", "更新申請", "区分変更申請");

    private final JdbcClient sql;

    private final AuditLog audit;

    private final TransactionTemplate tx;

    private final ApplicationEventPublisher events;

    Consents(JdbcClient sql, AuditLog audit, TransactionTemplate tx, ApplicationEventPublisher events) {
        this.sql = sql;
        this.audit = audit;
        this.tx = tx;
        this.events = events;
    }

    /** Tells the person (after the commit) of a decision someone else recorded for them. */
    private UUID told(UUID decisionId, String insurerNo, String insuredNo, Party party, InformationCategory category,
            boolean give, String by) {
        events.publishEvent(new ConsentRecorded(decisionId, InsuredPerson.of(insurerNo, insuredNo), party, category, give,
                by, java.time.Instant.now()));
        return decisionId;
    }

    /** Stores the decision and its audit entry in one transaction: both or neither. */
    private UUID audited(java.util.function.Supplier<UUID> decision, AuditEntry entry) {
        return tx.execute(status -> {
            UUID id = decision.get();
            audit.recordInTransaction(entry);
            return id;
        });
    }

    /** The municipality registers the 包括同意 the person gave at 認定申請 or 更新. */
    public UUID registerBlanket(String insurerNo, String insuredNo, String occasion) {
        return registerBlanket(insurerNo, insuredNo, occasion, null);
    }

    /** The 包括同意, registered by a municipal staff member ({@code staffId}, audited), or by the municipality's system. */
    public UUID registerBlanket(String insurerNo, String insuredNo, String occasion, UUID staffId) {
        if (occasion == null || !OCCASIONS.contains(occasion.strip())) {
            throw new InvalidValue("occasion", "同意の機会", String.join("・", OCCASIONS) + "のいずれかを指定してください");
        }
        return audited(() -> told(insert(insurerNo, insuredNo, null, null, true, "municipality", occasion.strip(), null),
                insurerNo, insuredNo, null, null, true, "municipality"),
                new AuditEntry("consent", "municipality", insurerNo, null, insurerNo, insuredNo,
                        "包括同意の登録(" + occasion.strip() + ")", null, "GIVEN").by(staffId, null));
    }

    /**
     * The person's own decision, or their registered representative's ({@code representing}: the kind, null
     * for the person): {@code party} null = every organisation, {@code category} null = every category;
     * {@code give} false refuses, or withdraws an earlier consent.
     */
    public UUID decide(String insurerNo, String insuredNo, Party party, InformationCategory category, boolean give,
            String representing) {
        if (party != null && party.kind() == PartyKind.MUNICIPALITY) {
            throw new InvalidValue("partyKind", "相手先の種別", "保険者(市町村)は同意の対象ではありません");
        }
        String actor = representing == null ? "person" : "representative";
        return audited(() -> {
            UUID id = insert(insurerNo, insuredNo, party, category, give, actor, representing, null);
            return representing == null ? id : told(id, insurerNo, insuredNo, party, category, give, "representative");
        },
                new AuditEntry("consent", actor, null, representing, insurerNo, insuredNo,
                        "同意の" + (give ? "登録" : "拒否・撤回") + "(" + (party == null ? "すべての相手先" : party.kind().label())
                                + "・" + (category == null ? "すべての情報" : category.label()) + ")", null,
                        give ? "GIVEN" : "REFUSED"));
    }

    /**
     * The text a person signs with the card's 署名用 key at an office terminal to give or refuse this office
     * consent ({@code category} null = every category); the challenge makes each statement unique.
     */
    public static String terminalStatement(Party office, InformationCategory category, boolean give, UUID challengeId) {
        return "介護情報基盤 本人同意\n"
                + "相手先: " + office.kind().label() + " " + office.number() + "\n"
                + "情報: " + (category == null ? "すべての情報" : category.label()) + "\n"
                + "同意: " + (give ? "同意する" : "同意しない(撤回)") + "\n"
                + "受付番号: " + challengeId + "\n";
    }

    /**
     * A consent given or refused at the office terminal, signed with the card's 署名用 key: the statement,
     * the signature and the 署名用 certificate are kept as evidence (the caller has verified them).
     */
    public UUID recordSigned(String insurerNo, String insuredNo, Party office, UUID staffId, String staffJob,
            InformationCategory category, boolean give, String statement, byte[] signature, byte[] signerCertificate) {
        return audited(() -> told(insert(insurerNo, insuredNo, office, category, give, "terminal", null,
                new Object[] {statement, signature, signerCertificate}), insurerNo, insuredNo, office, category, give,
                "terminal"),
                new AuditEntry("consent", office.kind().code(), office.number(), staffJob, insurerNo, insuredNo,
                        "同意の" + (give ? "登録" : "拒否・撤回") + "(事業所の端末でマイナンバーカードにより署名・"
                                + (category == null ? "すべての情報" : category.label()) + ")", null, give ? "GIVEN" : "REFUSED")
                        .by(staffId, null));
    }

    /**
     * The person's consent to this office for one category (the 負担限度額認定証), given orally ({@code oral}) or in
     * writing ({@code written}) at the office and recorded by the staff member; the caller has just confirmed who
     * the person is.
     */
    public UUID recordAtOffice(String insurerNo, String insuredNo, Party office, UUID staffId, String staffJob,
            InformationCategory category, String how) {
        if (how == null || !List.of("oral", "written").contains(how.strip())) {
            throw new InvalidValue("method", "同意の方法", "oral(口頭)または written(書面)を指定してください");
        }
        if (state(insurerNo, insuredNo, office, category) == ConsentState.REFUSED) {
            throw new InvalidValue("method", "同意の方法", "本人がこの事業所への提供を拒否しています。拒否を取り消せるのは本人だけです"
                    + "(マイナンバーカードで本人の画面から、または事業所の端末でカードにより)");
        }
        String way = "oral".equals(how.strip()) ? "口頭" : "書面";
        UUID id = UUID.randomUUID();
        return audited(() -> {
            sql.sql("""
                    insert into consent.decisions (decision_id, insurer_no, insured_no, party_kind, party_no, category,
                                                   decision, source, occasion, recorded_by)
                    values (?, ?, ?, ?, ?, ?, 'give', 'office', ?, ?)
                    """).params(id, insurerNo, insuredNo, office.kind().code(), office.number(), category.key(), way,
                    staffId).update();
            return told(id, insurerNo, insuredNo, office, category, true, "office");
        }, new AuditEntry("consent", office.kind().code(), office.number(), staffJob, insurerNo, insuredNo,
                "同意の登録(" + way + "で事業所が記録・" + category.label() + ")",
                null, "GIVEN").by(staffId, null));
    }

    /** Appends one decision; {@code evidence}: signed text, signature and signer certificate, or null. */
    private UUID insert(String insurerNo, String insuredNo, Party party, InformationCategory category, boolean give,
            String source, String occasion, Object[] evidence) {
        UUID id = UUID.randomUUID();
        Object[] signed = evidence == null ? new Object[3] : evidence;
        sql.sql("""
                insert into consent.decisions (decision_id, insurer_no, insured_no, party_kind, party_no, category,
                                               decision, source, occasion, signed_text, signature, signer_certificate)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(id, insurerNo, insuredNo, party == null ? null : party.kind().code(),
                party == null ? null : party.number(), category == null ? null : category.key(),
                give ? "give" : "refuse", source, occasion, signed[0], signed[1], signed[2]).update();
        return id;
    }

    /** Every decision about the person, oldest first. */
    public List<ConsentDecision> decisions(String insurerNo, String insuredNo) {
        return sql.sql("""
                select decision_id, party_kind, party_no, category, decision, source, occasion, decided_at
                  from consent.decisions where insurer_no = ? and insured_no = ? order by decided_at
                """).params(insurerNo, insuredNo).query((rs, n) -> new ConsentDecision(
                        rs.getObject(1, UUID.class),
                        rs.getString(2) == null ? null : new Party(PartyKind.ofCode(rs.getString(2)).orElseThrow(), rs.getString(3)),
                        rs.getString(4) == null ? null : InformationCategory.byKey(rs.getString(4)).orElseThrow(),
                        "give".equals(rs.getString(5)), rs.getString(6), rs.getString(7),
                        rs.getObject(8, Timestamp.class).toInstant())).list();
    }

    /** What holds now for this organisation and category. */
    public ConsentState state(String insurerNo, String insuredNo, Party asking, InformationCategory category) {
        return ConsentRules.resolve(decisions(insurerNo, insuredNo), asking, category);
    }
}
