package org.trilink.partners.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.trilink.partners.entity.Refusal;

/**
 * Refused partner requests, where an admin can see them. Only the claimed partner code, the
 * operation, the status and the reason (field names and rule messages, never values) are kept.
 */
@ApplicationScoped
public class RefusalLog {

    private static final Logger LOG = Logger.getLogger(RefusalLog.class.getName());
    private static final Pattern CODE = Pattern.compile("[a-z0-9-]{1,40}");

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String claimedPartner, String channel, String operation, int status, String reason,
                       String remote) {
        // a claimed partner id is whatever the caller sent: keep it only if it looks like a code
        String partner = claimedPartner != null && CODE.matcher(claimedPartner.strip()).matches()
                ? claimedPartner.strip() : null;
        String why = reason == null ? "" : reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        em.persist(new Refusal(OffsetDateTime.now(clock), partner, channel, truncate(operation, 100), status, why,
                truncate(remote, 100)));
        LOG.info("Refused partner request: partner=" + partner + " channel=" + channel + " " + operation + " -> "
                + status);
    }

    public List<Refusal> recent(int limit) {
        return em.createQuery("select r from Refusal r order by r.id desc", Refusal.class)
                .setMaxResults(limit).getResultList();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
