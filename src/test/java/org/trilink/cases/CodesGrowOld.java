package org.trilink.cases;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import org.trilink.platform.problem.ProblemException;

/**
 * Test-only endpoint, packaged into CaseApiIT's deployment and never into the product: moves a
 * one-time code's clock back by some seconds (its creation and expiry both), as if that time had
 * passed, so that the server's own expiry check is tested without waiting five minutes. Answers the
 * code's lifetime as stored, in seconds. Admin only.
 */
@Path("test-fixtures/codes")
@Produces(MediaType.APPLICATION_JSON)
public class CodesGrowOld {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Context
    SecurityContext security;

    @POST
    @Path("{challenge}/older/{seconds}")
    @Transactional
    public Map<String, Object> older(@PathParam("challenge") String challenge, @PathParam("seconds") int seconds) {
        if (!security.isUserInRole("ADMIN")) {
            throw ProblemException.forbidden("fixtures are for the admin");
        }
        Object[] times = (Object[]) em.createNativeQuery("select created_at, expires_at from public_code where id = ?")
                .setParameter(1, challenge).getSingleResult();
        long lifetime = java.time.Duration.between(instant(times[0]), instant(times[1])).toSeconds();
        em.createNativeQuery("update public_code set created_at = ?, expires_at = ? where id = ?")
                .setParameter(1, instant(times[0]).minusSeconds(seconds).atOffset(java.time.ZoneOffset.UTC))
                .setParameter(2, instant(times[1]).minusSeconds(seconds).atOffset(java.time.ZoneOffset.UTC))
                .setParameter(3, challenge).executeUpdate();
        return Map.of("lifetimeSeconds", lifetime);
    }

    private static java.time.Instant instant(Object value) {
        if (value instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return (java.time.Instant) value;
    }

    /** Forgets today's counts of the offices' daily limit (the kept test database outlives a day's runs). */
    @POST
    @Path("office-limits/forget")
    @Transactional
    public Map<String, Object> forgetOfficeLimits() {
        if (!security.isUserInRole("ADMIN")) {
            throw ProblemException.forbidden("fixtures are for the admin");
        }
        int rows = em.createNativeQuery("delete from public_limit where limit_key like 'office:%'").executeUpdate();
        return Map.of("forgotten", rows);
    }
}
