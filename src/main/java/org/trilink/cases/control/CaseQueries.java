package org.trilink.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trilink.cases.entity.DisputeCase;
import org.trilink.platform.Configured;

/** Lists the cases a caller may see, narrowed by a filter, a page at a time. */
@ApplicationScoped
public class CaseQueries {

    @PersistenceContext(unitName = "trilink")
    EntityManager em;

    @Inject
    CaseAccess access;

    @Inject
    Configured configured;

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    public Page<DisputeCase> list(CaseFilter filter, int page, int size) {
        access.requireCaseWorker();
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params) + access.visibilityClause();

        TypedQuery<Long> count = em.createQuery("select count(c) from DisputeCase c where 1 = 1" + where, Long.class);
        params.forEach(count::setParameter);
        access.bindVisibility(count);
        long total = count.getSingleResult();

        TypedQuery<DisputeCase> query = em.createQuery("select c from DisputeCase c where 1 = 1" + where
                + " order by c.receivedAt desc, c.id desc", DisputeCase.class);
        params.forEach(query::setParameter);
        access.bindVisibility(query);
        List<DisputeCase> items = query.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page<>(items, page, size, total);
    }

    private String where(CaseFilter f, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        if (f.status() != null) {
            where.append(" and c.status = :status");
            params.put("status", f.status());
        }
        if (f.disputeType() != null) {
            where.append(" and c.disputeType = :type");
            params.put("type", f.disputeType());
        }
        if (f.channel() != null) {
            where.append(" and c.channel = :channel");
            params.put("channel", f.channel());
        }
        if (f.matterKind() != null) {
            where.append(" and c.matterKind = :kind");
            params.put("kind", f.matterKind());
        }
        if (f.regionCode() != null) {
            where.append(" and c.regionCode = :region");
            params.put("region", f.regionCode());
        }
        if (f.officeCode() != null) {
            where.append(" and c.handlingOfficeCode = :office");
            params.put("office", f.officeCode());
        }
        if (f.acceptedFrom() != null) {
            where.append(" and c.acceptedAt >= :acceptedFrom");
            params.put("acceptedFrom", f.acceptedFrom().atStartOfDay(configured.zone()).toOffsetDateTime());
        }
        if (f.acceptedTo() != null) {
            // inclusive cut-off date: everything before the next local midnight
            where.append(" and c.acceptedAt < :acceptedBefore");
            OffsetDateTime before = f.acceptedTo().plusDays(1).atStartOfDay(configured.zone()).toOffsetDateTime();
            params.put("acceptedBefore", before);
        }
        if (f.text() != null && !f.text().isBlank()) {
            where.append(" and lower(c.summary) like :text");
            params.put("text", "%" + escapeLike(f.text().strip().toLowerCase()) + "%");
        }
        return where.toString();
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
