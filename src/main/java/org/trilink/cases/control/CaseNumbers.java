package org.trilink.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.offices.control.OfficeNumbers;
import org.trilink.offices.entity.NumberKind;
import org.trilink.platform.Configured;
import org.trilink.platform.problem.ProblemException;

/**
 * Case numbers people can read out on the phone: {@code TL2026-000123}, the year received
 * (in the district's time zone) and a counter from a database sequence, so that several
 * instances never hand out the same number. And the official register number (登记编号) the
 * handling office gives a case when it accepts it, in the office's format and the year of the
 * acceptance ({@link OfficeNumbers}).
 */
@ApplicationScoped
public class CaseNumbers {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    Configured configured;

    @Inject
    OfficeNumbers officeNumbers;

    /**
     * Gives the case its register number as it is accepted (or, an administrative matter, filed):
     * the number the case had in the office's ledger when that is one of the office's register
     * numbers (the office's counter of that year goes on after it), else the handling office's
     * next number of the year of {@code at}. A case keeps its number.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void register(DisputeCase c, OffsetDateTime at) {
        register(c, at, false);
    }

    /**
     * As {@link #register(DisputeCase, OffsetDateTime)}; {@code indexDecides}: a ledger number
     * taken by another case is not looked for first (a query per row) but refused by the unique
     * index when the caller's batch is written, which the caller then takes row by row, this
     * check included.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void register(DisputeCase c, OffsetDateTime at, boolean indexDecides) {
        if (c.registerNumber() != null) {
            return;
        }
        String office = c.handlingOfficeCode();
        java.util.Optional<String> kept = c.ledgerNumber() == null ? java.util.Optional.empty()
                : officeNumbers.broughtIn(office, NumberKind.REGISTER, c.ledgerNumber());
        String number;
        if (kept.isPresent() && indexDecides) {
            number = kept.get();
        } else if (kept.isPresent()) {
            number = kept.get();
            // not flushed first: the case being numbered has no number yet, and a number given to
            // another case of the same unwritten batch (a ledger chunk) is refused by the unique
            // index when the batch is written, which the ledger import then takes row by row
            Number taken = (Number) em.createNativeQuery("select count(*) from dispute_case"
                            + " where register_office_code = ? and register_number = ?")
                    .setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
                    .setParameter(1, office).setParameter(2, number).getSingleResult();
            if (taken.longValue() > 0) {
                throw ProblemException.conflict("The register number " + number + " of office " + office
                        + " is taken by another case.");
            }
        } else {
            number = officeNumbers.next(office, NumberKind.REGISTER, at);
        }
        c.register(office, number);
    }

    /**
     * Gives a written mediation agreement its document number (文书编号) when it is first written:
     * the next of the office that accepted the case, in the year the agreement was reached. Later
     * versions of the agreement keep it. The caller holds the case's lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void numberAgreement(DisputeCase c, OffsetDateTime now) {
        if (c.agreementNumber() != null) {
            return;
        }
        String office = c.registerOfficeCode() != null ? c.registerOfficeCode() : c.handlingOfficeCode();
        String number = officeNumbers.next(office, NumberKind.DOCUMENT, c.outcomeAt() != null ? c.outcomeAt() : now);
        // the column is not updatable through the entity (see DisputeCase): the case's version stays
        em.createNativeQuery("update dispute_case set agreement_number = ? where id = ? and agreement_number is null")
                .setParameter(1, number).setParameter(2, c.id()).executeUpdate();
        c.numberAgreement(number);
    }

    public String next(OffsetDateTime receivedAt) {
        java.util.Deque<Long> reserved = transaction.getTransactionKey() == null ? null : reserved(false);
        long n;
        if (reserved != null && !reserved.isEmpty()) {
            n = reserved.poll();
        } else {
            // a sequence needs no pending change written first: not flushing here lets a ledger chunk's
            // inserts go to the database in batches instead of a few rows at a time
            n = ((Number) em.createNativeQuery("select nextval('case_number_seq')")
                    .setFlushMode(jakarta.persistence.FlushModeType.COMMIT).getSingleResult()).longValue();
        }
        return format(receivedAt.atZoneSameInstant(configured.zone()).getYear(), n);
    }

    /**
     * Takes {@code count} case numbers from the sequence in one query, for the next cases this
     * transaction registers (a ledger's chunk of rows: a query per row before). Numbers reserved
     * and not used are lost, as a rolled-back transaction's are.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reserve(int count) {
        if (count <= 0) {
            return;
        }
        // a recursive count, which H2 and PostgreSQL both run (no generate_series in H2)
        List<?> values = em.createNativeQuery("with recursive r(n) as (select 1 union all select n + 1 from r"
                        + " where n < " + count + ") select nextval('case_number_seq') from r")
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT).getResultList();
        values.stream().map(v -> ((Number) v).longValue()).sorted().forEach(reserved(true)::add);
    }

    @jakarta.annotation.Resource
    jakarta.transaction.TransactionSynchronizationRegistry transaction;

    private static final String RESERVED = CaseNumbers.class.getName() + ".reserved";

    @SuppressWarnings("unchecked")
    private java.util.Deque<Long> reserved(boolean create) {
        java.util.Deque<Long> numbers = (java.util.Deque<Long>) transaction.getResource(RESERVED);
        if (numbers == null && create) {
            numbers = new java.util.ArrayDeque<>();
            transaction.putResource(RESERVED, numbers);
        }
        return numbers;
    }

    public static String format(int year, long counter) {
        return String.format("TL%d-%06d", year, counter);
    }
}
