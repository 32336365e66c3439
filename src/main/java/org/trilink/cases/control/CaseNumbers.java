package org.trilink.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import org.trilink.platform.Configured;

/**
 * Case numbers people can read out on the phone: {@code TL2026-000123}, the year received
 * (in the district's time zone) and a counter from a database sequence, so that several
 * instances never hand out the same number.
 */
@ApplicationScoped
public class CaseNumbers {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    Configured configured;

    public String next(OffsetDateTime receivedAt) {
        Number n = (Number) em.createNativeQuery("select nextval('case_number_seq')").getSingleResult();
        return format(receivedAt.atZoneSameInstant(configured.zone()).getYear(), n.longValue());
    }

    public static String format(int year, long counter) {
        return String.format("TL%d-%06d", year, counter);
    }
}
