package org.trilink.statistics.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.Collections;
import java.util.List;
import org.trilink.cases.control.CaseEventRecorded;
import org.trilink.cases.control.CasesBackfilled;
import org.trilink.cases.entity.CaseChange;

/**
 * Statistics' own facts of a case: its links to referrals, follow-up visits and offices other than
 * the handling one, summed up on the case row (the {@code links_*} columns, Flyway V16) so that a
 * statistics run reads them with the case instead of gathering them from three tables for every
 * case of the period. Kept by this observer of the typed case changes, in the transaction of the
 * change, for the kinds of change that alter them; the core does not know it. Changes entered
 * after the fact (补录) are summed up once their writer has stored its batch of cases
 * ({@link CasesBackfilled}, e.g. a chunk of a ledger), in one statement for the batch. The change is
 * recorded after the move's own writes (the referral, the visit, the participant), and the
 * move has already locked the case row (its version), so keeping the summary takes no lock the
 * move did not hold. While a referral is pending {@code links_settled_at} lies in the far future,
 * and a run reads such a case's facts from the tables as they stood at its cut-off.
 */
@ApplicationScoped
public class CaseLinkFacts {

    /** Whether a change alters the facts: a switch expression, so that every new kind is decided here. */
    static boolean altersLinks(CaseChange change) {
        return switch (change.kind()) {
            // a partner's referral arrives with its case
            case RECEIVED -> ((CaseChange.Received) change).partnerCode() != null;
            case REFERRED, REFERRAL_ACCEPTED, REFERRAL_REJECTED, REFERRAL_RECALLED, REFERRAL_OVERDUE, JOINED,
                    FOLLOW_UP_RECORDED -> true;
            // a party's own rating counts in the satisfaction rate from its time (links_settled_at)
            case PARTY_RATED -> true;
            case ACCEPTED, DECLINED, MEDIATOR_ASSIGNED, MEDIATION_STARTED, SESSION_SCHEDULED, SESSION_RESCHEDULED,
                    SESSION_CANCELLED, SESSION_HELD, OUTCOME_RECORDED, LEDGER_OUTCOME, FOLLOW_UP_OVERDUE,
                    RISK_CHANGED, CLOSED, ADMIN_FILED, ADMIN_RESOLVED, PARTY_CORRECTED, DOCUMENT_GENERATED,
                    DOCUMENT_DOWNLOADED, SIGNED_COPY_UPLOADED, PARTY_VIEWED_ONLINE, CORRECTION_REQUESTED,
                    CORRECTION_DECLINED, AGREEMENT_SIGNED, AGREEMENT_SEALED -> false;
        };
    }

    /**
     * A live change's facts are summed up at once. A change entered after the fact (补录) counts
     * alike, but is summed up when its writer has stored the batch it belongs to
     * ({@link #onBackfilled}): a ledger's referrals and follow-up visits, one statement per chunk.
     */
    void onChange(@Observes CaseEventRecorded recorded) {
        if (!recorded.backfilled() && altersLinks(recorded.change())) {
            refresh(recorded.disputeCase().id());
        }
    }

    void onBackfilled(@Observes CasesBackfilled written) {
        refresh(written.caseIds());
    }

    /** Most case ids in one statement (each is bound {@link #TABLES} times). */
    static final int IDS_PER_STATEMENT = 100;

    /** The tables the summary reads, each with its own case id condition: referrals, visits, participants, ratings. */
    static final int TABLES = 4;

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    /** Rewrites one case's summary from its referrals, visits and participants, after flushing the move's writes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(long caseId) {
        em.flush();
        em.createNativeQuery(merge("= ?"))
                .setParameter(1, caseId)
                .setParameter(2, caseId)
                .setParameter(3, caseId)
                .setParameter(4, caseId)
                .executeUpdate();
    }

    /**
     * Rewrites the summaries of several cases, after flushing their writes, in one statement per
     * {@link #IDS_PER_STATEMENT} cases. A case without any link is left as it is (null columns),
     * as {@link #refresh(long)} leaves it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(java.util.Collection<Long> caseIds) {
        List<Long> ids = caseIds.stream().distinct().toList();
        if (ids.isEmpty()) {
            return;
        }
        em.flush();
        for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT));
            Query merge = em.createNativeQuery(merge("in (" + String.join(", ", Collections.nCopies(part.size(), "?"))
                    + ")"));
            int i = 1;
            for (int table = 0; table < TABLES; table++) {
                for (Long id : part) {
                    merge.setParameter(i++, id);
                }
            }
            merge.executeUpdate();
        }
    }

    /**
     * The statement that rewrites the summary of the cases whose id matches {@code caseIdCondition}
     * (e.g. {@code "= ?"} or {@code "between ? and ?"}, its parameters given {@link #TABLES} times,
     * once per table: referrals, follow-up visits, participants, the parties' ratings), in SQL that
     * H2 and PostgreSQL both run. A case without any link keeps null columns.
     */
    public static String merge(String caseIdCondition) {
        return merge(caseIdCondition, true);
    }

    /**
     * As {@link #merge(String)}; without {@code ratings} for a schema before V41 (no {@code
     * party_rating}), its parameters then given once per table but the ratings'.
     */
    public static String merge(String caseIdCondition, boolean ratings) {
        return "merge into dispute_case c using ("
            + " select x.case_id as case_id, cast(sum(x.sent) as integer) as sent,"
            + " cast(sum(x.accepted) as integer) as accepted, cast(sum(x.rejected) as integer) as rejected,"
            + " cast(sum(x.overdue) as integer) as overdue, cast(sum(x.visits) as integer) as visits,"
            + " cast(sum(x.performed) as integer) as performed, string_agg(x.office, ',' order by x.office) as offices,"
            + " case when sum(x.pending) > 0 then cast('9999-12-31 00:00:00+00' as timestamp with time zone)"
            + " else max(x.at) end as settled_at"
            + " from ("
            + " select r.case_id as case_id, 1 as sent, case when r.status = 'ACCEPTED' then 1 else 0 end as accepted,"
            + " case when r.status = 'REJECTED' then 1 else 0 end as rejected,"
            + " case when r.overdue = true then 1 else 0 end as overdue, 0 as visits, 0 as performed,"
            + " case when r.status = 'PENDING' then 1 else 0 end as pending, cast(null as varchar(40)) as office,"
            + " greatest(r.sent_at, coalesce(r.decided_at, r.sent_at), coalesce(r.overdue_at, r.sent_at)) as at"
            + " from referral r where r.case_id " + caseIdCondition
            + " union all select v.case_id, 0, 0, 0, 0, 1, case when v.performance = 'PERFORMED' then 1 else 0 end, 0,"
            + " null, v.visited_at from follow_up_visit v where v.case_id " + caseIdCondition
            + " union all select p.case_id, 0, 0, 0, 0, 0, 0, 0, p.office_code, null"
            + " from case_participant p where p.case_id " + caseIdCondition + " and p.part <> 'HANDLING'"
            // a party's rating counts from its time on: it settles the facts no earlier (SATISFIED)
            + (!ratings ? "" : " union all select pr.case_id, 0, 0, 0, 0, 0, 0, 0, null, pr.rated_at"
            + " from party_rating pr where pr.case_id " + caseIdCondition)
            + " ) x group by x.case_id"
            + ") l on (c.id = l.case_id)"
            + " when matched then update set links_sent = l.sent, links_accepted = l.accepted,"
            + " links_rejected = l.rejected, links_overdue = l.overdue, links_visits = l.visits,"
            + " links_performed = l.performed, links_offices = l.offices, links_settled_at = l.settled_at";
    }
}
