package jp.kaigo.shared;

import java.time.Instant;
import java.util.UUID;

/**
 * Published by {@code access} when a staff member opens the person's records in an emergency (break-glass): who
 * (the organisation, and its name from the master or null), when and until when. The typed reason stays in {@code access}; the person reads it in their
 * "who looked" view. The person is told at once (I16 §7, design §7.1 {@code break-glass}).
 */
public record EmergencyOpened(UUID openingId, InsuredPerson person, Party organisation, String organisationName,
        Instant openedAt, Instant expiresAt) {
    public EmergencyOpened {
        if (openingId == null || person == null || organisation == null || openedAt == null || expiresAt == null) {
            throw new IllegalArgumentException("openingId, person, organisation, openedAt and expiresAt are required");
        }
    }
}
