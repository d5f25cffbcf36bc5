package jp.kaigo.identity;

import java.util.List;

/**
 * The outcome of one office-master file. A file with any problem is refused as a whole: then
 * {@code problems} lists every one and all counts of changes are zero. Counts are of rows that
 * actually changed, so a file sent twice changes nothing the second time.
 *
 * @param rows                 data rows read (header excluded)
 * @param upserted             offices or medical institutions inserted or changed
 * @param designationsWritten  designations (or みなし指定 services) inserted or changed
 * @param designationsRemoved  designation-file or みなし指定 rows the file no longer lists
 */
public record MasterImport(long rows, long upserted, long designationsWritten, long designationsRemoved,
        List<MasterProblem> problems) {

    public MasterImport {
        problems = List.copyOf(problems);
    }

    static MasterImport refused(long rows, List<MasterProblem> problems) {
        return new MasterImport(rows, 0, 0, 0, problems);
    }

    public boolean refused() {
        return !problems.isEmpty();
    }
}
