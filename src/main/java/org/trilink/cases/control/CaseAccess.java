package org.trilink.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.trilink.cases.entity.CaseParticipant;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.offices.entity.Role;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.CurrentUser;

/**
 * The one place that decides who may see a case. Staff see cases their office handles or
 * takes part in; the district admin sees every case; drafters see none. A case the caller
 * may not see answers 404, so that its existence is not revealed.
 */
@ApplicationScoped
public class CaseAccess {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    CurrentUser user;

    /** The case, if the caller may see it; otherwise 404. */
    public DisputeCase visible(String caseNumber) {
        requireCaseWorker();
        DisputeCase c = em.createQuery("select c from DisputeCase c where c.caseNumber = :n", DisputeCase.class)
                .setParameter("n", caseNumber)
                .getResultStream().findFirst()
                .orElseThrow(() -> noSuchCase(caseNumber));
        if (!user.admin() && !takesPart(c)) {
            throw noSuchCase(caseNumber);
        }
        return c;
    }

    /** Drafters work on statistics only; every case endpoint refuses them. */
    public void requireCaseWorker() {
        if (!user.admin() && !user.is(Role.STAFF) && !user.is(Role.OFFICE_HEAD)) {
            throw ProblemException.forbidden("Your role does not work on cases.");
        }
    }

    /** Whether the caller's office handles or jointly mediates the case (not: handled it once). */
    public boolean takesPart(DisputeCase c) {
        String office = user.officeCode();
        if (office == null) {
            return false;
        }
        CaseParticipant p = em.find(CaseParticipant.class, new CaseParticipant.Key(c.id(), office));
        return p != null && p.part() != CaseParticipant.Part.FORMER;
    }

    /**
     * Full ID numbers and phones are for staff of an office taking part in the case. Each
     * time they are shown, who saw them is recorded.
     */
    @Transactional
    public boolean revealPersonalData(DisputeCase c, String purpose) {
        if (!takesPart(c)) {
            return false;
        }
        em.createNativeQuery("insert into personal_data_view (id, case_id, viewer, office_code, viewed_at, purpose)"
                        + " values (nextval('data_view_seq'), ?, ?, ?, ?, ?)")
                .setParameter(1, c.id())
                .setParameter(2, user.username())
                .setParameter(3, user.officeCode())
                .setParameter(4, OffsetDateTime.now(Clock.systemUTC()))
                .setParameter(5, purpose)
                .executeUpdate();
        return true;
    }

    /** Restricts a case query (alias {@code c}) to the cases the caller may see. */
    public String visibilityClause() {
        return user.admin() ? "" : " and exists (select p from CaseParticipant p where p.caseId = c.id"
                + " and p.officeCode = :accessOffice and p.part <> org.trilink.cases.entity.CaseParticipant.Part.FORMER)";
    }

    public void bindVisibility(TypedQuery<?> query) {
        if (!user.admin()) {
            query.setParameter("accessOffice", user.officeCode() == null ? "-" : user.officeCode());
        }
    }

    private static ProblemException noSuchCase(String caseNumber) {
        return ProblemException.notFound("No case " + caseNumber + " that you may see.");
    }
}
