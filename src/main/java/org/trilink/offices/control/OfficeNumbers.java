package org.trilink.offices.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.trilink.offices.entity.NumberFormat;
import org.trilink.offices.entity.NumberKind;
import org.trilink.offices.entity.Office;
import org.trilink.platform.Configured;

/**
 * The official numbers of an office, per kind and per year, in the format the office set. A
 * number is taken in the caller's transaction with the year's counter row locked
 * ({@code select ... for update}) until it commits: the numbers are unique and gapless across
 * instances, and a rolled-back caller gives its number back. Offices take numbers one at a time
 * this way, which at a district's pace (a few hundred a day per office) costs nothing.
 */
@ApplicationScoped
public class OfficeNumbers {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    Configured configured;

    /** The next number of this kind of the office, in the year (district time) of {@code at}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String next(String officeCode, NumberKind kind, OffsetDateTime at) {
        Office office = em.find(Office.class, officeCode);
        if (office == null) {
            throw new IllegalArgumentException("no office " + officeCode);
        }
        int year = at.atZoneSameInstant(configured.zone()).getYear();
        int n = locked(officeCode, kind, year) + 1;
        set(officeCode, kind, year, n);
        return office.numberFormat(kind).format(year, n);
    }

    /**
     * A number the office gave before TriLink (a ledger's 编号), if it is written in the office's
     * format: the year's counter goes on after it, and the answer is the number as the office
     * writes it (official brackets). Empty for anything else (a ledger's own row id), which leaves
     * the counter alone.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> broughtIn(String officeCode, NumberKind kind, String number) {
        Office office = em.find(Office.class, officeCode);
        if (office == null) {
            return Optional.empty();
        }
        NumberFormat format = office.numberFormat(kind);
        return format.read(number).map(r -> {
            if (locked(officeCode, kind, r.year()) < r.number()) {
                set(officeCode, kind, r.year(), r.number());
            }
            return format.format(r.year(), r.number());
        });
    }

    /** The year it is now in the district. */
    public int thisYear() {
        return java.time.ZonedDateTime.now(configured.zone()).getYear();
    }

    /** The last number given of a kind and year (0: none yet). */
    public int last(String officeCode, NumberKind kind, int year) {
        return ((Number) em.createNativeQuery("select coalesce(max(last_number), 0) from office_number_counter"
                        + " where office_code = ? and number_kind = ? and number_year = ?")
                .setParameter(1, officeCode).setParameter(2, kind.name()).setParameter(3, year)
                .getSingleResult()).intValue();
    }

    @jakarta.annotation.Resource
    jakarta.transaction.TransactionSynchronizationRegistry transaction;

    /**
     * The counters this transaction has locked, with their values as it last wrote them: once
     * locked, a counter row can change only through this transaction, so a second number of the
     * same office, kind and year in it (a ledger's chunk of rows takes hundreds) needs neither the
     * insert nor the select for update again.
     */
    @SuppressWarnings("unchecked")
    private java.util.Map<String, Integer> lockedHere() {
        java.util.Map<String, Integer> locked = (java.util.Map<String, Integer>) transaction.getResource(LOCKED);
        if (locked == null) {
            locked = new java.util.HashMap<>();
            transaction.putResource(LOCKED, locked);
        }
        return locked;
    }

    private static final String LOCKED = OfficeNumbers.class.getName() + ".locked";

    private static String counter(String officeCode, NumberKind kind, int year) {
        return officeCode + "|" + kind + "|" + year;
    }

    /** The counter row, made if missing and locked until the transaction ends. */
    private int locked(String officeCode, NumberKind kind, int year) {
        Integer known = lockedHere().get(counter(officeCode, kind, year));
        if (known != null) {
            return known;
        }
        int n = lockedFromDatabase(officeCode, kind, year);
        lockedHere().put(counter(officeCode, kind, year), n);
        return n;
    }

    private int lockedFromDatabase(String officeCode, NumberKind kind, int year) {
        // two first takers of a year: the second waits for the first's row, then does nothing
        // the counter table is no entity's: nothing pending in the persistence context needs writing first
        em.createNativeQuery("insert into office_number_counter (office_code, number_kind, number_year, last_number)"
                        + " values (?, ?, ?, 0) on conflict do nothing")
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
                .setParameter(1, officeCode).setParameter(2, kind.name()).setParameter(3, year).executeUpdate();
        return ((Number) em.createNativeQuery("select last_number from office_number_counter"
                        + " where office_code = ? and number_kind = ? and number_year = ? for update")
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
                .setParameter(1, officeCode).setParameter(2, kind.name()).setParameter(3, year)
                .getSingleResult()).intValue();
    }

    private static final String DEFERRED = OfficeNumbers.class.getName() + ".deferred";

    /**
     * From now until {@link #writeDeferred}, this transaction's counters are written once at the
     * end of its batch instead of with every number (a ledger chunk takes hundreds: a statement
     * each). The counters stay locked meanwhile, so no other transaction sees them unwritten.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deferWrites() {
        if (transaction.getResource(DEFERRED) == null) {
            transaction.putResource(DEFERRED, new java.util.LinkedHashMap<String, Object[]>());
        }
    }

    /** Writes the counters taken since {@link #deferWrites}, and writes each number at once again. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public void writeDeferred() {
        java.util.Map<String, Object[]> deferred = (java.util.Map<String, Object[]>) transaction.getResource(DEFERRED);
        if (deferred == null) {
            return;
        }
        transaction.putResource(DEFERRED, null);
        for (Object[] c : deferred.values()) {
            write((String) c[0], (NumberKind) c[1], (Integer) c[2], lockedHere().get(counter((String) c[0],
                    (NumberKind) c[1], (Integer) c[2])));
        }
    }

    @SuppressWarnings("unchecked")
    private void set(String officeCode, NumberKind kind, int year, int n) {
        java.util.Map<String, Object[]> deferred = (java.util.Map<String, Object[]>) transaction.getResource(DEFERRED);
        if (deferred != null) {
            lockedHere().put(counter(officeCode, kind, year), n);
            deferred.putIfAbsent(counter(officeCode, kind, year), new Object[] {officeCode, kind, year});
            return;
        }
        write(officeCode, kind, year, n);
    }

    private void write(String officeCode, NumberKind kind, int year, int n) {
        em.createNativeQuery("update office_number_counter set last_number = ?"
                        + " where office_code = ? and number_kind = ? and number_year = ?")
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
                .setParameter(1, n).setParameter(2, officeCode).setParameter(3, kind.name()).setParameter(4, year)
                .executeUpdate();
        lockedHere().put(counter(officeCode, kind, year), n);
    }
}
