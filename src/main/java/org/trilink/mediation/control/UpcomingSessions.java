package org.trilink.mediation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import org.trilink.mediation.entity.MediationSession;
import org.trilink.mediation.entity.SessionStatus;

/** Sessions still to be held in a time window, of every office: what the parties' reminders are about. */
@ApplicationScoped
public class UpcomingSessions {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    /** A session to be held: its case, time and place. */
    public record Upcoming(long sessionId, long caseId, OffsetDateTime at, String place) {
    }

    /** Scheduled (not held, not cancelled) sessions from {@code from} up to {@code until}, in time order. */
    public List<Upcoming> between(OffsetDateTime from, OffsetDateTime until) {
        return em.createQuery("select s from MediationSession s where s.scheduledAt >= :from and s.scheduledAt < :until"
                        + " and s.status = :scheduled order by s.scheduledAt, s.id", MediationSession.class)
                .setParameter("from", from).setParameter("until", until)
                .setParameter("scheduled", SessionStatus.SCHEDULED).setMaxResults(5000).getResultList().stream()
                .map(s -> new Upcoming(s.id(), s.caseId(), s.scheduledAt(), s.place())).toList();
    }
}
