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
import java.util.OptionalLong;
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

    @Inject
    OfficeDesk desk;

    private static final CaseFilter NO_FILTER = new CaseFilter(null, null, null, null, null, null, null, null, null);

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    public Page<DisputeCase> list(CaseFilter filter, int page, int size) {
        return new Page<>(page(filter, page * size, size, null, false), page, size, count(filter));
    }

    /** How many cases the caller may see under the filter. Costly on big tables: call it when the filter changes. */
    public long count(CaseFilter filter) {
        return query("select count(c)", filter, "", Long.class).getSingleResult();
    }

    /** A list counts matching cases up to this many; beyond it, it says "more than". */
    public int countCap() {
        return configured.listCountCap();
    }

    /**
     * How many cases the caller may see under the filter, counting no further than the cap:
     * a list page needs "more than ten thousand", not the exact figure, and stopping early keeps a
     * broad filter on a million cases as quick as a narrow one. Answers {@code cap + 1} when there
     * are more than the cap.
     */
    public long countUpTo(CaseFilter filter) {
        if (filter.equals(NO_FILTER)) {
            access.requireCaseWorker();
            // the list as it first opens: 1-2 ms from the participations' index, where the join
            // with a million cases took 20-300 ms depending on where PostgreSQL's scan started
            OptionalLong visible = access.countVisibleUpTo(countCap());
            if (visible.isPresent()) {
                return visible.getAsLong();
            }
        }
        return query("select c.id", filter, "", Long.class).setMaxResults(countCap() + 1).getResultList().size();
    }

    /**
     * Cases {@code first} to {@code first + size} under the filter, newest first unless sorted by
     * one of {@link #SORTABLE} (anything else is ignored rather than put into the query).
     */
    public List<DisputeCase> page(CaseFilter filter, int first, int size, String sortField, boolean ascending) {
        String order = sortField != null && SORTABLE.contains(sortField)
                ? " order by c." + sortField + (ascending ? " asc" : " desc") + ", c.id" + (ascending ? " asc" : " desc")
                : null; // newest first: by the participations' copy of the time of receipt where the list is theirs
        return query("select c", filter, order, DisputeCase.class).setFirstResult(first).setMaxResults(size)
                .getResultList();
    }

    /**
     * {@code select} (over alias c) of the cases the caller may see under the filter, in {@code order}
     * (null: newest first; "" for none).
     */
    private <T> TypedQuery<T> query(String select, CaseFilter filter, String order, Class<T> type) {
        access.requireCaseWorker();
        Map<String, Object> params = new HashMap<>();
        // the referrals waiting at the office: their cases are narrowed to exactly those ids, all
        // addressed to the caller's office, which may open them before it takes part in them
        boolean addressed = filter.desk() != null && filter.desk().addressedToOffice();
        boolean participations = !addressed && access.listsParticipations();
        String from = participations ? " from DisputeCase c" + CaseAccess.participationsJoin() : " from DisputeCase c where 1 = 1";
        if (order == null) {
            order = participations ? CaseAccess.LIST_ORDER : " order by c.receivedAt desc, c.id desc";
        }
        TypedQuery<T> query = em.createQuery(select + from + where(filter, params) + order, type);
        params.forEach(query::setParameter);
        if (participations) {
            access.bindVisibility(query);
        }
        return query;
    }

    /** The fields a list may be sorted by. */
    public static final java.util.Set<String> SORTABLE = java.util.Set.of("receivedAt", "acceptedAt", "caseNumber",
            "registerNumber",
            "status", "disputeType", "channel", "riskLevel", "regionCode", "handlingOfficeCode");

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
        String pattern = org.trilink.cases.entity.CaseSearchTerms.pattern(f.text());
        if (pattern != null) {
            // any part of a case, register, ledger or agreement number (whatever brackets the year
            // was typed in), of a party's name, a phone's last four digits or the summary; the
            // terms are kept by CaseSearch, and on PostgreSQL a pg_trgm index serves the infix like
            where.append(" and c.id in (select s.caseId from CaseSearchTerms s where s.terms like :text)");
            params.put("text", pattern);
        }
        if (f.desk() != null) {
            desk(f.desk(), where, params);
        }
        return where.toString();
    }

    /** A list of the desk: its conditions on the case where it has them, else the cases it counted. */
    private void desk(DeskList list, StringBuilder where, Map<String, Object> params) {
        String office = desk.deskOffice();
        switch (list) {
            case OPEN, HIGH_RISK -> {
                where.append(" and c.status not in :deskClosed");
                params.put("deskClosed", List.of(org.trilink.cases.entity.CaseStatus.DECLINED,
                        org.trilink.cases.entity.CaseStatus.CLOSED));
                if (list == DeskList.HIGH_RISK) {
                    where.append(" and c.riskLevel = :deskRisk");
                    params.put("deskRisk", org.trilink.cases.entity.RiskLevel.HIGH);
                }
                if (office != null) {
                    where.append(" and c.handlingOfficeCode = :deskOffice");
                    params.put("deskOffice", office);
                }
            }
            default -> {
                List<Long> ids = desk.caseIds(list);
                if (ids.isEmpty()) {
                    where.append(" and 1 = 0");
                } else {
                    where.append(" and c.id in :deskIds");
                    params.put("deskIds", ids);
                }
            }
        }
    }

    /** A text for {@code like}, its wildcards taken literally (backslash is the escape of both databases). */
    public static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
