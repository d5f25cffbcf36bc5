package jp.kaigo.identity;

import jp.kaigo.audit.AuditLog;
import jp.kaigo.audit.AuditEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.kaigo.identity.OfficeMasterFiles.Designation;
import jp.kaigo.identity.OfficeMasterFiles.Institution;
import jp.kaigo.identity.OfficeMasterFiles.Publication;
import jp.kaigo.identity.OfficeMasterFiles.PublishedOffice;
import jp.kaigo.shared.Party;
import jp.kaigo.shared.PartyKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office and institution master (facade): names for 事業所番号 and 医療機関コード, the services an
 * office is designated for and when, and whether a medical institution provides care (みなし指定).
 * Loaded from the MHLW 介護サービス情報公表 open data, the designating authorities' designation file
 * and a medical institution file (office-master.md). A file with any problem changes nothing.
 */
@Service
public class OfficeMaster {
    private static final Logger log = LoggerFactory.getLogger(OfficeMaster.class);
    private final OfficeMasterTables tables;
    private final AuditLog audit;

    OfficeMaster(OfficeMasterTables tables, AuditLog audit) {
        this.audit = audit;
        this.tables = tables;
    }

    /** Loads one open-data file {@code jigyosho_NNN.csv}: offices' names and a period-less designation per service. */
    @Transactional
    public MasterImport importPublication(String fileName, byte[] content) {
        var read = OfficeMasterFiles.publication(fileName, content);
        if (read.refused()) {
            log.info("office master: publication refused, {} rows, {} problems", read.rows(), read.problems().size());
            return MasterImport.refused(read.rows(), read.problems());
        }
        Publication publication = read.records().get(0);
        tables.lock();
        long upserted = 0;
        long written = 0;
        for (PublishedOffice office : publication.offices()) {
            upserted += tables.upsertOffice(office, publication.fileName());
            for (String serviceType : publication.serviceTypes()) {
                written += tables.addPublished(office.officeNo(), serviceType);
            }
        }
        log.info("office master: {} loaded, {} rows, {} offices changed, {} designations added",
                publication.fileName(), read.rows(), upserted, written);
        return new MasterImport(read.rows(), upserted, written, 0, List.of());
    }

    /** The kinds of master file a designating authority's system sends. */
    public enum MasterFile {
        PUBLICATION("介護サービス情報公表オープンデータ"), DESIGNATIONS("指定の一覧"), INSTITUTIONS("医療機関・みなし指定");

        private final String label;

        MasterFile(String label) {
            this.label = label;
        }
    }

    /** A master file sent by the operator's system (its certificate): loaded, or refused whole, and audited. */
    public MasterImport load(Party from, MasterFile kind, String fileName, byte[] content) {
        if (from.kind() != PartyKind.OPERATOR) {
            throw new NotPermitted("事業所台帳は運営者(国保中央会)のシステムから送ります");
        }
        MasterImport report = switch (kind) {
            case PUBLICATION -> importPublication(fileName, content);
            case DESIGNATIONS -> importDesignations(content);
            case INSTITUTIONS -> importMedicalInstitutions(content);
        };
        audit.record(new AuditEntry("master", from.kind().code(), from.number(), null, null, null,
                "事業所台帳の取込(" + kind.label + "、" + report.rows() + "行、変更 " + (report.upserted()
                        + report.designationsWritten() + report.designationsRemoved()) + "件)", null,
                report.refused() ? "REFUSED" : "LOADED"));
        return report;
    }

    /** Loads a designation file; it replaces the designation-file rows of every office it names. */
    @Transactional
    public MasterImport importDesignations(byte[] csv) {
        var read = OfficeMasterFiles.designations(csv);
        if (read.refused()) {
            log.info("office master: designation file refused, {} rows, {} problems", read.rows(), read.problems().size());
            return MasterImport.refused(read.rows(), read.problems());
        }
        tables.lock();
        Map<String, List<String>> keptByOffice = new LinkedHashMap<>();
        long written = 0;
        for (Designation designation : read.records()) {
            written += tables.putDesignated(designation);
            keptByOffice.computeIfAbsent(designation.officeNo(), o -> new ArrayList<>())
                    .add(designation.serviceType() + "|" + designation.from());
        }
        long removed = 0;
        for (var office : keptByOffice.entrySet()) {
            removed += tables.removeDesignatedExcept(office.getKey(), office.getValue());
        }
        log.info("office master: designation file loaded, {} rows, {} offices, {} written, {} removed",
                read.rows(), keptByOffice.size(), written, removed);
        return new MasterImport(read.rows(), 0, written, removed, List.of());
    }

    /** Loads a medical institution file; each institution's みなし指定 services become those the file lists. */
    @Transactional
    public MasterImport importMedicalInstitutions(byte[] csv) {
        var read = OfficeMasterFiles.institutions(csv);
        if (read.refused()) {
            log.info("office master: institution file refused, {} rows, {} problems", read.rows(), read.problems().size());
            return MasterImport.refused(read.rows(), read.problems());
        }
        tables.lock();
        long upserted = 0;
        long written = 0;
        long removed = 0;
        for (Institution institution : read.records()) {
            upserted += tables.upsertInstitution(institution);
            removed += tables.removeDeemedExcept(institution.code(), institution.serviceTypes());
            for (String serviceType : institution.serviceTypes()) {
                written += tables.putDeemed(institution.code(), serviceType, institution.from(), institution.to());
            }
        }
        log.info("office master: institution file loaded, {} rows, {} changed, {} services written, {} removed",
                read.rows(), upserted, written, removed);
        return new MasterImport(read.rows(), upserted, written, removed, List.of());
    }

    /** The name of a care office or medical institution; empty for municipalities and unknown numbers. */
    @Transactional(readOnly = true)
    public Optional<String> nameOf(Party party) {
        return switch (party.kind()) {
            case OFFICE -> tables.officeName(party.number());
            case MEDICAL_INSTITUTION -> tables.institutionName(party.number());
            case MUNICIPALITY, OPERATOR -> Optional.empty();
        };
    }

    /** Names of the known parties, keyed by {@link Party#toString()} ("office:1310100011"); unknown ones are absent. */
    @Transactional(readOnly = true)
    public Map<String, String> namesOf(Collection<Party> parties) {
        List<String> offices = parties.stream().filter(p -> p.kind() == PartyKind.OFFICE).map(Party::number).distinct().toList();
        List<String> institutions = parties.stream().filter(p -> p.kind() == PartyKind.MEDICAL_INSTITUTION)
                .map(Party::number).distinct().toList();
        Map<String, String> names = new HashMap<>();
        if (!offices.isEmpty()) {
            tables.officeNames(offices).forEach((number, name) -> names.put(Party.office(number).toString(), name));
        }
        if (!institutions.isEmpty()) {
            tables.institutionNames(institutions)
                    .forEach((code, name) -> names.put(Party.medicalInstitution(code).toString(), name));
        }
        return names;
    }

    /**
     * Whether the office is designated for the service on the day: by a designation-file row covering
     * it, or, where the designation file has no row for that office and service, by the open data.
     */
    @Transactional(readOnly = true)
    public boolean designatedFor(String officeNo, String serviceType, LocalDate on) {
        return tables.designatedFor(officeNo, serviceType, on);
    }

    /** The サービス種類コード the office is designated for on the day (same rule as {@link #designatedFor}). */
    @Transactional(readOnly = true)
    public Set<String> designatedServices(String officeNo, LocalDate on) {
        return tables.designatedServices(officeNo, on);
    }

    /** Whether the medical institution holds a みなし指定 care service on the day. */
    @Transactional(readOnly = true)
    public boolean designatedForCare(String institutionCode, LocalDate on) {
        return tables.designatedForCare(institutionCode, on);
    }

    /** True until any office, designation or institution has been loaded. */
    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return tables.isEmpty();
    }
}
