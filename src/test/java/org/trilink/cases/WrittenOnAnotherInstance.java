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
 * Test-only endpoint, packaged into CaseApiIT's deployment and never into the product. In a
 * cluster each instance takes ids from the database sequences in blocks of 50, so an event that
 * the other instance writes a moment later may carry a lower id than every event already there.
 * This writes such an event now, with an id below all others, as that instance would. Admin only.
 */
@Path("test-fixtures/cases")
@Produces(MediaType.APPLICATION_JSON)
public class WrittenOnAnotherInstance {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Context
    SecurityContext security;

    @POST
    @Path("{number}/event")
    @Transactional
    public Map<String, Object> event(@PathParam("number") String number) {
        if (!security.isUserInRole("ADMIN")) {
            throw ProblemException.forbidden("fixtures are for the admin");
        }
        long caseId = ((Number) em.createNativeQuery("select id from dispute_case where case_number = ?")
                .setParameter(1, number).getSingleResult()).longValue();
        long id = ((Number) em.createNativeQuery("select min(id) - 1 from case_event").getSingleResult()).longValue();
        em.createNativeQuery("insert into case_event (id, case_id, type, occurred_at, actor, office_code, detail)"
                        + " values (?, ?, 'RISK_CHANGED', current_timestamp, 'admin', null,"
                        + " '{\"reason\":\"on the other instance\"}')")
                .setParameter(1, id).setParameter(2, caseId).executeUpdate();
        return Map.of("id", id);
    }
}
