package jp.kaigo.identity;

import java.util.Set;
import java.util.UUID;
import jp.kaigo.shared.Qualification;
import jp.kaigo.shared.JobType;
import jp.kaigo.shared.Party;

/**
 * A signed-in staff member: whose organisation, which account, which job, and the qualifications attested and in
 * force today; never the person's name.
 */
public record StaffSession(UUID sessionId, UUID staffId, Party organisation, String loginId, JobType jobType,
        boolean admin, Set<Qualification> qualifications) {

    public StaffSession {
        qualifications = Set.copyOf(qualifications);
    }
}
