package org.trilink.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.trilink.cases.entity.Party;

/**
 * A party's phone number for the moment a message is sent to it: messages name the party, never
 * the number, so that it is not copied into the outbox, its errors or the logs.
 */
@ApplicationScoped
public class PartyContacts {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    /** The party's phone as it reads now; empty when the party or its phone is gone. */
    public Optional<String> phone(long partyId) {
        Party party = em.find(Party.class, partyId);
        return party == null || party.phone() == null || party.phone().isBlank() ? Optional.empty()
                : Optional.of(party.phone());
    }
}
