package jp.kaigo.shared;

import java.time.Instant;
import java.util.UUID;

/**
 * A consent decision recorded for the person by someone other than the person in their own view (published by
 * {@code consent}): the municipality's 包括同意, a representative, or an office (terminal signature, or an oral or written
 * consent it recorded); the person is told (docs/design/care-documents.md §8).
 *
 * @param party    the organisation it is about; null = every organisation
 * @param category the information it is about; null = all
 * @param by       municipality, representative, terminal, office
 */
public record ConsentRecorded(UUID decisionId, InsuredPerson person, Party party, InformationCategory category,
        boolean give, String by, Instant at) {
}
