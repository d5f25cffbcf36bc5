package jp.kaigo.shared;

import java.time.Instant;

/**
 * Published by {@code access} when an office or medical institution sees the person's records and has no earlier look
 * in the audit's report window (its name from the master, or null): the person is told that an organisation new to them looked (I16 §7, design §7.1
 * {@code first-access}); the notice is made once per organisation.
 */
public record OrganisationFirstAccess(InsuredPerson person, Party organisation, String organisationName, Instant at) {
    public OrganisationFirstAccess {
        if (person == null || organisation == null || at == null) {
            throw new IllegalArgumentException("person, organisation and at are required");
        }
    }
}
