package jp.kaigo.shared;

import java.time.LocalDate;
import java.util.List;

/**
 * A municipality's file changed persons' 負担割合証 or 負担限度額認定証 (published by {@code registry} with the import): for
 * each person who had one before, the one now in force — the person is told (docs/design/care-documents.md §8). A
 * person's first certificate on the platform (a municipality's first load) tells nobody.
 *
 * @param recordType burden-ratio or burden-limit
 */
public record CertificateChanged(String insurerNo, String recordType, List<Change> changes) {

    /** @param value the 利用者負担の割合 or 利用者負担段階 as the certificate prints it */
    public record Change(String insuredNo, String code, String value, LocalDate validFrom, LocalDate validTo) {
    }
}
