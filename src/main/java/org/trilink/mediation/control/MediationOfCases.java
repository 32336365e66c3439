package org.trilink.mediation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.trilink.cases.control.CaseMediation;
import org.trilink.cases.control.CaseRecords;
import org.trilink.mediation.entity.FollowUpVisit;
import org.trilink.mediation.entity.MediationSession;

/** The mediation feature's answers to what the cases feature asks of a case's sessions and visits. */
@ApplicationScoped
public class MediationOfCases implements CaseMediation {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Override
    public List<CaseRecords.SessionRow> sessions(long caseId) {
        return em.createQuery("select s from MediationSession s where s.caseId = :c order by s.scheduledAt, s.id",
                        MediationSession.class)
                .setParameter("c", caseId).getResultList().stream()
                .map(s -> new CaseRecords.SessionRow(s.id(), s.scheduledAt(), s.place(), s.participants(),
                        s.status().name(), s.heldAt(), s.notes(), s.attendance()))
                .toList();
    }

    @Override
    public List<CaseRecords.FollowUpRow> visits(long caseId) {
        return em.createQuery("select v from FollowUpVisit v where v.caseId = :c order by v.visitedAt, v.id",
                        FollowUpVisit.class)
                .setParameter("c", caseId).getResultList().stream()
                .map(v -> new CaseRecords.FollowUpRow(v.id(), v.visitedAt(), v.method().name(), v.performance().name(),
                        v.satisfaction(), v.notes(), v.recordedBy(), v.officeCode()))
                .toList();
    }

    @Override
    public long visitCount(long caseId) {
        return em.createQuery("select count(v) from FollowUpVisit v where v.caseId = :c", Long.class)
                .setParameter("c", caseId).getSingleResult();
    }
}
