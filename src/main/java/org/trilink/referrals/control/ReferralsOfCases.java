package org.trilink.referrals.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trilink.cases.control.CaseAccess;
import org.trilink.cases.control.CaseRecords;
import org.trilink.cases.control.CaseReferrals;
import org.trilink.referrals.entity.Referral;
import org.trilink.referrals.entity.ReferralStatus;

/** The referrals feature's answers to what the cases feature asks of a case's referrals. */
@ApplicationScoped
public class ReferralsOfCases implements CaseReferrals {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Override
    public Optional<CaseAccess.PendingReferral> pending(long caseId) {
        return em.createQuery("select r from Referral r where r.caseId = :c and r.status = :pending order by r.id",
                        Referral.class)
                .setParameter("c", caseId).setParameter("pending", ReferralStatus.PENDING)
                .setMaxResults(1).getResultStream().findFirst()
                .map(r -> new CaseAccess.PendingReferral(r.id(), r.fromOfficeCode(), r.fromPartner(),
                        r.toOfficeCode()));
    }

    @Override
    public List<CaseRecords.ReferralRow> of(long caseId) {
        return em.createQuery("select r from Referral r where r.caseId = :c order by r.sentAt, r.id", Referral.class)
                .setParameter("c", caseId).getResultList().stream()
                .map(r -> new CaseRecords.ReferralRow(r.id(), r.fromOfficeCode(), r.fromPartner(), r.toOfficeCode(),
                        r.reason(), r.status().name(), r.sentAt(), r.sentBy(), r.deadline(), r.overdue(),
                        r.decidedAt(), r.rejectionReason()))
                .toList();
    }

    @Override
    public long countWaiting(String toOfficeCode) {
        TypedQuery<Long> q = em.createQuery("select count(r) from Referral r where r.status = :pending"
                + (toOfficeCode == null ? "" : " and r.toOfficeCode = :office"), Long.class)
                .setParameter("pending", ReferralStatus.PENDING);
        if (toOfficeCode != null) {
            q.setParameter("office", toOfficeCode);
        }
        return q.getSingleResult();
    }

    @Override
    public WaitingCounts countWaiting(String toOfficeCode, OffsetDateTime now, OffsetDateTime endOfToday) {
        // one pass over the office's pending referrals (index on to_office_code, status)
        Query q = em.createNativeQuery("select count(*),"
                        + " coalesce(sum(case when overdue or deadline < ?1 then 1 else 0 end), 0),"
                        + " coalesce(sum(case when not overdue and deadline >= ?1 and deadline < ?2 then 1 else 0 end), 0)"
                        + " from referral where status = 'PENDING'"
                        + (toOfficeCode == null ? "" : " and to_office_code = ?3"))
                .setParameter(1, now).setParameter(2, endOfToday);
        if (toOfficeCode != null) {
            q.setParameter(3, toOfficeCode);
        }
        Object[] row = (Object[]) q.getSingleResult();
        return new WaitingCounts(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue());
    }

    @Override
    public List<Long> waitingCaseIds(String toOfficeCode, OffsetDateTime now, OffsetDateTime endOfToday,
                                     org.trilink.cases.control.Due.State which) {
        // the same conditions as countWaiting's sums, so the list holds exactly what the desk counted
        String state = which == null ? "" : switch (which) {
            case OVERDUE -> " and (overdue or deadline < ?1)";
            case TODAY -> " and not overdue and deadline >= ?1 and deadline < ?2";
            case LATER -> " and not overdue and deadline >= ?2";
        };
        Query q = em.createNativeQuery("select distinct case_id from referral where status = 'PENDING'" + state
                + (toOfficeCode == null ? "" : " and to_office_code = ?3"));
        if (state.contains("?1")) {
            q.setParameter(1, now);
        }
        if (state.contains("?2")) {
            q.setParameter(2, endOfToday);
        }
        if (toOfficeCode != null) {
            q.setParameter(3, toOfficeCode);
        }
        return ((List<?>) q.getResultList()).stream().map(id -> ((Number) id).longValue()).toList();
    }

    @Override
    public List<Waiting> waiting(String toOfficeCode, OffsetDateTime now, int max) {
        // the order needs a CASE, which JPQL's ORDER BY does not take: the ids in SQL, the rows by id
        Query q = em.createNativeQuery("select id from referral where status = 'PENDING'"
                        + (toOfficeCode == null ? "" : " and to_office_code = ?2")
                        + " order by case when overdue or deadline < ?1 then 0 else 1 end, deadline, id")
                .setParameter(1, now).setMaxResults(max);
        if (toOfficeCode != null) {
            q.setParameter(2, toOfficeCode);
        }
        List<Waiting> waiting = new ArrayList<>();
        for (Object id : q.getResultList()) {
            Referral r = em.find(Referral.class, ((Number) id).longValue());
            waiting.add(new Waiting(r.caseId(), r.deadline(), r.overdue() || r.deadline().isBefore(now),
                    r.fromOfficeCode()));
        }
        return waiting;
    }
}
