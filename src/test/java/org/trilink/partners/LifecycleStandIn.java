package org.trilink.partners;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import org.trilink.cases.control.CaseHistory;
import org.trilink.cases.entity.AgreementForm;
import org.trilink.cases.entity.CaseChange;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.Outcome;

/**
 * Stands in for the case lifecycle (issue 3) in tests, doing what the agreed contract says it
 * does: change the referral and the case, then record the history event through CaseHistory,
 * which fires CaseEventRecorded inside the same transaction.
 */
@ApplicationScoped
public class LifecycleStandIn {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    CaseHistory history;

    DisputeCase byNumber(String caseNumber) {
        return em.createQuery("select c from DisputeCase c where c.caseNumber = :n", DisputeCase.class)
                .setParameter("n", caseNumber).getSingleResult();
    }

    @Transactional
    public void accept(String caseNumber) {
        DisputeCase c = byNumber(caseNumber);
        OffsetDateTime now = OffsetDateTime.now();
        Object[] referral = decide(c, "ACCEPTED", null, now);
        c.accept(now);
        history.record(c, new CaseChange.ReferralAccepted(((Number) referral[0]).longValue(), null,
                (String) referral[1], "JO-ZHAOXIANG"), "PENDING", "ACCEPTED", now, "mediator", "JO-ZHAOXIANG");
    }

    @Transactional
    public void reject(String caseNumber, String reason) {
        DisputeCase c = byNumber(caseNumber);
        OffsetDateTime now = OffsetDateTime.now();
        Object[] referral = decide(c, "REJECTED", reason, now);
        history.record(c, new CaseChange.ReferralRejected(((Number) referral[0]).longValue(), null,
                (String) referral[1], reason), "PENDING", "REJECTED", now, "mediator", "JO-ZHAOXIANG");
    }

    @Transactional
    public void conclude(String caseNumber) {
        DisputeCase c = byNumber(caseNumber);
        OffsetDateTime now = OffsetDateTime.now();
        c.recordSuccess(now, AgreementForm.WRITTEN, "调解协议", null, null, null);
        history.record(c, new CaseChange.OutcomeRecorded(Outcome.SUCCESS, AgreementForm.WRITTEN, null, null, null),
                null, "SUCCESS", now, "mediator", "JO-ZHAOXIANG");
    }

    /** Accepts, then fails: the transaction rolls back, and with it the callback. */
    @Transactional
    public void acceptThenFail(String caseNumber) {
        accept(caseNumber);
        throw new IllegalStateException("rolled back on purpose");
    }

    /** Decides the case's pending referral; its id and the partner it came from. */
    private Object[] decide(DisputeCase c, String status, String reason, OffsetDateTime at) {
        Object[] referral = (Object[]) em.createNativeQuery("select id, from_partner from referral where case_id = ?"
                + " and status = 'PENDING'").setParameter(1, c.id()).getSingleResult();
        em.createNativeQuery("update referral set status = ?, decided_at = ?, decided_by = 'mediator',"
                        + " rejection_reason = ? where case_id = ? and status = 'PENDING'")
                .setParameter(1, status).setParameter(2, at).setParameter(3, reason).setParameter(4, c.id())
                .executeUpdate();
        return referral;
    }
}
