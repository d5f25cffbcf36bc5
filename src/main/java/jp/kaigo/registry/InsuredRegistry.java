package jp.kaigo.registry;

import java.time.ZoneId;

import jp.kaigo.shared.InsuredPersons;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kaigo.shared.InsuredNumber;
import jp.kaigo.shared.InsurerNumber;
import jp.kaigo.shared.InvalidValue;
import org.springframework.stereotype.Service;

/** Facade of the registry: insurers, 資格確認, and any person's records as of any day. */
@Service
public class InsuredRegistry implements InsuredPersons {
    private final RegistryQueries queries;
    private final PaperCertificates paper;

    InsuredRegistry(RegistryQueries queries, PaperCertificates paper) {
        this.queries = queries;
        this.paper = paper;
    }

    /**
     * The person asks for a paper 資格確認書(仮称), or no longer ({@code recordedBy}: self, representative, or
     * municipality for the 介護保険異動届出書 at the counter).
     */
    public void wantPaperCertificate(InsurerNumber insurer, InsuredNumber insured, boolean wanted, String recordedBy) {
        if (!queries.personExists(insurer.value(), insured.value())) {
            throw new InvalidValue("insuredNo", "被保険者番号", "被保険者が登録されていません");
        }
        paper.want(insurer, insured, wanted, recordedBy);
    }

    public boolean wantsPaperCertificate(InsurerNumber insurer, InsuredNumber insured) {
        return paper.wanted(insurer, insured);
    }

    /** A paper 資格確認書 to print: what it shows on the day, whether it is the person's first, and its fingerprint. */
    public record PaperCertificateDue(InsuredSnapshot shows, boolean first, String fingerprint) {
    }

    /**
     * The paper 資格確認書 due on the day for the insurer: everyone who asked for paper and has never had one printed, or
     * whose 被保険者・認定・負担割合・負担限度額 changed since (by insured number).
     */
    public List<PaperCertificateDue> paperCertificatesDue(InsurerNumber insurer, LocalDate day) {
        List<PaperCertificateDue> due = new java.util.ArrayList<>();
        paper.askedFor(insurer).forEach((insuredNo, printed) -> snapshot(insurer, new InsuredNumber(insuredNo), day)
                .ifPresent(shows -> {
                    String now = PaperCertificates.fingerprint(shows);
                    if (printed.isEmpty() || !printed.get().equals(now)) {
                        due.add(new PaperCertificateDue(shows, printed.isEmpty(), now));
                    }
                }));
        return due;
    }

    /** 交付済み: the paper certificates printed, each with the fingerprint of what it showed (all or none). */
    @org.springframework.transaction.annotation.Transactional
    public void paperCertificatesIssued(InsurerNumber insurer, Map<String, String> fingerprints, java.util.UUID staffId) {
        paper.issued(insurer, fingerprints, staffId);
    }

    /** Registers an insurer (or renames it); files are accepted only from registered insurers. */
    public void registerInsurer(InsurerNumber insurer, String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidValue("name", "保険者名称", "1〜100文字で指定してください");
        }
        queries.saveInsurer(insurer.value(), name.strip());
    }

    /** One page of the insurer's insured persons as of the query's day (for the municipality's own work). */
    public InsuredList.Page list(InsurerNumber insurer, InsuredList.Query query) {
        if (query.page() < 0 || query.expiringWithinDays() != null
                && (query.expiringWithinDays() < 0 || query.expiringWithinDays() > 366)) {
            throw new InvalidValue("expiringWithinDays", "有効期間の終了までの日数", "0〜366日を指定してください");
        }
        return queries.list(insurer.value(), query);
    }

    public Optional<String> insurerName(InsurerNumber insurer) {
        return queries.insurerName(insurer.value());
    }

    /** 資格確認: the certificates in force on the day, if the numbers and the birth date match. */
    public Eligibility verify(EligibilityQuery query) {
        return verify(query.insurer(), query.insured(), query.birthDate(), query.asOf());
    }

    /**
     * 資格確認 of a person already identified otherwise (a My Number card linked to these numbers), so
     * without the birth-date check.
     */
    public Eligibility verifyIdentified(InsurerNumber insurer, InsuredNumber insured, LocalDate asOf) {
        return verify(insurer, insured, null, asOf);
    }

    private Eligibility verify(InsurerNumber insurer, InsuredNumber insured, LocalDate birthDate, LocalDate day) {
        var found = queries.verify(insurer.value(), insured.value(), birthDate, day);
        if (found.isEmpty() || found.get().insured() == null) {
            return new Eligibility.Unknown(day, found.map(RegistryQueries.VerifyRow::received).orElse(null));
        }
        var row = found.get();
        DataReceived received = row.received();
        Map<String, Object> person = row.insured().fields();
        LocalDate acquired = date(person.get("acquiredOn"));
        LocalDate lost = date(person.get("lostOn"));
        LocalDate exemptFrom = date(person.get("exemptFrom"));
        LocalDate exemptTo = date(person.get("exemptTo"));
        if (acquired != null && day.isBefore(acquired)) {
            return new Eligibility.NotInsured(day, received, Eligibility.Reason.NOT_YET_INSURED, acquired);
        }
        if (lost != null && !day.isBefore(lost)) {
            return new Eligibility.NotInsured(day, received, Eligibility.Reason.LOST, lost);
        }
        if (exemptFrom != null && !day.isBefore(exemptFrom) && (exemptTo == null || !day.isAfter(exemptTo))) {
            return new Eligibility.NotInsured(day, received, Eligibility.Reason.EXEMPT, exemptFrom);
        }
        return new Eligibility.Insured(day, received, insurer.value(), row.insurerName(), insured.value(),
                row.insured(), row.card(), row.ratio(), row.limit());
    }

    /** Everything in force on the day for one person, by record type; empty if the person is unknown. */
    public Optional<InsuredSnapshot> snapshot(InsurerNumber insurer, InsuredNumber insured, LocalDate asOf) {
        if (!queries.personExists(insurer.value(), insured.value())) {
            return Optional.empty();
        }
        Map<String, List<RecordView>> byType = new LinkedHashMap<>();
        for (RecordType type : RecordType.values()) {
            byType.put(type.key(), List.of());
        }
        List<RecordView> inForce = queries.inForce(insurer.value(), insured.value(), asOf);
        for (RecordType type : RecordType.values()) {
            List<RecordView> ofType = inForce.stream().filter(v -> v.recordType().equals(type.key())).toList();
            byType.put(type.key(), type.single() && !ofType.isEmpty() ? List.of(ofType.get(0)) : ofType);
        }
        return Optional.of(new InsuredSnapshot(insurer.value(), insured.value(), asOf, byType));
    }

    /**
     * The person's 資格 dates, care level and 施設 stay on the day (see {@link Standing}); empty if the registry holds
     * no 資格 record of the person.
     */
    public Optional<Standing> standing(InsurerNumber insurer, InsuredNumber insured, LocalDate day) {
        var found = queries.verify(insurer.value(), insured.value(), null, day);
        if (found.isEmpty() || found.get().insured() == null) {
            return Optional.empty();
        }
        Map<String, Object> person = found.get().insured().fields();
        RecordView card = found.get().card();
        jp.kaigo.shared.CareLevel level = null;
        Standing.FacilityStay stay = null;
        if (card != null) {
            Map<String, Object> c = card.fields();
            level = c.get("careLevel") == null ? null : jp.kaigo.shared.CareLevel.find(c.get("careLevel").toString())
                    .orElse(null);
            for (int n = 1; n <= RecordLayouts.FACILITIES && stay == null; n++) {
                Object kind = c.get("facility" + n + "Kind");
                LocalDate admitted = date(c.get("facility" + n + "AdmittedOn"));
                if (kind != null && admitted != null) {
                    Object name = c.get("facility" + n + "KindName");
                    var candidate = new Standing.FacilityStay(kind.toString(), name == null ? kind.toString()
                            : name.toString(), admitted, date(c.get("facility" + n + "DischargedOn")));
                    stay = candidate.covers(day) ? candidate : null;
                }
            }
        }
        return Optional.of(new Standing(date(person.get("acquiredOn")), date(person.get("lostOn")), level, stay,
                date(person.get("birthDate"))));
    }

    /** Whether the insurer has ever registered this person (whatever the qualification's state). */
    public boolean exists(InsurerNumber insurer, InsuredNumber insured) {
        return queries.personExists(insurer.value(), insured.value());
    }

    /** Every revision ever stored for one person, superseded and deleted ones included. */
    public List<RecordRevision> history(InsurerNumber insurer, InsuredNumber insured) {
        return queries.history(insurer.value(), insured.value());
    }

    /** True before any municipality record has been imported. */
    public boolean isEmpty() {
        return queries.isEmpty();
    }

    private static LocalDate date(Object value) {
        return value == null ? null : LocalDate.parse(value.toString());
    }

    @Override
    public Map<String, LocalDate> lostOnOrBefore(String insurerNo, java.util.Collection<String> insuredNos, LocalDate day) {
        return queries.lostOnOrBefore(insurerNo, insuredNos, day);
    }

    /** Known and born that day, as 資格確認 today would tell (whatever the qualification's state). */
    @Override
    public boolean matches(String insurerNo, String insuredNo, LocalDate birthDate) {
        return !(verify(new EligibilityQuery(new InsurerNumber(insurerNo), new InsuredNumber(insuredNo), birthDate,
                LocalDate.now(ZoneId.of("Asia/Tokyo")))) instanceof Eligibility.Unknown);
    }
}
