package org.trilink.partners.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import org.trilink.cases.control.CaseHistory;
import org.trilink.cases.control.CaseIntake;
import org.trilink.cases.control.CaseNumbers;
import org.trilink.cases.entity.CaseChange;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.cases.entity.Outcome;

/** Stores one checked ledger row as a case, with its outcome, in a transaction of its own. */
@ApplicationScoped
public class LedgerRows {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    CaseIntake cases;

    @Inject
    CaseHistory history;

    @Inject
    CaseNumbers numbers;

    /** One row, in its own transaction; false if the office's ledger id was imported before. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean take(LedgerImport.Row r, String officeCode, String actor) {
        boolean known = !em.createNativeQuery("select 1 from ledger_row where office_code = ? and ledger_id = ?")
                .setParameter(1, officeCode).setParameter(2, r.ledgerId()).getResultList().isEmpty();
        if (known) {
            return false;
        }
        DisputeCase c = cases.registerFromLedger(r.message().toCommand(), officeCode, actor, r.receivedAt());
        // the ledger's 编号 is the case's register number: at once for a row with its outcome,
        // at acceptance for an open one
        c.fromLedger(r.ledgerId());
        if (r.outcome() != null) {
            c.accept(r.receivedAt());
            numbers.register(c, r.receivedAt());
            if (r.outcome() == Outcome.SUCCESS) {
                c.recordSuccess(r.concludedAt(), r.form(), null, null, null, null);
            } else {
                c.recordFailure(r.concludedAt(), r.outcome(), null, null, null);
            }
            history.backfill(c, new CaseChange.LedgerOutcome(r.outcome()), null, c.status().name(), r.concludedAt(),
                    actor, officeCode);
        }
        em.createNativeQuery("insert into ledger_row (office_code, ledger_id, case_id, imported_at, imported_by)"
                        + " values (?, ?, ?, ?, ?)")
                .setParameter(1, officeCode).setParameter(2, r.ledgerId()).setParameter(3, c.id())
                .setParameter(4, OffsetDateTime.now()).setParameter(5, actor)
                .executeUpdate();
        return true;
    }

}
