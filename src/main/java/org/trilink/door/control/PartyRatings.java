package org.trilink.door.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.trilink.cases.control.CaseHistory;
import org.trilink.cases.control.CaseRecords;
import org.trilink.cases.entity.CaseChange;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.platform.problem.Problem;
import org.trilink.platform.problem.ProblemException;
import org.trilink.platform.security.SecurityAudit;

/**
 * A party rates the service (评价, issue 24) after the follow-up visit: 1 to 5 stars and an
 * optional comment, once per party per case; a rating is not changed afterwards (a second one
 * is a 409), so the satisfaction rate counts what the party said first, as it counts a visit's
 * rating. Stored in {@code party_rating}, recorded as {@link CaseChange.PartyRated} (actor
 * {@code party:N}) and audited as {@code PUBLIC_SERVICE_RATED} (the score only: a comment may name anyone).
 */
@ApplicationScoped
public class PartyRatings {

    /** The longest comment kept. */
    public static final int COMMENT_MAX = 500;

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    PartyCases cases;

    @Inject
    CaseRecords records;

    @Inject
    CaseHistory history;

    @Inject
    SecurityAudit audit;

    /**
     * Whether this party may rate: {@code followedUp} once a follow-up visit is recorded, {@code
     * mayRate} while followed up and not rated yet; the rating given, if any.
     */
    public record Rating(boolean followedUp, boolean mayRate, boolean rated, Integer score, String comment,
                         OffsetDateTime ratedAt) implements java.io.Serializable {
    }

    /** The pass's party's rating, or whether it may rate now. */
    @Transactional
    public Rating of(PartyPass pass) {
        DisputeCase c = cases.caseOf(pass);
        return of(c, pass.position());
    }

    /**
     * Stores the party's rating: 400 for a score outside 1-5 or a comment too long (nothing stored);
     * 409 before the follow-up visit or when this party rated already.
     */
    @Transactional
    public Rating rate(PartyPass pass, Integer score, String comment, String address) {
        DisputeCase c = cases.caseOf(pass);
        String kept = PartyCases.blankToNull(comment);
        List<Problem.FieldError> errors = new ArrayList<>();
        if (score == null || score < 1 || score > 5) {
            errors.add(new Problem.FieldError("score", "1 to 5 stars"));
        }
        if (kept != null && kept.length() > COMMENT_MAX) {
            errors.add(new Problem.FieldError("comment", "at most " + COMMENT_MAX + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(400, "Bad Request", "The rating has invalid fields.")
                    .withErrors(errors));
        }
        // one rating at a time per case: the check and the insert below see the same rows
        em.createNativeQuery("select id from dispute_case where id = ? for update").setParameter(1, c.id())
                .getResultList();
        Rating now = of(c, pass.position());
        if (!now.followedUp()) {
            throw new ProblemException(new Problem("urn:trilink:problem:not-yet-ratable", "Conflict", 409,
                    "The service can be rated after the follow-up visit (回访), which is not recorded yet.", null,
                    null, null));
        }
        if (now.rated()) {
            throw new ProblemException(new Problem("urn:trilink:problem:already-rated", "Conflict", 409,
                    "You rated this case already (" + now.score() + " of 5); a rating is given once.", null,
                    null, null));
        }
        OffsetDateTime at = PartyPasses.now();
        em.createNativeQuery("insert into party_rating (case_id, party_position, score, comment, rated_at)"
                        + " values (?, ?, ?, ?, ?)")
                .setParameter(1, c.id()).setParameter(2, pass.position()).setParameter(3, score)
                .setParameter(4, kept).setParameter(5, at).executeUpdate();
        history.record(c, new CaseChange.PartyRated(pass.position(), score, kept), null, null, at,
                "party:" + pass.position(), null);
        audit.record(SecurityAudit.Kind.PUBLIC_SERVICE_RATED, "party:" + pass.position(), c.caseNumber(), address,
                score + " of 5");
        return new Rating(true, false, true, score, kept, at);
    }

    private Rating of(DisputeCase c, int position) {
        boolean followedUp = !records.followUps(c).isEmpty();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select score, comment, rated_at from party_rating"
                        + " where case_id = ? and party_position = ?")
                .setParameter(1, c.id()).setParameter(2, position).getResultList();
        if (rows.isEmpty()) {
            return new Rating(followedUp, followedUp, false, null, null, null);
        }
        Object[] r = rows.get(0);
        return new Rating(followedUp, false, true, ((Number) r[0]).intValue(), (String) r[1],
                PartyPasses.time(r[2]));
    }
}
