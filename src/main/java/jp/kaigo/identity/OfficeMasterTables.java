package jp.kaigo.identity;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import jp.kaigo.identity.OfficeMasterFiles.Designation;
import jp.kaigo.identity.OfficeMasterFiles.Institution;
import jp.kaigo.identity.OfficeMasterFiles.PublishedOffice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the office master (tables of identity/V6__office_master.sql). Writes change only what differs. */
@Repository
class OfficeMasterTables {
    /**
     * The services an office is designated for on :on. Where the designation file has any row for an
     * office and service, those rows (with their periods) decide; otherwise a publication row, which
     * has no period, counts as designated.
     */
    private static final String DESIGNATED_ON = """
            from identity.office_designations d
             where d.office_no = :office
               and case when d.source = 'designation-file'
                        then d.designated_from <= :on and (d.designated_to is null or d.designated_to >= :on)
                        else not exists (select 1 from identity.office_designations f
                                          where f.office_no = d.office_no and f.service_type = d.service_type
                                            and f.source = 'designation-file')
                   end
            """;

    private final JdbcClient sql;

    OfficeMasterTables(JdbcClient sql) {
        this.sql = sql;
    }

    /** One office-master import at a time, so that two files naming the same office do not interleave. */
    void lock() {
        sql.sql("select pg_advisory_xact_lock(hashtext('identity.office-master'))").query().singleValue();
    }

    /** Inserts the office or updates it where the open data says something else; 1 if it changed. */
    int upsertOffice(PublishedOffice office, String sourceFile) {
        return sql.sql("""
                insert into identity.offices as o
                       (office_no, name, name_kana, address, corporation_number, corporation_name, source_file)
                values (:office, :name, :kana, :address, :corporationNumber, :corporationName, :source)
                on conflict (office_no) do update
                   set name = excluded.name, name_kana = excluded.name_kana, address = excluded.address,
                       corporation_number = excluded.corporation_number, corporation_name = excluded.corporation_name,
                       source_file = excluded.source_file, updated_at = now()
                 where (o.name, o.name_kana, o.address, o.corporation_number, o.corporation_name)
                       is distinct from (excluded.name, excluded.name_kana, excluded.address,
                                         excluded.corporation_number, excluded.corporation_name)
                """)
                .param("office", office.officeNo()).param("name", office.name()).param("kana", office.nameKana())
                .param("address", office.address()).param("corporationNumber", office.corporationNumber())
                .param("corporationName", office.corporationName()).param("source", sourceFile)
                .update();
    }

    /** Records that the open data lists the office for the service; 1 if it was not yet recorded. */
    int addPublished(String officeNo, String serviceType) {
        return sql.sql("""
                insert into identity.office_designations (office_no, service_type, source)
                values (:office, :service, 'publication')
                on conflict (office_no, service_type) where source = 'publication' do nothing
                """)
                .param("office", officeNo).param("service", serviceType).update();
    }

    /** Writes one designation-file row, or changes its end and authority; 1 if anything changed. */
    int putDesignated(Designation d) {
        return sql.sql("""
                insert into identity.office_designations as o
                       (office_no, service_type, designated_from, designated_to, authority, source)
                values (:office, :service, :from, :to, :authority, 'designation-file')
                on conflict (office_no, service_type, designated_from) where source = 'designation-file' do update
                   set designated_to = excluded.designated_to, authority = excluded.authority, updated_at = now()
                 where (o.designated_to, o.authority) is distinct from (excluded.designated_to, excluded.authority)
                """)
                .param("office", d.officeNo()).param("service", d.serviceType()).param("from", d.from())
                .param("to", d.to()).param("authority", d.authority()).update();
    }

    /** Removes the office's designation-file rows that the new file no longer lists (keys: service|from). */
    int removeDesignatedExcept(String officeNo, Collection<String> keep) {
        return sql.sql("""
                delete from identity.office_designations
                 where office_no = :office and source = 'designation-file'
                   and service_type || '|' || cast(designated_from as text) not in (:keep)
                """)
                .param("office", officeNo).param("keep", keep).update();
    }

    int upsertInstitution(Institution institution) {
        return sql.sql("""
                insert into identity.medical_institutions as m (institution_code, name, office_no)
                values (:code, :name, :office)
                on conflict (institution_code) do update
                   set name = excluded.name, office_no = excluded.office_no, updated_at = now()
                 where (m.name, m.office_no) is distinct from (excluded.name, excluded.office_no)
                """)
                .param("code", institution.code()).param("name", institution.name())
                .param("office", institution.officeNo()).update();
    }

    int putDeemed(String institutionCode, String serviceType, LocalDate from, LocalDate to) {
        return sql.sql("""
                insert into identity.deemed_designations as d (institution_code, service_type, designated_from, designated_to)
                values (:code, :service, :from, :to)
                on conflict (institution_code, service_type) do update
                   set designated_from = excluded.designated_from, designated_to = excluded.designated_to,
                       updated_at = now()
                 where (d.designated_from, d.designated_to) is distinct from (excluded.designated_from, excluded.designated_to)
                """)
                .param("code", institutionCode).param("service", serviceType).param("from", from).param("to", to)
                .update();
    }

    int removeDeemedExcept(String institutionCode, List<String> keep) {
        if (keep.isEmpty()) {
            return sql.sql("delete from identity.deemed_designations where institution_code = :code")
                    .param("code", institutionCode).update();
        }
        return sql.sql("""
                delete from identity.deemed_designations
                 where institution_code = :code and service_type not in (:keep)
                """)
                .param("code", institutionCode).param("keep", keep).update();
    }

    boolean designatedFor(String officeNo, String serviceType, LocalDate on) {
        return sql.sql("select exists (select 1 " + DESIGNATED_ON + " and d.service_type = :service)")
                .param("office", officeNo).param("on", on).param("service", serviceType)
                .query(Boolean.class).single();
    }

    Set<String> designatedServices(String officeNo, LocalDate on) {
        return new TreeSet<>(sql.sql("select distinct d.service_type " + DESIGNATED_ON)
                .param("office", officeNo).param("on", on).query(String.class).list());
    }

    boolean designatedForCare(String institutionCode, LocalDate on) {
        return sql.sql("""
                select exists (select 1 from identity.deemed_designations
                                where institution_code = :code and designated_from <= :on
                                  and (designated_to is null or designated_to >= :on))
                """)
                .param("code", institutionCode).param("on", on).query(Boolean.class).single();
    }

    /** Names by 事業所番号: the open data's, else a medical institution's that holds the number. */
    Map<String, String> officeNames(Collection<String> officeNos) {
        Map<String, String> names = new HashMap<>();
        sql.sql("""
                select office_no, name, 2 as preference from identity.medical_institutions where office_no in (:numbers)
                union all
                select office_no, name, 1 from identity.offices where office_no in (:numbers)
                 order by preference desc
                """)
                .param("numbers", officeNos)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> names.put(e.getKey(), e.getValue()));
        return names;
    }

    Map<String, String> institutionNames(Collection<String> codes) {
        Map<String, String> names = new HashMap<>();
        sql.sql("select institution_code, name from identity.medical_institutions where institution_code in (:codes)")
                .param("codes", codes)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> names.put(e.getKey(), e.getValue()));
        return names;
    }

    Optional<String> officeName(String officeNo) {
        return Optional.ofNullable(officeNames(List.of(officeNo)).get(officeNo));
    }

    Optional<String> institutionName(String code) {
        return Optional.ofNullable(institutionNames(List.of(code)).get(code));
    }

    boolean isEmpty() {
        return sql.sql("""
                select not exists (select 1 from identity.offices)
                   and not exists (select 1 from identity.office_designations)
                   and not exists (select 1 from identity.medical_institutions)
                """).query(Boolean.class).single();
    }
}
