package org.trilink.door.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Map;

/**
 * Counts per key and district day in the database, so that every instance of a cluster shares
 * them: one conditional update per key ({@code used < max}) is the check and the count at once,
 * and a refusal rolls back the counts of the other keys taken with it.
 */
@ApplicationScoped
public class DailyLimits {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    /** Takes one of each key's daily allowance, or none when any is used up (LimitReached names it). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void take(LocalDate day, Map<String, Integer> maxima, long secondsToMidnight) {
        for (Map.Entry<String, Integer> limit : maxima.entrySet()) {
            em.createNativeQuery("insert into public_limit (limit_key, limit_day, used) values (?, ?, 0) on conflict do nothing")
                    .setParameter(1, limit.getKey()).setParameter(2, day).executeUpdate();
            int taken = em.createNativeQuery("update public_limit set used = used + 1 where limit_key = ? and limit_day = ?"
                            + " and used < ?")
                    .setParameter(1, limit.getKey()).setParameter(2, day).setParameter(3, limit.getValue())
                    .executeUpdate();
            if (taken == 0) {
                String key = limit.getKey();
                throw new LimitReached(key.substring(0, key.indexOf(':')), secondsToMidnight);
            }
        }
        if (java.util.concurrent.ThreadLocalRandom.current().nextInt(200) == 0) {
            em.createNativeQuery("delete from public_limit where limit_day < ?").setParameter(1, day.minusDays(2))
                    .executeUpdate();
        }
    }
}
