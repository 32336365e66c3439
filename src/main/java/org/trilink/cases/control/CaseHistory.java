package org.trilink.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import org.trilink.cases.entity.CaseEvent;
import org.trilink.cases.entity.CaseEventType;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.platform.security.CurrentUser;

/**
 * Appends events to a case's history, in the transaction of the change they describe, so
 * that a change and its record commit or roll back together. Integrations read these events;
 * the core does not know them.
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
    public CaseEvent record(DisputeCase c, String type, String detail, String before, String after,
                            OffsetDateTime at) {
        return record(c, type, detail, before, after, at, user.username(), user.officeCode());
    }

    /** For changes made by a system rather than a signed-in person (e.g. {@code partner:<code>}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseEvent record(DisputeCase c, String type, String detail, String before, String after,
                            OffsetDateTime at, String actor, String actorOfficeCode) {
        CaseEvent event = new CaseEvent(c.id(), type, at, actor, actorOfficeCode, detail, before, after);
        em.persist(event);
        recorded.fire(new CaseEventRecorded(c, event));
        return event;
    }

    /** The same with a name from the catalogue of event types. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseEvent record(DisputeCase c, CaseEventType type, String detail, String before, String after,
                            OffsetDateTime at) {
        return record(c, type.name(), detail, before, after, at);
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
