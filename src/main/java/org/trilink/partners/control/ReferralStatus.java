package org.trilink.partners.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.trilink.partners.entity.PartnerReferral;
import org.trilink.platform.problem.ProblemException;

/**
 * Where a partner's referral stands, read from the referral row and the case: PENDING until
 * the receiving office decides, then ACCEPTED or REJECTED, CONCLUDED once an outcome is recorded.
 */
@ApplicationScoped
public class ReferralStatus {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    /** The partner's own referral; another partner's answers 404 like a missing one. */
    public String of(String partnerCode, String referralId) {
        PartnerReferral r = em.find(PartnerReferral.class, referralId);
        if (r == null || !r.partnerCode().equals(partnerCode)) {
            throw ProblemException.notFound("No referral " + referralId + " of this partner.");
        }
        return view(r).build().toString();
    }

    public JsonObjectBuilder view(PartnerReferral r) {
        Object[] row = (Object[]) em.createNativeQuery("select r.status, r.rejection_reason, c.outcome,"
                        + " c.agreement_form, c.outcome_at from referral r join dispute_case c on c.id = r.case_id"
                        + " where r.id = ?")
                .setParameter(1, r.referralRowId())
                .getSingleResult();
        String referralStatus = (String) row[0];
        String outcome = (String) row[2];
        String status = outcome != null && "ACCEPTED".equals(referralStatus) ? "CONCLUDED"
                : "ACCEPTED".equals(referralStatus) || "REJECTED".equals(referralStatus) ? referralStatus : "PENDING";
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("referralId", r.referralId())
                .add("externalId", r.externalId())
                .add("caseNumber", r.caseNumber())
                .add("status", status);
        if (row[1] != null && "REJECTED".equals(status)) {
            o.add("rejectionReason", (String) row[1]);
        } else {
            o.addNull("rejectionReason");
        }
        if ("CONCLUDED".equals(status)) {
            o.add("outcome", outcome(outcome, (String) row[3], timestamp(row[4])));
        } else {
            o.addNull("outcome");
        }
        return o;
    }

    static JsonObjectBuilder outcome(String result, String agreementForm, String concludedAt) {
        JsonObjectBuilder o = Json.createObjectBuilder().add("result", result);
        if (agreementForm != null) {
            o.add("agreementForm", agreementForm);
        } else {
            o.addNull("agreementForm");
        }
        if (concludedAt != null) {
            o.add("concludedAt", concludedAt);
        } else {
            o.addNull("concludedAt");
        }
        return o;
    }

    static String timestamp(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().toString();
        }
        return value.toString();
    }
}
