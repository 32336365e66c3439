package org.trilink.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import org.trilink.cases.entity.CaseChange;
import org.trilink.cases.entity.CaseEvent;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.platform.security.CurrentUser;

/**
 * Appends typed changes to a case's history, in the transaction of the change they describe, so
 * that a change and its record commit or roll back together, and fires them to the features that
 * listen (synchronously, in that transaction). Integrations hear these events; the core does not
 * know them.
 */
@ApplicationScoped
public class CaseHistory {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    CurrentUser user;

    @Inject
    Event<CaseEventRecorded> recorded;

    @Transactional(Transactional.TxType.MANDATORY)
    public CaseEvent record(DisputeCase c, CaseChange change, String before, String after, OffsetDateTime at) {
        return record(c, change, before, after, at, user.username(), user.officeCode());
    }

    /** For changes made by a system rather than a signed-in person (e.g. {@code partner:<code>}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseEvent record(DisputeCase c, CaseChange change, String before, String after, OffsetDateTime at,
                            String actor, String actorOfficeCode) {
        return append(new CaseEvent(c.id(), change, at, actor, actorOfficeCode, before, after, false), c);
    }

    /**
     * A change entered after the fact (补录: from an office's ledger or a late registration), at
     * the time it really happened. Listeners with outside effects (e-mail, SMS, partner
     * callbacks, outbound referrals) do nothing for it; the history says it was entered later.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseEvent backfill(DisputeCase c, CaseChange change, String before, String after, OffsetDateTime at,
                              String actor, String actorOfficeCode) {
        return append(new CaseEvent(c.id(), change, at, actor, actorOfficeCode, before, after, true), c);
    }

    private CaseEvent append(CaseEvent event, DisputeCase c) {
        em.persist(event);
        recorded.fire(new CaseEventRecorded(c, event));
        return event;
    }

    /**
     * A case's events in the order they happened. Not by id alone: each instance of a cluster
     * takes its ids from the sequence in blocks (allocationSize 50), so an event written later on
     * one instance can carry a lower id than an earlier one written on the other; the id only
     * orders events of the same moment (one move's events, from one block).
     */
    public List<CaseEvent> of(DisputeCase c) {
        return em.createQuery("select e from CaseEvent e where e.caseId = :id order by e.occurredAt, e.id",
                        CaseEvent.class)
                .setParameter("id", c.id())
                .getResultList();
    }
}
