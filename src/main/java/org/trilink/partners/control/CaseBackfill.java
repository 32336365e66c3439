package org.trilink.partners.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.trilink.cases.boundary.PartyRequest;
import org.trilink.cases.control.CaseHistory;
import org.trilink.cases.entity.CaseChange;
import org.trilink.cases.entity.CaseEvent;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.offices.control.OfficeCatalog;
import org.trilink.offices.entity.Office;
import org.trilink.platform.Configured;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;
import org.trilink.platform.security.Role;

/**
 * A past case registered after the fact (补录) through the API, by an office head for their
 * office or by the district admin for a named one. It takes the ledger import's checked path:
 * the facts are a ledger row ({@link LedgerImport#parse}), stored by {@link LedgerRows} as
 * backfilled typed changes at their real dates, with no notification, no partner callback and no
 * overdue timer, numbered in the year of the acceptance or filing. Every change names the
 * request's SHA-256 ({@link CaseChange.LedgerSource#apiRequest}) instead of a file and row.
 */
@ApplicationScoped
public class CaseBackfill {

    /** The row's columns that hold the moment something happened: none of them may lie ahead. */
    private static final List<String> EVENT_DATES = List.of("receivedAt", "acceptedAt", "filedAt", "concludedAt",
            "closedAt", "referredAt", "referralDecidedAt");

    /** Stands in for the ledger number the checks require when the request has none (never stored). */
    private static final String NO_NUMBER = "-";

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    LedgerImport ledgers;

    @Inject
    LedgerRows rows;

    @Inject
    OfficeCatalog offices;

    @Inject
    CaseHistory history;

    @Inject
    Configured configured;

    /** The case registered, or the one an identical earlier request registered ({@code created} false). */
    public record Backfilled(DisputeCase disputeCase, boolean created) {
    }

    /**
     * The office the past case is registered for: an office head's own (named or not), the
     * district admin's named one. 403 for everyone else and for a head naming another office;
     * 400 when the admin names none or an unknown or inactive one.
     */
    public String officeFor(CurrentUser user, String named) {
        String office = named == null || named.isBlank() ? null : named.strip();
        if (user.admin()) {
            if (office == null) {
                throw ProblemException.badRequest("handlingOffice", "required: name the office the case belongs to");
            }
            Optional<Office> found = offices.office(office);
            if (found.isEmpty() || !found.get().active()) {
                throw ProblemException.badRequest("handlingOffice", "unknown or inactive office");
            }
            return office;
        }
        if (!user.is(Role.OFFICE_HEAD) || user.officeCode() == null) {
            throw ProblemException.forbidden("Only an office head (for their office) and the district admin register"
                    + " past cases.");
        }
        if (office != null && !office.equals(user.officeCode())) {
            throw ProblemException.forbidden("An office head registers past cases of their own office only.");
        }
        return user.officeCode();
    }

    /**
     * The row's faults, by ledger column, as the import words them, with dates in the future;
     * empty for a row that would be taken. Writes nothing.
     */
    public List<Problem.FieldError> faults(Map<String, String> row, String officeCode, boolean anyOffice) {
        List<Problem.FieldError> faults = new ArrayList<>();
        check(row, officeCode, anyOffice, faults);
        return faults;
    }

    /**
     * Registers the past case of {@code row} (ledger keys, see {@link LedgerColumns}) for
     * {@code officeCode}, its parties and the time the dispute arose as the request has them.
     * The same request again (same office, ledger number and facts) answers the case it made;
     * the office's ledger number on other facts or on an imported row is a 409.
     *
     * @param requestSha256 the SHA-256 of the request's facts, kept on every change it records
     */
    public Backfilled register(Map<String, String> row, String officeCode, boolean anyOffice, String actor,
                               List<PartyRequest> parties, OffsetDateTime occurredAt, String requestSha256) {
        String ledgerNumber = blank(row.get("ledgerId"));
        boolean keyed = ledgerNumber != null;
        List<Problem.FieldError> faults = new ArrayList<>();
        LedgerImport.Row r = check(row, officeCode, anyOffice, faults);
        if (!faults.isEmpty()) {
            throw new ProblemException(Problem.of(400, "Bad Request", "The past case has invalid facts.")
                    .withErrors(faults));
        }
        // the whole parties and the time it arose, checked by the intake's rules at the boundary;
        // a ledger row has room for an applicant and a respondent by name only
        r.message().parties = new ArrayList<>(parties);
        r.message().occurredAt = occurredAt;
        CaseChange.LedgerSource source = CaseChange.LedgerSource.apiRequest(requestSha256);
        if (keyed) {
            Optional<Backfilled> earlier = earlier(officeCode, ledgerNumber, requestSha256);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        DisputeCase stored;
        try {
            stored = rows.store(r, keyed, officeCode, actor, source);
        } catch (jakarta.persistence.PersistenceException | jakarta.transaction.TransactionalException e) {
            // the same number sent twice at once: the other request took it (the key of ledger_row)
            if (keyed) {
                Optional<Backfilled> earlier = earlier(officeCode, ledgerNumber, requestSha256);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            throw e;
        }
        if (stored == null) {
            return earlier(officeCode, ledgerNumber, requestSha256).orElseThrow(() -> ProblemException.conflict(
                    "Ledger number " + ledgerNumber + " of office " + officeCode + " is taken."));
        }
        return new Backfilled(em.find(DisputeCase.class, stored.id()), true);
    }

    /**
     * The case an earlier request made under this office's ledger number, if it made it with the
     * same facts; a 409 if the number is the office's for another case; empty if it is free.
     */
    private Optional<Backfilled> earlier(String officeCode, String ledgerNumber, String requestSha256) {
        List<?> ids = em.createNativeQuery("select case_id from ledger_row where office_code = ? and ledger_id = ?")
                .setParameter(1, officeCode).setParameter(2, ledgerNumber).getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        DisputeCase c = em.find(DisputeCase.class, ((Number) ids.get(0)).longValue());
        boolean same = history.of(c).stream().map(CaseEvent::change).filter(Objects::nonNull)
                .map(CaseChange::ledger).filter(Objects::nonNull)
                .anyMatch(s -> requestSha256.equals(s.apiRequest()));
        if (!same) {
            throw new ProblemException(Problem.of(409, "Conflict", "Ledger number " + ledgerNumber + " of office "
                            + officeCode + " is already case " + c.caseNumber() + ", registered with other facts.")
                    .withExtensions(Map.of("caseNumber", c.caseNumber())));
        }
        return Optional.of(new Backfilled(c, false));
    }

    private LedgerImport.Row check(Map<String, String> row, String officeCode, boolean anyOffice,
                                   List<Problem.FieldError> faults) {
        ZoneId zone = configured.zone();
        LedgerImport.Row r = null;
        Map<String, String> checked = row;
        if (blank(row.get("ledgerId")) == null) {
            // the import requires its 编号; a past case sent without one is numbered as any new case
            checked = new java.util.HashMap<>(row);
            checked.put("ledgerId", NO_NUMBER);
        }
        try {
            r = ledgers.parse(checked, zone, officeCode, anyOffice);
        } catch (ProblemException e) {
            if (e.problem().errors() != null) {
                faults.addAll(e.problem().errors());
            } else {
                throw e;
            }
        }
        // a past case is past: none of its moments lies ahead of now (the ledger's day alone is its start)
        OffsetDateTime now = OffsetDateTime.now(zone);
        List<String> dated = new ArrayList<>(EVENT_DATES);
        for (int i = 1; i <= LedgerImport.MOST_VISITS; i++) {
            dated.add("followUpAt" + (i == 1 ? "" : String.valueOf(i)));
        }
        for (String column : dated) {
            String value = blank(row.get(column));
            Problem.FieldError future = new Problem.FieldError(column, LedgerImport.FUTURE);
            // the row's checks find most of them (an import's row refuses them too)
            if (value != null && LedgerValues.date(value, zone).filter(at -> at.isAfter(now)).isPresent()
                    && !faults.contains(future)) {
                faults.add(future);
            }
        }
        return r;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
