package org.trilink.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.trilink.cases.entity.CaseChange;
import org.trilink.cases.entity.CaseSearchTerms;
import org.trilink.cases.entity.DisputeCase;

/**
 * Keeps what each case is found by ({@link CaseSearchTerms}) as its typed changes are recorded,
 * in the transaction of the change: a new case gets its row, and the changes that give a number
 * or correct a party rewrite it. Written through the entity manager, so a ledger chunk's rows go
 * out in its batches with the cases themselves.
 */
@ApplicationScoped
public class CaseSearch {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    /** Whether a change alters what the case is found by: a switch expression, so every new kind is decided here. */
    static boolean altersTerms(CaseChange change) {
        return switch (change.kind()) {
            // numbers: register (accepted, filed), agreement (written with the first agreement or a
            // ledger's outcome); names and phones: a party's correction
            case RECEIVED, ACCEPTED, ADMIN_FILED, OUTCOME_RECORDED, LEDGER_OUTCOME, PARTY_CORRECTED,
                    DOCUMENT_GENERATED -> true;
            case DECLINED, REFERRED, REFERRAL_ACCEPTED, REFERRAL_REJECTED, REFERRAL_RECALLED, REFERRAL_OVERDUE, JOINED,
                    MEDIATOR_ASSIGNED, MEDIATION_STARTED, SESSION_SCHEDULED, SESSION_RESCHEDULED, SESSION_CANCELLED,
                    SESSION_HELD, FOLLOW_UP_RECORDED, FOLLOW_UP_OVERDUE, RISK_CHANGED, CLOSED, ADMIN_RESOLVED,
                    DOCUMENT_DOWNLOADED, SIGNED_COPY_UPLOADED, PARTY_VIEWED_ONLINE, CORRECTION_REQUESTED,
                    CORRECTION_DECLINED, AGREEMENT_SIGNED, AGREEMENT_SEALED, PARTY_RATED -> false;
        };
    }

    void onChange(@Observes CaseEventRecorded recorded) {
        if (!altersTerms(recorded.change())) {
            return;
        }
        DisputeCase c = recorded.disputeCase();
        if (recorded.change().kind() == CaseChange.Kind.RECEIVED) {
            em.persist(new CaseSearchTerms(c));
            return;
        }
        CaseSearchTerms terms = em.find(CaseSearchTerms.class, c.id());
        if (terms == null) {
            em.persist(new CaseSearchTerms(c));
        } else {
            terms.update(c);
        }
    }

    /**
     * The statement that gives every case without terms its terms, in SQL that H2 and PostgreSQL
     * both run, for cases written around the typed changes (the demo data's JDBC batches). The same
     * terms as {@link CaseSearchTerms#of}.
     */
    public static String fillMissing() {
        return "insert into case_search (case_id, terms) select c.id, " + TERMS_SQL
                + " from dispute_case c where not exists (select 1 from case_search s where s.case_id = c.id)";
    }

    /** {@link CaseSearchTerms#of} in SQL, over a case aliased {@code c}. */
    static final String TERMS_SQL = "lower(translate(left(c.case_number"
            + " || coalesce(' ' || c.register_number, '') || coalesce(' ' || c.ledger_number, '')"
            + " || coalesce(' ' || c.agreement_number, '')"
            + " || coalesce(' ' || (select string_agg(p.name || coalesce(' ' || right(p.phone, 4), ''), ' '"
            + " order by p.ordinal) from party p where p.case_id = c.id), '')"
            + " || ' ' || c.summary, " + CaseSearchTerms.MAX_LENGTH + "), '[【（(［]】）)］', '〔〔〔〔〔〕〕〕〕〕'))";
}
