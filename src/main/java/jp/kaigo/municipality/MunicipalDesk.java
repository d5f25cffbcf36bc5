package jp.kaigo.municipality;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kaigo.access.AccessDecisions;
import jp.kaigo.access.Actor;
import jp.kaigo.access.EmergencyOpening;
import jp.kaigo.audit.AuditEntry;
import jp.kaigo.audit.AuditLog;
import jp.kaigo.audit.Investigation;
import jp.kaigo.consent.Consents;
import jp.kaigo.identity.MyNumberCards;
import jp.kaigo.ingest.FileImports;
import jp.kaigo.ingest.RecordLayout;
import jp.kaigo.identity.NotPermitted;
import jp.kaigo.identity.StaffSession;
import jp.kaigo.registry.InsuredList;
import jp.kaigo.registry.InsuredRegistry;
import jp.kaigo.registry.InsuredSnapshot;
import jp.kaigo.notification.Notices;
import jp.kaigo.notification.PrintItem;
import jp.kaigo.registry.RecordRevision;
import jp.kaigo.registry.RecordView;
import jp.kaigo.relationship.OfficeInCharge;
import jp.kaigo.relationship.OfficesInCharge;
import jp.kaigo.shared.InformationCategory;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.NoSuchRecord;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.PartyKind;
import org.springframework.stereotype.Service;

/**
 * The municipality's desk (facade): what its signed-in staff do with their own insured. Each read of a person
 * is decided by {@code access} (the municipality's own insured) and audited with the staff account; changes
 * are audited by the module that makes them.
 */
@Service
public class MunicipalDesk {
    /** How many entries an investigation report lists, newest first. */
    public static final int REPORT_LIMIT = 5000;
    private static final String PURPOSE = "保険者事務";
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private final AccessDecisions access;
    private final InsuredRegistry registry;
    private final OfficesInCharge offices;
    private final MyNumberCards cards;
    private final Consents consents;
    private final AuditLog audit;
    private final FileImports imports;
    private final Notices notices;

    MunicipalDesk(AccessDecisions access, InsuredRegistry registry, OfficesInCharge offices, MyNumberCards cards,
            Consents consents, AuditLog audit, FileImports imports, Notices notices) {
        this.imports = imports;
        this.notices = notices;
        this.access = access;
        this.registry = registry;
        this.offices = offices;
        this.cards = cards;
        this.consents = consents;
        this.audit = audit;
    }

    /** A notice to print and post, with the name and address to post it to (from the registry, as of today). */
    public record PaperNotice(UUID noticeId, String insuredNo, String name, String address, String title,
            LocalDate noticeDate, List<String> lines) {
    }

    /** The letters to print, and how many waiting notices have no address this account may read (left waiting). */
    public record PaperNotices(List<PaperNotice> letters, int withoutAddress) {
    }

    /**
     * The notices waiting on paper for the persons who asked for paper (design §7.4), oldest first, each person's
     * name and address read as a decided and audited look at their 被保険者証; a person no longer in the registry
     * (or not to be seen by this account) stays on the list, counted, not printed.
     */
    public PaperNotices paperNotices(StaffSession me) {
        requireMunicipality(me);
        LocalDate today = LocalDate.now(JAPAN);
        List<PaperNotice> list = new ArrayList<>();
        int withoutAddress = 0;
        for (PrintItem item : notices.printList(insurer(me))) {
            InsuredNumber insured;
            try {
                insured = own(me, item.person().insuredNo(), "紙で送る通知の宛先");
            } catch (NoSuchRecord unknown) {
                withoutAddress++;
                continue;
            }
            Map<String, Object> person = registry.snapshot(insurer(me), insured, today)
                    .map(s -> s.records().getOrDefault("insured", List.of())).orElse(List.of()).stream()
                    .filter(r -> r.inForceOn(today)).findFirst().map(RecordView::fields).orElse(Map.of());
            list.add(new PaperNotice(item.noticeId(), insured.value(), text(person.get("name")),
                    text(person.get("address")), item.title(), item.noticeDate(), item.lines()));
        }
        return new PaperNotices(list, withoutAddress);
    }

    /** 印刷済みにする: the notices of the list printed and posted; answers how many were still waiting. */
    public int markPrinted(StaffSession me, List<UUID> noticeIds) {
        requireMunicipality(me);
        return notices.markPrinted(insurer(me), noticeIds, me.staffId()).notices();
    }

    /** A paper 資格確認書(仮称) to print: to whom, what it shows (the lines), first or changed, and its fingerprint. */
    public record PaperCertificate(String insuredNo, String name, String address, boolean first, List<String> lines,
            String fingerprint) {
    }

    /**
     * The paper 資格確認書 due today (docs/design/care-documents.md §8.2): everyone who asked for paper and never had one,
     * or whose 被保険者証・負担割合証・負担限度額認定証 changed since; each a decided and audited look at the person.
     */
    public List<PaperCertificate> paperCertificates(StaffSession me) {
        requireMunicipality(me);
        LocalDate today = LocalDate.now(JAPAN);
        List<PaperCertificate> due = new ArrayList<>();
        for (InsuredRegistry.PaperCertificateDue d : registry.paperCertificatesDue(insurer(me), today)) {
            try {
                own(me, d.shows().insuredNo(), "資格確認書の交付");
            } catch (NoSuchRecord refused) {
                continue;
            }
            Map<String, Object> person = fields(d.shows(), "insured");
            Map<String, Object> care = fields(d.shows(), "care-certificate");
            Map<String, Object> ratio = fields(d.shows(), "burden-ratio");
            Map<String, Object> limit = fields(d.shows(), "burden-limit");
            List<String> lines = new ArrayList<>();
            lines.add("被保険者番号:" + d.shows().insuredNo());
            lines.add("要介護状態区分:" + (care.isEmpty() ? "認定なし" : text(care.get("careLevelName")) + "(認定の有効期間 "
                    + day(care.get("certValidFrom")) + "〜" + day(care.get("certValidTo")) + ")"));
            if (!ratio.isEmpty()) {
                lines.add("利用者負担の割合:" + text(ratio.get("ratioName")));
            }
            if (!limit.isEmpty()) {
                lines.add("負担限度額:" + text(limit.get("stageName")) + "(食費 " + text(limit.get("foodLimit")) + "円/日)");
            }
            due.add(new PaperCertificate(d.shows().insuredNo(), text(person.get("name")), text(person.get("address")),
                    d.first(), lines, d.fingerprint()));
        }
        return due;
    }

    /** 交付済みにする: the certificates of the list printed and posted (each with what it showed). */
    public void paperCertificatesIssued(StaffSession me, Map<String, String> fingerprints) {
        requireMunicipality(me);
        fingerprints.keySet().forEach(insuredNo -> existing(me, insuredNo));
        registry.paperCertificatesIssued(insurer(me), fingerprints, me.staffId());
    }

    /** The wish for paper from the 介護保険異動届出書 at the counter (audited as a look at the person). */
    public void recordPaperCertificateWish(StaffSession me, String insuredNo, boolean wanted) {
        InsuredNumber insured = own(me, insuredNo, "資格確認書の希望の記録");
        registry.wantPaperCertificate(insurer(me), insured, wanted, "municipality");
    }

    public boolean wantsPaperCertificate(StaffSession me, String insuredNo) {
        return registry.wantsPaperCertificate(insurer(me), existing(me, insuredNo));
    }

    private static Map<String, Object> fields(InsuredSnapshot snapshot, String type) {
        return snapshot.records().getOrDefault(type, List.of()).stream().findFirst().map(RecordView::fields)
                .orElse(Map.of());
    }

    private static String day(Object iso) {
        return iso == null ? "" : jp.kaigo.shared.JapaneseDates.format(LocalDate.parse(iso.toString()));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** Everything in force on the day for one of the municipality's insured (audited). */
    public InsuredSnapshot records(StaffSession me, String insuredNo, LocalDate asOf) {
        InsuredNumber insured = own(me, insuredNo, "被保険者の記録(" + asOf + "時点)");
        return registry.snapshot(insurer(me), insured, asOf).orElseThrow(MunicipalDesk::unknown);
    }

    /** Every revision ever stored for one of the municipality's insured (audited). */
    public List<RecordRevision> history(StaffSession me, String insuredNo) {
        InsuredNumber insured = own(me, insuredNo, "被保険者の記録の履歴");
        return registry.history(insurer(me), insured);
    }

    /**
     * The page of one person as the municipality's staff sees it: every category decided and audited for this
     * account (a municipality sees its own insured's records), with when the municipality last looked.
     */
    public AccessDecisions.PersonFile personFile(StaffSession me, String insurerNo, String insuredNo) {
        return access.readFile(Actor.staff(me), insurerNo, insuredNo, PURPOSE);
    }

    /** The person's offices, current and past (audited). */
    public List<OfficeInCharge> offices(StaffSession me, String insuredNo) {
        InsuredNumber insured = own(me, insuredNo, "担当事業所の一覧");
        return offices.officesOf(insurer(me).value(), insured.value());
    }

    /** One page of the municipality's insured, each listed person audited as a disclosure. */
    public InsuredList.Page list(StaffSession me, InsuredList.Query query) {
        requireMunicipality(me);
        return access.listOwnInsured(Actor.staff(me), query, PURPOSE);
    }

    /** A one-time challenge the person's (or representative's) card answers at this counter. */
    public MyNumberCards.Challenge counterChallenge(StaffSession me) {
        requireMunicipality(me);
        return cards.newChallenge(me.organisation());
    }

    /** Links the person's card at the counter: the card answered this counter's challenge (audited). */
    public void linkCard(StaffSession me, String insuredNo, UUID challengeId, byte[] certificate, byte[] signature) {
        InsuredNumber insured = existing(me, insuredNo);
        cards.linkAtCounter(me, challengeId, certificate, signature, insurer(me).value(), insured.value());
    }

    /** Registers a representative whose own card answered this counter's challenge (audited). */
    public void registerRepresentative(StaffSession me, String insuredNo, String kind, UUID challengeId,
            byte[] certificate, byte[] signature) {
        InsuredNumber insured = existing(me, insuredNo);
        if (!"legal-agent".equals(kind) && !"guardian".equals(kind)) {
            throw new jp.kaigo.shared.InvalidValue("kind", "代理人の種別", "legal-agent(法定代理人)または guardian(成年後見人)を指定してください");
        }
        cards.proveCard(me.organisation(), challengeId, certificate, signature);
        cards.linkRepresentative(certificate, insurer(me).value(), insured.value(), kind, me.organisation());
    }

    /** Ends a representative's registration (audited). */
    public void endRepresentative(StaffSession me, String insuredNo, byte[] certificate) {
        InsuredNumber insured = existing(me, insuredNo);
        cards.endRepresentative(certificate, insurer(me).value(), insured.value(), me.organisation());
    }

    /** The 包括同意 the person gave at 認定申請, 更新申請 or 区分変更申請 (audited). */
    public UUID registerBlanketConsent(StaffSession me, String insuredNo, String occasion) {
        InsuredNumber insured = existing(me, insuredNo);
        return consents.registerBlanket(insurer(me).value(), insured.value(), occasion, me.staffId());
    }

    /** What the console's start page offers: the file layouts to upload, the 包括同意 occasions, openings to review. */
    public record Console(List<RecordLayout> layouts, List<String> occasions, List<EmergencyOpening> openingsToReview) {
    }

    public Console console(StaffSession me) {
        return new Console(imports.layouts(), Consents.OCCASIONS, openingsToReview(me));
    }

    /** Break-glass openings about the municipality's insured waiting for review, oldest first. */
    public List<EmergencyOpening> openingsToReview(StaffSession me) {
        requireMunicipality(me);
        return access.emergencyOpeningsToReview(insurer(me).value());
    }

    public void review(StaffSession me, UUID openingId, String note) {
        requireMunicipality(me);
        access.review(Actor.staff(me), openingId, note);
    }

    /** Declares a disaster mode for the municipality's insured (national-design.md A3; audited). */
    public UUID declareDisaster(StaffSession me, String area, LocalDate from, LocalDate to, List<Party> parties) {
        requireMunicipality(me);
        return access.declareDisaster(Actor.staff(me), area, from, to, parties);
    }

    /** Ends a disaster mode early; break-glass openings under it stop at once (audited). */
    public void endDisaster(StaffSession me, UUID disasterId) {
        requireMunicipality(me);
        access.endDisaster(Actor.staff(me), disasterId);
    }

    /** Investigation report: every audit entry about one of the municipality's insured (the report is audited too). */
    public List<Investigation> investigatePerson(StaffSession me, String insuredNo) {
        InsuredNumber insured = own(me, insuredNo, "閲覧記録の調査");
        return audit.aboutPerson(insurer(me).value(), insured.value(), REPORT_LIMIT);
    }

    /** Investigation report: what one staff account (of any organisation) did with the municipality's insured. */
    public List<Investigation> investigateStaff(StaffSession me, UUID staffId) {
        requireMunicipality(me);
        audit.record(new AuditEntry("investigation", me.organisation().kind().code(), me.organisation().number(),
                me.jobType().name(), null, null, "職員の閲覧記録の調査(職員 " + staffId + ")", PURPOSE, "REPORTED")
                .by(me.staffId(), null));
        return audit.byStaff(staffId, insurer(me).value(), REPORT_LIMIT);
    }

    private InsuredNumber own(StaffSession me, String insuredNo, String subject) {
        InsuredNumber insured = existing(me, insuredNo);
        if (!access.decide(Actor.staff(me), insurer(me).value(), insured.value(), InformationCategory.INSURANCE_CARD,
                PURPOSE + "(" + subject + ")").permitted()) {
            throw unknown();
        }
        return insured;
    }

    /** One of the municipality's insured persons, or 404. */
    private InsuredNumber existing(StaffSession me, String insuredNo) {
        requireMunicipality(me);
        InsuredNumber insured = new InsuredNumber(insuredNo == null ? "" : insuredNo.strip());
        if (!registry.exists(insurer(me), insured)) {
            throw unknown();
        }
        return insured;
    }

    private static void requireMunicipality(StaffSession me) {
        if (me.organisation().kind() != PartyKind.MUNICIPALITY) {
            throw new NotPermitted("保険者(市町村)の職員だけが使えます");
        }
    }

    private static InsurerNumber insurer(StaffSession me) {
        return new InsurerNumber(me.organisation().number());
    }

    private static NoSuchRecord unknown() {
        return new NoSuchRecord("該当する被保険者が見つかりません");
    }
}
